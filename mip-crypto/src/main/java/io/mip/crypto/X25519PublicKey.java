package io.mip.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An X25519 public key (RFC 7748 section 5), used for key agreement (HPKE, share encryption).
 *
 * <p>Security guarantees: every instance is a canonical encoding of a point of large order. Parsing
 * refuses encodings of the wrong length, non-canonical encodings (high bit set, or a u-coordinate
 * not below 2^255-19), and the low-order points whose agreement would give the all-zero shared
 * secret (RFC 7748 section 6.1). RFC 7748 asks receivers to mask the high bit; MIP refuses it
 * instead, so each key has exactly one encoding and one multibase form.
 */
public final class X25519PublicKey {
  /** Encoded length in bytes. */
  public static final int LENGTH = 32;

  /** A clamped scalar: a multiple of the cofactor, so only low-order points map to zero. */
  private static final byte[] PROBE_SCALAR = new byte[X25519.SCALAR_SIZE];

  static {
    Arrays.fill(PROBE_SCALAR, (byte) 0x5a);
    PROBE_SCALAR[0] &= (byte) 0xf8;
    PROBE_SCALAR[31] &= 0x7f;
    PROBE_SCALAR[31] |= 0x40;
  }

  private final byte[] encoded;

  private X25519PublicKey(byte[] encoded) {
    this.encoded = encoded;
  }

  /**
   * Parses a 32-byte RFC 7748 u-coordinate.
   *
   * @throws IllegalArgumentException if the length is wrong, the encoding is not canonical, or the
   *     point has low order
   */
  public static X25519PublicKey fromBytes(byte[] encoded) {
    if (encoded == null || encoded.length != LENGTH) {
      throw new IllegalArgumentException("X25519 public key must be 32 bytes");
    }
    if (!isCanonical(encoded)) {
      throw new IllegalArgumentException("X25519 public key is not canonically encoded");
    }
    if (hasLowOrder(encoded)) {
      throw new IllegalArgumentException("X25519 public key is a low-order point");
    }
    return new X25519PublicKey(encoded.clone());
  }

  /** For keys computed from a private scalar and the base point, which are never low order. */
  static X25519PublicKey ofDerived(byte[] encoded) {
    return new X25519PublicKey(encoded);
  }

  /**
   * Parses a multibase base58btc multicodec {@code x25519-pub} key, {@code z6LS...}.
   *
   * @throws IllegalArgumentException if the string is not such a key or {@link #fromBytes} refuses
   *     it
   */
  public static X25519PublicKey fromMultibase(String multibase) {
    return fromBytes(Multicodec.X25519_PUB.decodeMultibase(multibase));
  }

  /** Returns the 32-byte encoding (a copy). */
  public byte[] toBytes() {
    return encoded.clone();
  }

  /** Returns the multibase form {@code z6LS...}. */
  public String toMultibase() {
    return Multicodec.X25519_PUB.encodeMultibase(encoded);
  }

  byte[] encoded() {
    return encoded;
  }

  /** True when u < 2^255 - 19 and the unused high bit is clear (little-endian encoding). */
  private static boolean isCanonical(byte[] u) {
    if ((u[31] & 0x80) != 0) {
      return false;
    }
    // u >= p iff u[31] == 0x7f, u[30..1] == 0xff and u[0] >= 0xed.
    if ((u[31] & 0xff) != 0x7f) {
      return true;
    }
    for (int i = 30; i >= 1; i--) {
      if ((u[i] & 0xff) != 0xff) {
        return true;
      }
    }
    return (u[0] & 0xff) < 0xed;
  }

  private static boolean hasLowOrder(byte[] u) {
    byte[] out = new byte[X25519.POINT_SIZE];
    X25519.scalarMult(PROBE_SCALAR, 0, u, 0, out, 0);
    int acc = 0;
    for (byte b : out) {
      acc |= b;
    }
    return acc == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof X25519PublicKey other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "X25519PublicKey[" + toMultibase() + "]";
  }
}
