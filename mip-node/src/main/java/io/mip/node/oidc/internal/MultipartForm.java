package io.mip.node.oidc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A strict {@code multipart/form-data} parser (RFC 7578) over a body already read into memory with
 * a size limit. Parts never touch the disk (unlike a servlet container's multipart support, which
 * spools large parts to temporary files): face images must not be stored.
 *
 * <p>Refuses (with {@link IllegalArgumentException}): a missing or malformed boundary, more than
 * {@code maxParts} parts, a part without {@code Content-Disposition: form-data; name=...}, part
 * headers over 4 KiB, and a body without its closing delimiter.
 */
public final class MultipartForm {
  /**
   * One part.
   *
   * @param name the field name
   * @param filename the file name, for file fields
   * @param data the bytes; the caller wipes them when done
   */
  public record Part(String name, Optional<String> filename, byte[] data) {
    /** Returns the data as UTF-8 text. */
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  private static final int MAX_HEADERS = 4096;

  private MultipartForm() {}

  /** Returns the boundary of a {@code multipart/form-data} Content-Type, or empty. */
  public static Optional<String> boundary(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring(9).trim();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        if (!b.isEmpty() && b.length() <= 70) {
          return Optional.of(b);
        }
      }
    }
    return Optional.empty();
  }

  /** Parses {@code body} with {@code boundary}. */
  public static List<Part> parse(byte[] body, String boundary, int maxParts) {
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    byte[] first = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    if (!startsWith(body, 0, first)) {
      throw new IllegalArgumentException("multipart body does not start with its boundary");
    }
    int pos = first.length;
    List<Part> parts = new ArrayList<>();
    while (true) {
      if (startsWith(body, pos, new byte[] {'-', '-'})) {
        return parts;
      }
      if (!startsWith(body, pos, new byte[] {'\r', '\n'})) {
        throw new IllegalArgumentException("malformed multipart delimiter");
      }
      pos += 2;
      int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, pos, pos + MAX_HEADERS);
      if (headersEnd < 0) {
        throw new IllegalArgumentException("multipart part headers missing or too long");
      }
      String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
      int dataStart = headersEnd + 4;
      int dataEnd = indexOf(body, delimiter, dataStart, body.length);
      if (dataEnd < 0) {
        throw new IllegalArgumentException("multipart body has no closing delimiter");
      }
      if (parts.size() >= maxParts) {
        throw new IllegalArgumentException("more than " + maxParts + " form parts");
      }
      parts.add(part(headers, Arrays.copyOfRange(body, dataStart, dataEnd)));
      pos = dataEnd + delimiter.length;
    }
  }

  private static Part part(String headers, byte[] data) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        String value = line.substring(colon + 1).trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
          break;
        }
        Optional<String> name = param(value, "name");
        if (name.isEmpty()) {
          break;
        }
        return new Part(name.get(), param(value, "filename"), data);
      }
    }
    throw new IllegalArgumentException("form part without Content-Disposition: form-data; name");
  }

  private static Optional<String> param(String disposition, String name) {
    for (String p : disposition.split(";")) {
      String t = p.trim();
      int eq = t.indexOf('=');
      if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String v = t.substring(eq + 1).trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] a, int at, byte[] prefix) {
    if (at + prefix.length > a.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (a[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] a, byte[] needle, int from, int to) {
    int end = Math.min(to, a.length) - needle.length;
    outer:
    for (int i = from; i <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (a[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
