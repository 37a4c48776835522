package io.mip.profile.client;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.ledger.OperationId;
import io.mip.profile.Category;
import io.mip.profile.Deposit;
import io.mip.profile.RecordBinding;
import io.mip.profile.RecordId;
import io.mip.profile.RecordKey;
import io.mip.profile.RecordListing;
import io.mip.profile.RecordMetadata;
import io.mip.profile.ServedRecord;
import io.mip.profile.WrappedKey;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON wire form of profile values, shared by the node's routes and the HTTP client (field
 * names are part of the HTTP API, docs/profile.md). Binary values are base64url without padding;
 * times are RFC 3339 UTC strings. Parsers throw {@link IllegalArgumentException} naming the bad
 * field.
 */
public final class ProfileJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = build();

  private ProfileJson() {}

  private static ObjectMapper build() {
    ObjectMapper m = new ObjectMapper();
    m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(64)
                .build());
    return m;
  }

  /** Longest JSON string accepted: a 1 MiB ciphertext in base64url, with room to spare. */
  public static final int MAX_STRING = 2 * 1024 * 1024;

  /**
   * Returns the strict mapper for profile bodies and record envelopes: duplicate keys and trailing
   * tokens refused, nesting at most 64, strings at most {@link #MAX_STRING} characters (the
   * ledger's mapper stops at 64 KiB, too little for a record).
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code {id, owner, category, schema, depositor, size, depositedAt}}. */
  public static ObjectNode metadata(RecordMetadata m) {
    ObjectNode o = F.objectNode();
    o.put("id", m.id().value());
    o.put("owner", m.owner());
    o.put("category", m.category().value());
    o.put("schema", m.schema());
    o.put("depositor", m.depositor());
    o.put("size", m.size());
    o.put("depositedAt", m.depositedAt().toString());
    return o;
  }

  /** Parses {@link #metadata}. */
  public static RecordMetadata metadata(JsonNode n) {
    return new RecordMetadata(
        new RecordId(text(n, "id")),
        text(n, "owner"),
        new Category(text(n, "category")),
        text(n, "schema"),
        text(n, "depositor"),
        n.path("size").asLong(-1),
        instant(n, "depositedAt"));
  }

  /** {@code {recipient, sealed}}. */
  public static ObjectNode key(WrappedKey k) {
    ObjectNode o = F.objectNode();
    o.put("recipient", k.recipient());
    o.put("sealed", k.sealedBase64());
    return o;
  }

  /** Parses {@link #key(WrappedKey)}. */
  public static WrappedKey key(JsonNode n) {
    return new WrappedKey(text(n, "recipient"), bytes(n, "sealed"));
  }

  /** {@code {owner, category, schema, depositor, ciphertext, keys: [...]}}. */
  public static ObjectNode deposit(Deposit d) {
    ObjectNode o = F.objectNode();
    o.put("owner", d.binding().owner());
    o.put("category", d.binding().category().value());
    o.put("schema", d.binding().schema());
    o.put("depositor", d.binding().depositor());
    o.put("ciphertext", Base64Url.encode(d.ciphertext()));
    ArrayNode keys = o.putArray("keys");
    d.keys().forEach(k -> keys.add(key(k)));
    return o;
  }

  /** Parses {@link #deposit(Deposit)}. */
  public static Deposit deposit(JsonNode n) {
    RecordBinding b =
        new RecordBinding(
            text(n, "owner"),
            new Category(text(n, "category")),
            text(n, "schema"),
            text(n, "depositor"));
    List<WrappedKey> keys = new ArrayList<>();
    array(n, "keys", 64).forEach(k -> keys.add(key(k)));
    return new Deposit(b, bytes(n, "ciphertext"), keys);
  }

  /** {@code {record: {...metadata}, key: {...}}}. */
  public static ObjectNode listing(RecordListing l) {
    ObjectNode o = F.objectNode();
    o.set("record", metadata(l.metadata()));
    o.set("key", key(l.key()));
    return o;
  }

  /** Parses {@link #listing(RecordListing)}. */
  public static RecordListing listing(JsonNode n) {
    return new RecordListing(metadata(n.path("record")), key(n.path("key")));
  }

  /** {@code {record: {...metadata}, key: {...}, ciphertext}}. */
  public static ObjectNode served(ServedRecord s) {
    ObjectNode o = F.objectNode();
    o.set("record", metadata(s.metadata()));
    o.set("key", key(s.key()));
    o.put("ciphertext", Base64Url.encode(s.ciphertext()));
    return o;
  }

  /** Parses {@link #served(ServedRecord)}. */
  public static ServedRecord served(JsonNode n) {
    return new ServedRecord(metadata(n.path("record")), bytes(n, "ciphertext"), key(n.path("key")));
  }

  /** {@code {record, key: {...}}}. */
  public static ObjectNode recordKey(RecordKey k) {
    ObjectNode o = F.objectNode();
    o.put("record", k.record().value());
    o.set("key", key(k.key()));
    return o;
  }

  /** Parses {@link #recordKey(RecordKey)}. */
  public static RecordKey recordKey(JsonNode n) {
    return new RecordKey(new RecordId(text(n, "record")), key(n.path("key")));
  }

  /** {@code {id, grant: {...document}, grantOperation, endedAt?, revokeOperation?}}. */
  public static ObjectNode grant(StoredGrant g) {
    ObjectNode o = F.objectNode();
    o.put("id", g.id());
    o.set("grant", g.grant().toJson());
    o.put("grantOperation", g.grantOperation().value());
    g.endedAt().ifPresent(t -> o.put("endedAt", t.toString()));
    g.revokeOperation().ifPresent(r -> o.put("revokeOperation", r.value()));
    return o;
  }

  /** Parses {@link #grant(StoredGrant)}. */
  public static StoredGrant grant(JsonNode n) {
    return new StoredGrant(
        ConsentGrant.fromJson(n.path("grant")),
        new OperationId(text(n, "grantOperation")),
        n.has("endedAt") ? Optional.of(instant(n, "endedAt")) : Optional.empty(),
        n.has("revokeOperation")
            ? Optional.of(new OperationId(text(n, "revokeOperation")))
            : Optional.empty());
  }

  /** Returns the elements of array member {@code field}, refusing more than {@code max}. */
  public static List<JsonNode> array(JsonNode n, String field, int max) {
    JsonNode a = n.path(field);
    if (!a.isArray() || a.size() > max) {
      throw new IllegalArgumentException(field + " must be an array of at most " + max);
    }
    List<JsonNode> out = new ArrayList<>();
    a.forEach(out::add);
    return out;
  }

  /** Returns text member {@code field}. */
  public static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return v.textValue();
  }

  private static byte[] bytes(JsonNode n, String field) {
    try {
      return Base64Url.decode(text(n, field));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " must be base64url");
    }
  }

  private static Instant instant(JsonNode n, String field) {
    try {
      return Instant.parse(text(n, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be an RFC 3339 time");
    }
  }
}
