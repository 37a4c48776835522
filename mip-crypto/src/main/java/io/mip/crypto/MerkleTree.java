package io.mip.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * Merkle hash trees as defined in RFC 9162 section 2.1 (Certificate Transparency v2): SHA-256, leaf
 * hashes {@code H(0x00 || leaf)}, interior nodes {@code H(0x01 || left || right)}, and audit paths
 * (inclusion proofs) per section 2.1.3.
 *
 * <p>The root of an empty tree is SHA-256 of the empty string.
 */
public final class MerkleTree {
  private MerkleTree() {}

  /** Returns the leaf hash {@code SHA-256(0x00 || leaf)}. */
  public static byte[] leafHash(byte[] leaf) {
    byte[] in = new byte[leaf.length + 1];
    System.arraycopy(leaf, 0, in, 1, leaf.length);
    return Hashes.sha256(in);
  }

  private static byte[] nodeHash(byte[] left, byte[] right) {
    byte[] in = new byte[1 + left.length + right.length];
    in[0] = 1;
    System.arraycopy(left, 0, in, 1, left.length);
    System.arraycopy(right, 0, in, 1 + left.length, right.length);
    return Hashes.sha256(in);
  }

  /** Returns the Merkle tree hash of {@code leaves} (the leaf data, not yet hashed). */
  public static byte[] root(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return Hashes.sha256(new byte[0]);
    }
    List<byte[]> level = new ArrayList<>(leaves.size());
    for (byte[] leaf : leaves) {
      level.add(leafHash(leaf));
    }
    return rootOfHashes(level, 0, level.size());
  }

  private static byte[] rootOfHashes(List<byte[]> hashes, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return hashes.get(from);
    }
    int k = largestPowerOfTwoBelow(n);
    return nodeHash(rootOfHashes(hashes, from, from + k), rootOfHashes(hashes, from + k, to));
  }

  /** Returns the audit path for leaf {@code index} (RFC 9162 section 2.1.3.1). */
  public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
    if (index < 0 || index >= leaves.size()) {
      throw new IndexOutOfBoundsException("leaf index " + index + " of " + leaves.size());
    }
    List<byte[]> hashes = new ArrayList<>(leaves.size());
    for (byte[] leaf : leaves) {
      hashes.add(leafHash(leaf));
    }
    List<byte[]> path = new ArrayList<>();
    path(hashes, index, 0, hashes.size(), path);
    return path;
  }

  private static void path(List<byte[]> hashes, int m, int from, int to, List<byte[]> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(hashes, m, from, from + k, out);
      out.add(rootOfHashes(hashes, from + k, to));
    } else {
      path(hashes, m - k, from + k, to, out);
      out.add(rootOfHashes(hashes, from, from + k));
    }
  }

  /**
   * Verifies an audit path (RFC 9162 section 2.1.3.2). Returns {@code false} for any mismatch or
   * malformed input; never throws.
   */
  public static boolean verifyInclusion(
      byte[] leaf, long index, long treeSize, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= treeSize || leaf == null || proof == null || root == null) {
      return false;
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash(leaf);
    for (byte[] p : proof) {
      if (sn == 0 || p == null || p.length != 32) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Hashes.constantTimeEquals(r, root);
  }

  private static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
