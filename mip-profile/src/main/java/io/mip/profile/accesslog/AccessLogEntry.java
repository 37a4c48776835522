package io.mip.profile.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import io.mip.crypto.Jcs;
import io.mip.profile.RecordId;
import io.mip.profile.anchor.Leaves;
import io.mip.profile.internal.Checks;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One read of a person's record by an app, as an entry of the person's access log: a hash chain
 * where each entry names the previous entry's hash. The hash is base64url SHA-256 over the JCS (RFC
 * 8785) form of {@code {seq, time, app, record, prev}}.
 *
 * @param seq 1 for the first read, then +1
 * @param time when the node served the record (millisecond precision)
 * @param app the reading app's DID
 * @param record the record served
 * @param prev the previous entry's hash, {@link #GENESIS} for the first
 */
public record AccessLogEntry(long seq, Instant time, String app, RecordId record, String prev) {
  /** The {@code prev} of the first entry: 43 base64url 'A's (32 zero bytes). */
  public static final String GENESIS = "A".repeat(43);

  private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Validates and truncates the time to milliseconds. */
  public AccessLogEntry {
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1");
    }
    time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
    Checks.did(app, "app");
    Objects.requireNonNull(record, "record");
    if (prev == null || !HASH.matcher(prev).matches()) {
      throw new IllegalArgumentException("prev must be a base64url SHA-256");
    }
  }

  /** Returns the entry's JSON form. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("seq", seq);
    o.put("time", time.toString());
    o.put("app", app);
    o.put("record", record.value());
    o.put("prev", prev);
    return o;
  }

  /** Returns this entry's hash. */
  public String hash() {
    return Base64Url.encode(Hashes.sha256(Jcs.canonicalize(toJson())));
  }

  /** Returns the Merkle leaf that anchors this entry: {@code "mip:access:" || SHA-256(entry)}. */
  public byte[] anchorLeaf() {
    return Leaves.access(Base64Url.decode(hash()));
  }

  /**
   * Parses an entry.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static AccessLogEntry fromJson(JsonNode n) {
    if (n == null || !n.isObject() || !n.path("seq").canConvertToLong()) {
      throw new IllegalArgumentException("access log entry must be an object with a seq");
    }
    Instant time;
    try {
      time = Instant.parse(n.path("time").asText(""));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("access log entry time is not ISO-8601");
    }
    return new AccessLogEntry(
        n.get("seq").longValue(),
        time,
        n.path("app").textValue(),
        new RecordId(n.path("record").asText("")),
        n.path("prev").textValue());
  }
}
