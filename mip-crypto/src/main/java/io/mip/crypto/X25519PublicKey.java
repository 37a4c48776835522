package io.mip.crypto;

import java.util.Arrays;

/**
 * An X25519 public key (RFC 7748 section 5), used for key agreement (HPKE, share encryption).
 *
 * <p>Refuses encodings of the wrong length. Low-order points are refused at agreement time, when
 * the shared secret would be all zeros (RFC 7748 section 6.1).
 */
public final class X25519PublicKey {
  /** Encoded length in bytes. */
  public static final int LENGTH = 32;

  private final byte[] encoded;

  private X25519PublicKey(byte[] encoded) {
    this.encoded = encoded;
  }

  /**
   * Parses a 32-byte RFC 7748 u-coordinate.
   *
   * @throws IllegalArgumentException if the length is wrong
   */
  public static X25519PublicKey fromBytes(byte[] encoded) {
    if (encoded == null || encoded.length != LENGTH) {
      throw new IllegalArgumentException("X25519 public key must be 32 bytes");
    }
    return new X25519PublicKey(encoded.clone());
  }

  /** Parses a multibase base58btc multicodec {@code x25519-pub} key, {@code z6LS...}. */
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
