package io.mip.profile.anchor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a leaf is anchored on the ledger: the proof is for this leaf, its audit path leads to
 * its root (RFC 9162 section 2.1.3.2), and the ledger holds a validly signed {@code anchor.batch}
 * operation with that root, batch number and size.
 *
 * @param ok whether everything checked out
 * @param failure what failed, when not ok
 */
public record ProofVerification(boolean ok, Optional<Failure> failure) {
  /** What can fail. */
  public enum Failure {
    /** The proof is for other bytes than the ones being verified. */
    LEAF_MISMATCH,
    /** The audit path does not lead to the root. */
    PATH_INVALID,
    /** The ledger has no such operation. */
    ANCHOR_NOT_ON_LEDGER,
    /** The operation is not a validly signed anchor of this root, batch and size. */
    ANCHOR_MISMATCH
  }

  /** Verifies {@code proof} for {@code leaf} against {@code anchor} (the ledger's operation). */
  public static ProofVerification verify(
      byte[] leaf, InclusionProof proof, Optional<Operation> anchor) {
    byte[] proofLeaf;
    List<byte[]> path = new ArrayList<>();
    byte[] root;
    try {
      proofLeaf = proof.leafBytes();
      proof.path().forEach(h -> path.add(Base64Url.decode(h)));
      root = Base64Url.decode(proof.root());
    } catch (IllegalArgumentException e) {
      return failed(Failure.PATH_INVALID);
    }
    if (!Arrays.equals(leaf, proofLeaf)) {
      return failed(Failure.LEAF_MISMATCH);
    }
    if (!MerkleTree.verifyInclusion(leaf, proof.index(), proof.treeSize(), path, root)) {
      return failed(Failure.PATH_INVALID);
    }
    if (anchor.isEmpty()) {
      return failed(Failure.ANCHOR_NOT_ON_LEDGER);
    }
    Operation op = anchor.get();
    ObjectNode p = op.payload();
    boolean matches =
        op.id().equals(proof.operation())
            && op.type().equals(AnchorOperations.BATCH)
            && op.stream().equals(AnchorOperations.streamOf(op.signer()))
            && op.signatureValid()
            && p.path("root").asText("").equals(proof.root())
            && p.path("batch").asLong(-1) == proof.batch()
            && p.path("size").asLong(-1) == proof.treeSize();
    return matches
        ? new ProofVerification(true, Optional.empty())
        : failed(Failure.ANCHOR_MISMATCH);
  }

  private static ProofVerification failed(Failure f) {
    return new ProofVerification(false, Optional.of(f));
  }
}
