package io.mip.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (RFC 8032 section 5.1.5).
 *
 * <p>Security guarantees: the encoding is checked to be a valid curve point when the key is
 * created; verification follows RFC 8032 section 5.1.7 and rejects non-canonical signatures.
 */
public final class Ed25519PublicKey {
  /** Encoded length in bytes. */
  public static final int LENGTH = 32;

  /** Signature length in bytes. */
  public static final int SIGNATURE_LENGTH = 64;

  private final byte[] encoded;
  private final Ed25519.PublicPoint point;

  private Ed25519PublicKey(byte[] encoded, Ed25519.PublicPoint point) {
    this.encoded = encoded;
    this.point = point;
  }

  /**
   * Parses a 32-byte RFC 8032 encoding.
   *
   * @throws IllegalArgumentException if the length is wrong or the bytes are not a curve point
   */
  public static Ed25519PublicKey fromBytes(byte[] encoded) {
    if (encoded == null || encoded.length != LENGTH) {
      throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
    }
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(encoded, 0);
    if (point == null) {
      throw new IllegalArgumentException("Ed25519 public key is not a valid curve point");
    }
    return new Ed25519PublicKey(encoded.clone(), point);
  }

  /**
   * Parses a multibase base58btc multicodec {@code ed25519-pub} key, as in {@code z6Mk...}.
   *
   * @throws IllegalArgumentException if the string is not such a key
   */
  public static Ed25519PublicKey fromMultibase(String multibase) {
    return fromBytes(Multicodec.ED25519_PUB.decodeMultibase(multibase));
  }

  /** Returns the 32-byte encoding (a copy). */
  public byte[] toBytes() {
    return encoded.clone();
  }

  /** Returns the multibase base58btc multicodec form, {@code z6Mk...}. */
  public String toMultibase() {
    return Multicodec.ED25519_PUB.encodeMultibase(encoded);
  }

  /** Returns a verifier for this key. */
  public Verifier verifier() {
    return (message, signature) ->
        signature != null
            && message != null
            && signature.length == SIGNATURE_LENGTH
            && Ed25519.verify(signature, 0, point, message, 0, message.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + toMultibase() + "]";
  }
}
