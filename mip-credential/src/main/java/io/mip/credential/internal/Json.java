package io.mip.credential.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mip.crypto.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Strict JSON for credentials ({@link StrictJson}, strings up to 256 KiB): duplicate member names,
 * trailing tokens, deep nesting and huge numbers are refused (RFC 8259 section 4 leaves duplicate
 * names undefined; RFC 7515 section 5.2 requires refusing them in JOSE headers).
 */
public final class Json {
  private static final ObjectMapper MAPPER = StrictJson.mapper(32, 256 * 1024, 32);

  private Json() {}

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses JSON bytes.
   *
   * @throws IllegalArgumentException if the bytes are not one strict JSON value
   */
  public static JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("empty JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable JSON", e);
    }
  }

  /** Parses a JSON string. */
  public static JsonNode parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Serialises compactly. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree not serialisable", e);
    }
  }

  /** Serialises compactly to UTF-8. */
  public static byte[] bytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }
}
