package io.mip.node.internal.ledger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.ledger.Block;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.OperationId;
import io.mip.ledger.Receipt;
import java.util.List;

/**
 * The wire form of ledger values. Field names are part of the HTTP API (docs/http-api.md); times
 * are RFC 3339 UTC strings.
 */
public final class LedgerJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private LedgerJson() {}

  /** {@code {"id","sequence","blockHeight","time"}}. */
  public static ObjectNode receipt(Receipt r) {
    ObjectNode json = F.objectNode();
    json.put("id", r.id().value());
    json.put("sequence", r.sequence());
    json.put("blockHeight", r.blockHeight());
    json.put("time", r.time().toString());
    return json;
  }

  /** {@code {"operation": {...signed op...}, "receipt": {...}}}. */
  public static ObjectNode entry(LedgerEntry e) {
    ObjectNode json = F.objectNode();
    json.set("operation", e.operation().toJson());
    json.set("receipt", receipt(e.receipt()));
    return json;
  }

  /** {@code {"stream", "entries": [...]}}. */
  public static ObjectNode stream(String stream, List<LedgerEntry> entries) {
    ObjectNode json = F.objectNode();
    json.put("stream", stream);
    ArrayNode list = json.putArray("entries");
    entries.forEach(e -> list.add(entry(e)));
    return json;
  }

  /** The block header fields plus the ordered operation ids. */
  public static ObjectNode block(Block b) {
    ObjectNode json = F.objectNode();
    json.put("height", b.height());
    json.put("previousHash", b.previousHash());
    json.put("time", b.time().toString());
    json.put("merkleRoot", b.merkleRoot());
    json.put("hash", b.hash());
    json.put("signer", b.signer());
    json.put("signature", b.signature());
    ArrayNode ops = json.putArray("operations");
    for (OperationId id : b.operations()) {
      ops.add(id.value());
    }
    return json;
  }

  /** {@code {"height", "size"}}. */
  public static ObjectNode head(long height, long size) {
    ObjectNode json = F.objectNode();
    json.put("height", height);
    json.put("size", size);
    return json;
  }
}
