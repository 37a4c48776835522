package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 section 2.1 Merkle trees. RFC 9162 has no test vectors; the roots and audit paths below
 * are the Certificate Transparency reference test data (RFC 6962 hashing, which RFC 9162 keeps),
 * and every proof is also checked against a direct transcription of the RFC's recursive
 * definitions.
 */
class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final List<byte[]> LEAVES =
      List.of(
          HEX.parseHex(""),
          HEX.parseHex("00"),
          HEX.parseHex("10"),
          HEX.parseHex("2021"),
          HEX.parseHex("3031"),
          HEX.parseHex("40414243"),
          HEX.parseHex("5051525354555657"),
          HEX.parseHex("606162636465666768696a6b6c6d6e6f"));
  private static final String[] ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  @Test
  void root_ctReferenceLeaves_matchesRootForEverySize() {
    for (int n = 0; n <= 8; n++) {
      List<byte[]> leaves = LEAVES.subList(0, n);
      assertThat(HEX.formatHex(MerkleTree.root(leaves))).as("size %d", n).isEqualTo(ROOTS[n]);
      assertThat(MerkleTree.root(leaves)).isEqualTo(referenceRoot(leaves));
    }
  }

  @Test
  void inclusionProof_ctReferencePaths_match() {
    assertThat(MerkleTree.inclusionProof(LEAVES, 0))
        .map(HEX::formatHex)
        .containsExactly(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(MerkleTree.inclusionProof(LEAVES, 5))
        .map(HEX::formatHex)
        .containsExactly(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
  }

  @Test
  void verifyInclusion_everyLeafOfTreesUpTo8_verifiesAndMatchesReference() {
    for (int n = 1; n <= 8; n++) {
      List<byte[]> leaves = LEAVES.subList(0, n);
      byte[] root = MerkleTree.root(leaves);
      for (int m = 0; m < n; m++) {
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, m);
        assertThat(proof)
            .as("path %d of %d", m, n)
            .containsExactlyElementsOf(referencePath(m, leaves));
        assertThat(MerkleTree.verifyInclusion(leaves.get(m), m, n, proof, root))
            .as("leaf %d of %d", m, n)
            .isTrue();
      }
    }
  }

  @Test
  void verifyInclusion_anyTampering_fails() {
    for (int n = 1; n <= 8; n++) {
      List<byte[]> leaves = LEAVES.subList(0, n);
      byte[] root = MerkleTree.root(leaves);
      for (int m = 0; m < n; m++) {
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, m);
        byte[] leaf = leaves.get(m);
        String at = "leaf " + m + " of " + n;

        assertThat(MerkleTree.verifyInclusion(concat(leaf, 1), m, n, proof, root)).as(at).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, m, n, proof, flip(root, 0))).as(at).isFalse();
        if (n > 1) {
          assertThat(MerkleTree.verifyInclusion(leaf, (m + 1) % n, n, proof, root))
              .as(at)
              .isFalse();
          assertThat(MerkleTree.verifyInclusion(leaf, m, n, proof.subList(1, proof.size()), root))
              .as(at)
              .isFalse();
        }
        // The tree size is not tampered with here: RFC 9162 binds it to the root in the signed
        // tree head; a proof for (m, n) can verify for another size whose path has the same shape.
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(new byte[32]);
        assertThat(MerkleTree.verifyInclusion(leaf, m, n, longer, root)).as(at).isFalse();
        for (int i = 0; i < proof.size(); i++) {
          List<byte[]> bad = new ArrayList<>(proof);
          bad.set(i, flip(proof.get(i), 31));
          assertThat(MerkleTree.verifyInclusion(leaf, m, n, bad, root)).as(at).isFalse();
        }
      }
    }
  }

  @Test
  void verifyInclusion_malformedInput_isFalse() {
    byte[] root = MerkleTree.root(LEAVES);
    List<byte[]> proof = MerkleTree.inclusionProof(LEAVES, 2);
    assertThat(MerkleTree.verifyInclusion(LEAVES.get(2), -1, 8, proof, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(LEAVES.get(2), 8, 8, proof, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(null, 2, 8, proof, root)).isFalse();
    List<byte[]> shortElement = new ArrayList<>(proof);
    shortElement.set(0, new byte[31]);
    assertThat(MerkleTree.verifyInclusion(LEAVES.get(2), 2, 8, shortElement, root)).isFalse();
  }

  @Test
  void leafHash_differsFromInteriorHashOfSameBytes() {
    // Domain separation (RFC 9162 section 2.1.1): a leaf cannot pose as an interior node.
    byte[] left = MerkleTree.leafHash(LEAVES.get(0));
    byte[] right = MerkleTree.leafHash(LEAVES.get(1));
    byte[] twoLeafRoot = MerkleTree.root(LEAVES.subList(0, 2));
    assertThat(MerkleTree.root(List.of(concat(left, right)))).isNotEqualTo(twoLeafRoot);
  }

  @Test
  void inclusionProof_indexOutOfRange_throws() {
    assertThatThrownBy(() -> MerkleTree.inclusionProof(LEAVES, 8))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** MTH(D[n]) exactly as RFC 9162 section 2.1.1 defines it. */
  private static byte[] referenceRoot(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return Hashes.sha256(new byte[0]);
    }
    if (n == 1) {
      return Hashes.sha256(concat(new byte[] {0}, d.get(0)));
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return Hashes.sha256(
        concat(
            new byte[] {1},
            concat(referenceRoot(d.subList(0, k)), referenceRoot(d.subList(k, n)))));
  }

  /** PATH(m, D[n]) exactly as RFC 9162 section 2.1.3.1 defines it. */
  private static List<byte[]> referencePath(int m, List<byte[]> d) {
    int n = d.size();
    List<byte[]> out = new ArrayList<>();
    if (n == 1) {
      return out;
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    if (m < k) {
      out.addAll(referencePath(m, d.subList(0, k)));
      out.add(referenceRoot(d.subList(k, n)));
    } else {
      out.addAll(referencePath(m - k, d.subList(k, n)));
      out.add(referenceRoot(d.subList(0, k)));
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] concat(byte[] a, int extra) {
    return concat(a, new byte[] {(byte) extra});
  }

  private static byte[] flip(byte[] a, int index) {
    byte[] out = a.clone();
    out[index] ^= 1;
    return out;
  }
}
