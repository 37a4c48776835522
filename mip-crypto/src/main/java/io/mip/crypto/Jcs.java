package io.mip.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Canonicalization Scheme (RFC 8785).
 *
 * <p>Object members are sorted by their names' UTF-16 code units (section 3.2.3), strings are
 * escaped as ECMAScript's {@code JSON.stringify} does (section 3.2.2.2), and numbers are serialised
 * as ECMAScript's {@code Number.prototype.toString} (section 3.2.2.3), with the exact shortest
 * round-trip digits. Refuses values outside I-JSON (RFC 7493): non-finite numbers, integers beyond
 * 2^53-1 in magnitude (they would lose precision as IEEE 754 doubles), lone surrogates, and nesting
 * deeper than {@link #MAX_DEPTH}.
 */
public final class Jcs {
  /** Deepest nesting of arrays and objects accepted. */
  public static final int MAX_DEPTH = 1000;

  private static final BigInteger MAX_SAFE = BigInteger.valueOf(9007199254740991L);

  private Jcs() {}

  /**
   * Returns the canonical UTF-8 bytes of {@code value}.
   *
   * @throws IllegalArgumentException if the value is outside the I-JSON subset described above
   */
  public static byte[] canonicalize(JsonNode value) {
    return canonicalString(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the canonical form of {@code value} as a string.
   *
   * @throws IllegalArgumentException if the value is outside the I-JSON subset described above
   */
  public static String canonicalString(JsonNode value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out, 0);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("JCS refuses nesting deeper than " + MAX_DEPTH);
    }
    JsonNodeType type = node.getNodeType();
    switch (type) {
      case OBJECT -> writeObject(node, out, depth);
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out, depth + 1);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> writeNumber(node, out);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("JCS cannot encode JSON node type " + type);
    }
  }

  private static void writeObject(JsonNode node, StringBuilder out, int depth) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
    members.sort(Map.Entry.comparingByKey());
    out.append('{');
    for (int i = 0; i < members.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(members.get(i).getKey(), out);
      out.append(':');
      write(members.get(i).getValue(), out, depth + 1);
    }
    out.append('}');
  }

  static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
              throw new IllegalArgumentException("JCS refuses a lone surrogate in a string");
            }
            out.append(c).append(s.charAt(++i));
          } else if (Character.isLowSurrogate(c)) {
            throw new IllegalArgumentException("JCS refuses a lone surrogate in a string");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void writeNumber(JsonNode node, StringBuilder out) {
    if (node.isIntegralNumber()) {
      BigInteger v = node.bigIntegerValue();
      if (v.abs().compareTo(MAX_SAFE) > 0) {
        throw new IllegalArgumentException("JCS refuses integers beyond 2^53-1: " + v);
      }
      out.append(v);
      return;
    }
    out.append(EcmaNumber.toString(node.doubleValue()));
  }
}
