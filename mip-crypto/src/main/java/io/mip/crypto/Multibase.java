package io.mip.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase encoding (draft-multiformats-multibase) restricted to base58btc, prefix {@code z}.
 *
 * <p>Refuses any other base: MIP writes and reads only base58btc.
 */
public final class Multibase {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int[] INDEX = new int[128];
  private static final int MAX_ENCODED = 4096;

  static {
    Arrays.fill(INDEX, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      INDEX[ALPHABET.charAt(i)] = i;
    }
  }

  private Multibase() {}

  /** Encodes bytes as {@code z} followed by base58btc (Bitcoin alphabet). */
  public static String encodeBase58Btc(byte[] data) {
    return "z" + base58(data);
  }

  /**
   * Decodes a multibase base58btc string.
   *
   * @throws IllegalArgumentException if the prefix is not {@code z}, the string is too long, or a
   *     character is outside the alphabet
   */
  public static byte[] decode(String multibase) {
    if (multibase == null || multibase.length() < 2) {
      throw new IllegalArgumentException("multibase string is empty");
    }
    if (multibase.length() > MAX_ENCODED) {
      throw new IllegalArgumentException("multibase string is too long");
    }
    if (multibase.charAt(0) != 'z') {
      throw new IllegalArgumentException("only multibase base58btc ('z') is supported");
    }
    return unbase58(multibase.substring(1));
  }

  static String base58(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    BigInteger n = new BigInteger(1, data);
    StringBuilder sb = new StringBuilder();
    BigInteger base = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(base);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    sb.append("1".repeat(zeros));
    return sb.reverse().toString();
  }

  static byte[] unbase58(String s) {
    BigInteger n = BigInteger.ZERO;
    BigInteger base = BigInteger.valueOf(58);
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') {
      zeros++;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int digit = c < 128 ? INDEX[c] : -1;
      if (digit < 0) {
        throw new IllegalArgumentException("invalid base58btc character at position " + i);
      }
      n = n.multiply(base).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int start = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - start];
    System.arraycopy(magnitude, start, out, zeros, magnitude.length - start);
    return out;
  }
}
