package io.mip.ledger.embedded.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Hashes;
import io.mip.crypto.Jcs;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The header of an embedded-ledger block, hashed and signed by the node.
 *
 * <pre>{@code
 * {"count":n, "governance":"z6Mk..." (genesis only), "height":h, "node":"z6Mk...",
 *  "prev":"<base64url SHA-256 of the previous header>", "root":"<base64url RFC 9162 root>",
 *  "time":"2026-01-01T00:00:00.000Z"}
 * }</pre>
 *
 * <p>The header's bytes are its JCS (RFC 8785) form; the block hash is SHA-256 over them and the
 * node signs the 32 hash bytes.
 */
public record BlockHeader(
    long height,
    String prev,
    Instant time,
    String root,
    int count,
    Ed25519PublicKey node,
    Ed25519PublicKey governance) {
  /** The genesis block's {@code prev}: 32 zero bytes in base64url. */
  public static final String GENESIS_PREV = "A".repeat(43);

  /** Largest stored header accepted, in bytes. */
  public static final int MAX_BYTES = 1024;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Set<String> FIELDS =
      Set.of("height", "prev", "time", "root", "count", "node");

  /** Validates the fields; {@code governance} is present exactly in genesis. */
  public BlockHeader {
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(node, "node");
    if (height < 0 || count < 0) {
      throw new IllegalArgumentException("height and count must be >= 0");
    }
    if ((height == 0) != (governance != null)) {
      throw new IllegalArgumentException("governance key is recorded in genesis only");
    }
    if (!time.equals(time.truncatedTo(ChronoUnit.MILLIS))) {
      throw new IllegalArgumentException("block time has millisecond precision");
    }
  }

  /** Returns the JCS canonical bytes of the header. */
  public byte[] canonical() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("height", height);
    o.put("prev", prev);
    o.put("time", TIME.format(time));
    o.put("root", root);
    o.put("count", count);
    o.put("node", node.toMultibase());
    if (governance != null) {
      o.put("governance", governance.toMultibase());
    }
    return Jcs.canonicalize(o);
  }

  /** Returns the base64url SHA-256 of the canonical bytes. */
  public String hash() {
    return Base64Url.encode(Hashes.sha256(canonical()));
  }

  /**
   * Parses stored header bytes and checks they are exactly the canonical form.
   *
   * @throws IOException naming what is wrong when the bytes are not a canonical header
   */
  public static BlockHeader parse(byte[] bytes) throws IOException {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw new IOException("header is empty or larger than " + MAX_BYTES + " bytes");
    }
    JsonNode n = Operation.json().readTree(bytes);
    if (n == null || !n.isObject()) {
      throw new IOException("header is not a JSON object");
    }
    for (var e : n.properties()) {
      if (!FIELDS.contains(e.getKey()) && !e.getKey().equals("governance")) {
        throw new IOException("header has unknown field '" + e.getKey() + "'");
      }
    }
    BlockHeader h;
    try {
      JsonNode gov = n.get("governance");
      h =
          new BlockHeader(
              requireLong(n, "height"),
              requireText(n, "prev"),
              Instant.from(TIME.parse(requireText(n, "time"))),
              requireText(n, "root"),
              Math.toIntExact(requireLong(n, "count")),
              Ed25519PublicKey.fromMultibase(requireText(n, "node")),
              gov == null ? null : Ed25519PublicKey.fromMultibase(gov.asText("")));
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      throw new IOException("header is malformed: " + e.getMessage());
    }
    if (!Arrays.equals(h.canonical(), bytes)) {
      throw new IOException("header bytes are not in canonical form");
    }
    return h;
  }

  /** Returns the header's canonical text, as stored. */
  public String text() {
    return new String(canonical(), StandardCharsets.UTF_8);
  }

  private static long requireLong(JsonNode n, String f) throws IOException {
    JsonNode v = n.get(f);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IOException("header field '" + f + "' is missing or not an integer");
    }
    return v.longValue();
  }

  private static String requireText(JsonNode n, String f) throws IOException {
    JsonNode v = n.get(f);
    if (v == null || !v.isTextual()) {
      throw new IOException("header field '" + f + "' is missing or not a string");
    }
    return v.textValue();
  }
}
