package io.mip.credential.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A Status List (draft-ietf-oauth-status-list section 4): {@code size} entries of {@code bits} bits
 * each (1, 2, 4 or 8), packed least-significant bit first, serialised as {@code {"bits": b, "lst":
 * base64url(zlib(bytes))}} (section 4.2). Immutable; changes return a new list.
 *
 * <p>Refuses lists larger than {@link #MAX_SIZE} entries, and decompression beyond the size the
 * header implies (no zip bombs).
 */
public final class StatusList {
  /** Most entries in one list. */
  public static final int MAX_SIZE = 1 << 20;

  /** Default list size (the brief's 131,072 entries). */
  public static final int DEFAULT_SIZE = 131_072;

  private final int bits;
  private final byte[] bytes;

  private StatusList(int bits, byte[] bytes) {
    this.bits = bits;
    this.bytes = bytes;
  }

  /** An all-VALID list of {@code size} entries. */
  public static StatusList create(int size, int bits) {
    checkBits(bits);
    if (size < 1 || size > MAX_SIZE || (long) size * bits % 8 != 0) {
      throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + " and fill whole bytes");
    }
    return new StatusList(bits, new byte[(int) ((long) size * bits / 8)]);
  }

  private static void checkBits(int bits) {
    if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
      throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
    }
  }

  /** Returns bits per entry. */
  public int bits() {
    return bits;
  }

  /** Returns the number of entries. */
  public int size() {
    return bytes.length * 8 / bits;
  }

  /** Returns the raw value at {@code index} (section 4.1). */
  public int value(int index) {
    checkIndex(index);
    long bit = (long) index * bits;
    int b = bytes[(int) (bit / 8)] & 0xff;
    return (b >>> (bit % 8)) & ((1 << bits) - 1);
  }

  /** Returns the status at {@code index}; unknown values read as INVALID (fail closed). */
  public TokenStatus status(int index) {
    int v = value(index);
    return v <= 2 ? TokenStatus.of(v) : TokenStatus.INVALID;
  }

  /** Returns a copy with the given entries changed. */
  public StatusList with(Map<Integer, TokenStatus> changes) {
    byte[] copy = bytes.clone();
    for (Map.Entry<Integer, TokenStatus> e : changes.entrySet()) {
      int index = e.getKey();
      checkIndex(index);
      int v = e.getValue().value();
      if (v >= (1 << bits)) {
        throw new IllegalArgumentException(e.getValue() + " needs more than " + bits + " bit(s)");
      }
      long bit = (long) index * bits;
      int pos = (int) (bit / 8);
      int shift = (int) (bit % 8);
      int mask = ((1 << bits) - 1) << shift;
      copy[pos] = (byte) ((copy[pos] & ~mask) | (v << shift));
    }
    return new StatusList(bits, copy);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("status index " + index + " outside 0.." + size());
    }
  }

  /** Returns base64url(zlib(bytes)) (section 4.2, DEFLATE with ZLIB format, RFC 1950). */
  public String lst() {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    d.setInput(bytes);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return Base64Url.encode(out.toByteArray());
  }

  /** Returns {@code {"bits": b, "lst": "..."}}. */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("bits", bits);
    n.put("lst", lst());
    return n;
  }

  /**
   * Parses {@code {"bits", "lst"}}, inflating at most {@code maxSize} entries.
   *
   * @throws IllegalArgumentException if malformed or larger than allowed
   */
  public static StatusList fromJson(JsonNode json, int maxSize) {
    if (json == null || !json.path("bits").isInt() || !json.path("lst").isTextual()) {
      throw new IllegalArgumentException("status list needs bits and lst");
    }
    int bits = json.get("bits").intValue();
    checkBits(bits);
    long maxBytes = (long) Math.min(maxSize, MAX_SIZE) * bits / 8;
    Inflater inf = new Inflater();
    try {
      inf.setInput(Base64Url.decode(json.get("lst").textValue()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw new IllegalArgumentException("truncated status list");
        }
        out.write(buf, 0, n);
        if (out.size() > maxBytes) {
          throw new IllegalArgumentException("status list larger than allowed");
        }
      }
      if (out.size() == 0) {
        throw new IllegalArgumentException("empty status list");
      }
      return new StatusList(bits, out.toByteArray());
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("lst is not zlib data", e);
    } finally {
      inf.end();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatusList other && bits == other.bits && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * bits + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "StatusList[bits=" + bits + ", size=" + size() + "]";
  }
}
