package io.mip.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Jcs;
import io.mip.crypto.StrictJson;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A signed ledger operation: a JSON object appended to a named stream.
 *
 * <pre>{@code
 * {"v":1, "type":"did.create", "stream":"did:mip:...", "prev":null | "<operation id>",
 *  "payload":{...}, "signer":"z6Mk...", "sig":"<base64url Ed25519 signature>"}
 * }</pre>
 *
 * <p>The signature is Ed25519 (RFC 8032) by {@code signer} over the JCS (RFC 8785) canonical form
 * of the object without {@code sig}. The id is SHA-256 over the canonical form with {@code sig}.
 * {@code prev} is the id of the stream's previous operation, or null for the first one.
 *
 * <p>Instances are immutable and structurally valid; whether the signature verifies is asked with
 * {@link #signatureValid()}, since a ledger must be able to hold and name a bad operation in order
 * to reject it.
 */
public final class Operation {
  /** Largest canonical operation accepted, in bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  /** Format version written into every operation. */
  public static final int VERSION = 1;

  private static final Set<String> FIELDS =
      Set.of("v", "type", "stream", "prev", "payload", "signer", "sig");
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+");
  private static final Pattern STREAM = Pattern.compile("[A-Za-z0-9:._%-]{1,256}");
  private static final ObjectMapper MAPPER = StrictJson.mapper(32, MAX_BYTES, 32);

  private final ObjectNode json;
  private final byte[] canonical;
  private final OperationId id;
  private final Ed25519PublicKey signer;
  // Memoised: the object is immutable, so the answer never changes (a benign race at worst).
  private volatile Boolean signatureValid;

  private Operation(ObjectNode json, Ed25519PublicKey signer) {
    this.json = json;
    this.canonical = Jcs.canonicalize(json);
    this.id = OperationId.of(canonical);
    this.signer = signer;
  }

  /**
   * Returns the shared JSON mapper configured for MIP's strict parsing rules ({@link StrictJson}:
   * nesting 32, strings up to {@link #MAX_BYTES}, numbers up to 32 characters).
   */
  public static ObjectMapper json() {
    return MAPPER;
  }

  /**
   * Creates and signs an operation.
   *
   * @param type dotted lower-case type such as {@code did.create}
   * @param stream the stream id
   * @param prev the id of the stream's current head, or null for the first operation
   * @param payload the operation's content; copied
   * @param key the author's key
   */
  public static Operation sign(
      String type, String stream, OperationId prev, ObjectNode payload, Ed25519PrivateKey key) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("v", VERSION);
    body.put("type", type);
    body.put("stream", stream);
    if (prev == null) {
      body.putNull("prev");
    } else {
      body.put("prev", prev.value());
    }
    body.set("payload", payload.deepCopy());
    body.put("signer", key.publicKey().toMultibase());
    byte[] signature = key.signer().sign(Jcs.canonicalize(body));
    body.put("sig", Base64Url.encode(signature));
    try {
      return fromJson(body);
    } catch (MalformedOperationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Parses and structurally validates the JSON bytes of an operation. */
  public static Operation parse(byte[] bytes) throws MalformedOperationException {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedOperationException("operation is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new MalformedOperationException("operation exceeds " + MAX_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new MalformedOperationException(
          "operation is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedOperationException("operation could not be read: " + e.getMessage());
    }
    return fromJson(node);
  }

  /** Validates a parsed JSON object as an operation. */
  public static Operation fromJson(JsonNode node) throws MalformedOperationException {
    if (node == null || !node.isObject()) {
      throw new MalformedOperationException("operation must be a JSON object");
    }
    ObjectNode obj = (ObjectNode) node.deepCopy();
    for (var entry : obj.properties()) {
      String f = entry.getKey();
      if (!FIELDS.contains(f)) {
        throw new MalformedOperationException("operation has unknown field '" + f + "'");
      }
    }
    if (!obj.path("v").isInt() || obj.get("v").intValue() != VERSION) {
      throw new MalformedOperationException("operation field 'v' must be " + VERSION);
    }
    requireText(obj, "type", TYPE);
    requireText(obj, "stream", STREAM);
    JsonNode prev = obj.get("prev");
    if (prev == null || !(prev.isNull() || prev.isTextual())) {
      throw new MalformedOperationException("operation field 'prev' must be null or an id");
    }
    if (prev.isTextual()) {
      try {
        new OperationId(prev.textValue());
      } catch (IllegalArgumentException e) {
        throw new MalformedOperationException("operation field 'prev': " + e.getMessage());
      }
    }
    if (!obj.path("payload").isObject()) {
      throw new MalformedOperationException("operation field 'payload' must be an object");
    }
    Ed25519PublicKey signer;
    try {
      signer = SignerKeys.parse(obj.path("signer").asText(""));
    } catch (IllegalArgumentException e) {
      throw new MalformedOperationException("operation field 'signer': " + e.getMessage());
    }
    String sig = obj.path("sig").asText("");
    try {
      if (Base64Url.decode(sig).length != Ed25519PublicKey.SIGNATURE_LENGTH) {
        throw new MalformedOperationException("operation field 'sig' must be 64 bytes");
      }
    } catch (IllegalArgumentException e) {
      throw new MalformedOperationException("operation field 'sig' is not base64url");
    }
    Operation op;
    try {
      op = new Operation(obj, signer);
    } catch (IllegalArgumentException e) {
      throw new MalformedOperationException("operation cannot be canonicalised: " + e.getMessage());
    }
    if (op.canonical.length > MAX_BYTES) {
      throw new MalformedOperationException("operation exceeds " + MAX_BYTES + " bytes");
    }
    return op;
  }

  private static void requireText(ObjectNode obj, String field, Pattern form)
      throws MalformedOperationException {
    JsonNode v = obj.get(field);
    if (v == null || !v.isTextual() || !form.matcher(v.textValue()).matches()) {
      throw new MalformedOperationException(
          "operation field '" + field + "' is missing or malformed");
    }
  }

  /**
   * Returns whether {@code sig} is a valid Ed25519 signature by {@code signer}. The answer is
   * computed once per instance.
   */
  public boolean signatureValid() {
    Boolean known = signatureValid;
    if (known == null) {
      ObjectNode unsigned = json.deepCopy();
      unsigned.remove("sig");
      known =
          signer
              .verifier()
              .verify(Jcs.canonicalize(unsigned), Base64Url.decode(json.get("sig").textValue()));
      signatureValid = known;
    }
    return known;
  }

  /** Returns the id (SHA-256 of the canonical form). */
  public OperationId id() {
    return id;
  }

  /** Returns the type, such as {@code did.create}. */
  public String type() {
    return json.get("type").textValue();
  }

  /** Returns the stream id. */
  public String stream() {
    return json.get("stream").textValue();
  }

  /** Returns the previous operation's id in the stream, empty for a stream's first operation. */
  public Optional<OperationId> prev() {
    JsonNode p = json.get("prev");
    return p.isNull() ? Optional.empty() : Optional.of(new OperationId(p.textValue()));
  }

  /** Returns a copy of the payload. */
  public ObjectNode payload() {
    return json.get("payload").deepCopy();
  }

  /** Returns the author's public key. */
  public Ed25519PublicKey signer() {
    return signer;
  }

  /** Returns the length of the canonical form in bytes (at most {@link #MAX_BYTES}). */
  public int size() {
    return canonical.length;
  }

  /** Returns a copy of the JCS canonical bytes (what is stored and hashed). */
  public byte[] canonicalBytes() {
    return canonical.clone();
  }

  /** Returns a copy of the whole JSON object. */
  public ObjectNode toJson() {
    return json.deepCopy();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Operation other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Operation[" + type() + " " + stream() + " " + id + "]";
  }
}
