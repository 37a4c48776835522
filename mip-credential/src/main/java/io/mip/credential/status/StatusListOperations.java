package io.mip.credential.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds and reads status list operations on stream {@code status:<issuer-did>:<list-id>}, each
 * signed by the issuer's current DID signing key:
 *
 * <pre>{@code
 * status.create {"bits": 2, "size": 131072}                      (first operation, prev null)
 * status.set    {"entries": [{"idx": 7, "status": 1}, ...]}      (at most 1,024 entries)
 * }</pre>
 *
 * Replaying creates the list all VALID and applies every {@code status.set} in order.
 */
public final class StatusListOperations {
  /** Operation type creating a list. */
  public static final String CREATE = "status.create";

  /** Operation type changing entries. */
  public static final String SET = "status.set";

  /** Most entries per {@code status.set}. */
  public static final int MAX_ENTRIES = 1024;

  private StatusListOperations() {}

  /** Signs a {@code status.create}. */
  public static Operation create(StatusListId id, int size, int bits, Ed25519PrivateKey key) {
    StatusList.create(size, bits); // validates
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("bits", bits);
    p.put("size", size);
    return Operation.sign(CREATE, id.stream(), null, p, key);
  }

  /** Signs a {@code status.set}. */
  public static Operation set(
      StatusListId id, OperationId prev, Map<Integer, TokenStatus> changes, Ed25519PrivateKey key) {
    if (changes.isEmpty() || changes.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("1.." + MAX_ENTRIES + " entries per status.set");
    }
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    ArrayNode entries = p.putArray("entries");
    new TreeMap<>(changes)
        .forEach((idx, s) -> entries.addObject().put("idx", idx).put("status", s.value()));
    return Operation.sign(SET, id.stream(), prev, p, key);
  }

  /** Parses a create payload into an empty list; empty if malformed. */
  static Optional<StatusList> parseCreate(JsonNode p) {
    if (p.size() != 2 || !p.path("bits").isInt() || !p.path("size").isInt()) {
      return Optional.empty();
    }
    try {
      return Optional.of(StatusList.create(p.get("size").intValue(), p.get("bits").intValue()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Parses a set payload against {@code list}; empty if malformed or out of range. */
  static Optional<Map<Integer, TokenStatus>> parseSet(JsonNode p, StatusList list) {
    JsonNode entries = p.get("entries");
    if (p.size() != 1
        || entries == null
        || !entries.isArray()
        || entries.isEmpty()
        || entries.size() > MAX_ENTRIES) {
      return Optional.empty();
    }
    Map<Integer, TokenStatus> out = new LinkedHashMap<>();
    for (JsonNode e : entries) {
      if (e.size() != 2 || !e.path("idx").isInt() || !e.path("status").isInt()) {
        return Optional.empty();
      }
      int idx = e.get("idx").intValue();
      int v = e.get("status").intValue();
      if (idx < 0
          || idx >= list.size()
          || v < 0
          || v > 2
          || v >= (1 << list.bits())
          || out.put(idx, TokenStatus.of(v)) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }
}
