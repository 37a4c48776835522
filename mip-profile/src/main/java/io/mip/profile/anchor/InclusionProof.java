package io.mip.profile.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.ledger.OperationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 section 2.1.3 inclusion proof that a leaf is in an anchored batch, with the ledger
 * operation that carries the batch root.
 *
 * @param leaf the leaf bytes ({@link Leaves}), base64url
 * @param batch the batch number
 * @param index the leaf index
 * @param treeSize the batch's leaf count
 * @param path the audit path, base64url hashes, leaf to root
 * @param root the batch root, base64url
 * @param operation the {@code anchor.batch} operation's id
 */
public record InclusionProof(
    String leaf,
    long batch,
    long index,
    long treeSize,
    List<String> path,
    String root,
    OperationId operation) {
  /** Validates and copies. */
  public InclusionProof {
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(operation, "operation");
    path = List.copyOf(path);
    if (batch < 1 || index < 0 || index >= treeSize || path.size() > 64) {
      throw new IllegalArgumentException("inclusion proof numbers out of range");
    }
  }

  /** Returns the proof as JSON. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("leaf", leaf);
    o.put("batch", batch);
    o.put("index", index);
    o.put("treeSize", treeSize);
    ArrayNode p = o.putArray("path");
    path.forEach(p::add);
    o.put("root", root);
    o.put("operation", operation.value());
    return o;
  }

  /**
   * Parses the JSON form.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static InclusionProof fromJson(JsonNode n) {
    if (n == null || !n.isObject() || !n.path("path").isArray()) {
      throw new IllegalArgumentException("inclusion proof must be an object with a path");
    }
    List<String> path = new ArrayList<>();
    n.get("path").forEach(h -> path.add(h.asText("")));
    return new InclusionProof(
        n.path("leaf").asText(""),
        n.path("batch").asLong(),
        n.path("index").asLong(),
        n.path("treeSize").asLong(),
        path,
        n.path("root").asText(""),
        new OperationId(n.path("operation").asText("")));
  }

  /** Returns the leaf bytes. */
  public byte[] leafBytes() {
    return Base64Url.decode(leaf);
  }
}
