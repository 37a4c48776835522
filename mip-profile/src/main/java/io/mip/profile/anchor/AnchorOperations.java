package io.mip.profile.anchor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.util.Optional;

/**
 * Builds {@code anchor.batch} operations: stream {@code anchor:<node key multibase>}, payload
 * {@code {"batch": n, "root": "<base64url Merkle root>", "size": leaves}}, signed by the node key.
 * The payload holds hashes and counts only: no DID, no category, no record id.
 */
public final class AnchorOperations {
  /** Operation type. */
  public static final String BATCH = "anchor.batch";

  /** Stream prefix. */
  public static final String STREAM_PREFIX = "anchor:";

  private AnchorOperations() {}

  /** Returns the anchor stream of a node key. */
  public static String streamOf(Ed25519PublicKey nodeKey) {
    return STREAM_PREFIX + nodeKey.toMultibase();
  }

  /** Signs an {@code anchor.batch}. */
  public static Operation batch(
      long seq, String root, int size, Optional<OperationId> prev, Ed25519PrivateKey nodeKey) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("batch", seq);
    payload.put("root", root);
    payload.put("size", size);
    return Operation.sign(
        BATCH, streamOf(nodeKey.publicKey()), prev.orElse(null), payload, nodeKey);
  }
}
