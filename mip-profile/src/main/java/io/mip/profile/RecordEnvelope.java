package io.mip.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Jcs;
import io.mip.profile.client.ProfileJson;
import io.mip.profile.internal.Checks;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * A record in clear: what an app deposits and what the person (or an app under a grant) reads. Its
 * JCS (RFC 8785) form {@code {"category", "schema", "content"}} is what gets encrypted; the node
 * never sees it.
 *
 * @param category the record's category
 * @param schema the schema id the content follows
 * @param content the record's content, any JSON value (copied)
 */
public record RecordEnvelope(Category category, String schema, JsonNode content) {
  /** Largest envelope, so that its ciphertext fits {@link ProfileLimits#MAX_CIPHERTEXT_BYTES}. */
  public static final int MAX_BYTES = ProfileLimits.MAX_CIPHERTEXT_BYTES - 64;

  private static final Set<String> FIELDS = Set.of("category", "schema", "content");

  /** Validates and copies. */
  public RecordEnvelope {
    Objects.requireNonNull(category, "category");
    Checks.schema(schema);
    Objects.requireNonNull(content, "content");
    content = content.deepCopy();
  }

  @Override
  public JsonNode content() {
    return content.deepCopy();
  }

  /**
   * Returns the canonical bytes that are encrypted (possibly longer than {@link #MAX_BYTES}; {@link
   * RecordSealer} refuses those).
   */
  public byte[] toBytes() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("category", category.value());
    o.put("schema", schema);
    o.set("content", content);
    return Jcs.canonicalize(o);
  }

  /**
   * Parses decrypted bytes.
   *
   * @throws IllegalArgumentException if they are not an envelope
   */
  public static RecordEnvelope fromBytes(byte[] bytes) {
    JsonNode n;
    try {
      n = ProfileJson.mapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record envelope is not JSON");
    } catch (IOException e) {
      throw new IllegalArgumentException("record envelope cannot be read");
    }
    if (n == null || !n.isObject() || !n.has("content")) {
      throw new IllegalArgumentException("record envelope must be an object with content");
    }
    for (var e : n.properties()) {
      if (!FIELDS.contains(e.getKey())) {
        throw new IllegalArgumentException("record envelope has unknown field " + e.getKey());
      }
    }
    return new RecordEnvelope(
        new Category(n.path("category").asText("")),
        n.path("schema").textValue(),
        n.get("content"));
  }
}
