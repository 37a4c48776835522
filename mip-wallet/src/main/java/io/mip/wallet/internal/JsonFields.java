package io.mip.wallet.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mip.crypto.Base64Url;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict readers for the wallet's JSON files: every field is checked for its type and range, and
 * any violation is an {@link IllegalArgumentException} naming the field (never its value, which may
 * be secret).
 */
public final class JsonFields {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(32)
                          .maxStringLength(8 * 1024 * 1024)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonFields() {}

  /** Returns the mapper used for wallet files (duplicate keys and trailing data refused). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a JSON object.
   *
   * @throws IllegalArgumentException if the bytes are not one JSON object
   */
  public static JsonNode parseObject(byte[] bytes, String what) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(what + " is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON", e);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(what + " cannot be parsed", e);
    }
  }

  /** Serialises a node to UTF-8 JSON bytes, pretty-printed. */
  public static byte[] write(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /** Serialises a node to compact UTF-8 JSON bytes (for request bodies). */
  public static byte[] compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /** Requires {@code node.type == type} and {@code node.v == version}. */
  public static void requireType(JsonNode node, String type, int version) {
    if (!type.equals(node.path("type").asText()) || !node.path("v").isInt()) {
      throw new IllegalArgumentException("not a " + type + " document");
    }
    if (node.path("v").asInt() != version) {
      throw new IllegalArgumentException(type + " version " + node.path("v") + " is not supported");
    }
  }

  /** Returns a non-empty text field of at most {@code maxLength} characters. */
  public static String text(JsonNode node, String field, int maxLength) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty() || v.asText().length() > maxLength) {
      throw new IllegalArgumentException("field " + field + " must be text of 1.." + maxLength);
    }
    return v.asText();
  }

  /** Returns an integer field within [min, max]. */
  public static int integer(JsonNode node, String field, int min, int max) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("field " + field + " must be an integer");
    }
    int i = v.asInt();
    if (i < min || i > max) {
      throw new IllegalArgumentException("field " + field + " must be " + min + ".." + max);
    }
    return i;
  }

  /** Returns a base64url field decoding to {@code minBytes..maxBytes} bytes. */
  public static byte[] bytes(JsonNode node, String field, int minBytes, int maxBytes) {
    String s = text(node, field, (maxBytes * 4 + 2) / 3 + 4);
    byte[] b;
    try {
      b = Base64Url.decode(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field " + field + " is not base64url", e);
    }
    if (b.length < minBytes || b.length > maxBytes) {
      throw new IllegalArgumentException(
          "field " + field + " must decode to " + minBytes + ".." + maxBytes + " bytes");
    }
    return b;
  }

  /** Returns an RFC 3339 instant field. */
  public static Instant instant(JsonNode node, String field) {
    try {
      return Instant.parse(text(node, field, 64));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field " + field + " is not an RFC 3339 instant", e);
    }
  }

  /** Returns an array of 1..{@code maxItems} text items. */
  public static List<String> texts(JsonNode node, String field, int maxItems, int maxLength) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray() || v.isEmpty() || v.size() > maxItems) {
      throw new IllegalArgumentException("field " + field + " must be an array of 1.." + maxItems);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual() || item.asText().isEmpty() || item.asText().length() > maxLength) {
        throw new IllegalArgumentException("field " + field + " must hold text items");
      }
      out.add(item.asText());
    }
    return List.copyOf(out);
  }
}
