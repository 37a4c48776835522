package io.mip.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869).
 *
 * <p>Guarantees: {@link #extract} follows section 2.2 (an empty or absent salt means 32 zero
 * bytes), {@link #expand} follows section 2.3. Refuses output lengths outside 1..8160 bytes (255
 * times the hash length, section 2.3), pseudorandom keys shorter than 32 bytes, and any input
 * longer than {@link #MAX_INPUT_LENGTH}. HKDF is a building block: it works on bytes, so use its
 * output to build a key object (for example {@link AesGcmKey#fromBytes}) rather than passing it
 * around.
 */
public final class Hkdf {
  /** Output length of HMAC-SHA256 in bytes (HashLen). */
  public static final int HASH_LENGTH = 32;

  /** Longest output {@link #expand} produces: 255 * HashLen (RFC 5869 section 2.3). */
  public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

  /** Longest salt, input keying material or info accepted, in bytes. */
  public static final int MAX_INPUT_LENGTH = 64 * 1024;

  private Hkdf() {}

  /**
   * HKDF-Extract (RFC 5869 section 2.2): returns the 32-byte pseudorandom key {@code
   * HMAC-SHA256(salt, ikm)}.
   *
   * @param salt optional salt; {@code null} or empty means 32 zero bytes
   * @throws IllegalArgumentException if an input exceeds {@link #MAX_INPUT_LENGTH}
   */
  public static byte[] extract(byte[] salt, byte[] ikm) {
    requireLength("ikm", ikm);
    byte[] key = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
    requireLength("salt", key);
    Mac mac = hmac(key);
    return mac.doFinal(ikm);
  }

  /**
   * HKDF-Expand (RFC 5869 section 2.3): returns {@code length} bytes of output keying material.
   *
   * @param info optional context; {@code null} means empty
   * @throws IllegalArgumentException if {@code prk} is shorter than 32 bytes, {@code length} is
   *     outside 1..8160, or {@code info} exceeds {@link #MAX_INPUT_LENGTH}
   */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    if (prk == null || prk.length < HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF pseudorandom key must be at least 32 bytes");
    }
    requireLength("prk", prk);
    byte[] context = info == null ? new byte[0] : info;
    requireLength("info", context);
    if (length < 1 || length > MAX_OUTPUT_LENGTH) {
      throw new IllegalArgumentException("HKDF output length must be 1 to " + MAX_OUTPUT_LENGTH);
    }
    Mac mac = hmac(prk);
    byte[] out = new byte[length];
    byte[] block = new byte[0];
    int written = 0;
    for (int counter = 1; written < length; counter++) {
      mac.update(block);
      mac.update(context);
      mac.update((byte) counter);
      block = mac.doFinal();
      int n = Math.min(block.length, length - written);
      System.arraycopy(block, 0, out, written, n);
      written += n;
    }
    return out;
  }

  /**
   * Extract then expand (RFC 5869 section 2): {@code expand(extract(salt, ikm), info, length)}.
   *
   * @throws IllegalArgumentException as {@link #extract} and {@link #expand}
   */
  public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
    return expand(extract(salt, ikm), info, length);
  }

  private static void requireLength(String what, byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("HKDF " + what + " is missing");
    }
    if (value.length > MAX_INPUT_LENGTH) {
      throw new IllegalArgumentException("HKDF " + what + " is longer than " + MAX_INPUT_LENGTH);
    }
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable in the JDK", e);
    }
  }
}
