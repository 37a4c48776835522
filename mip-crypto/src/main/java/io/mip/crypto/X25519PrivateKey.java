package io.mip.crypto;

import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An X25519 private key (RFC 7748 section 5).
 *
 * <p>Security guarantees: the scalar leaves only through {@link #exportSecret(SecretKeyAccess)};
 * agreement with a low-order point (all-zero shared secret, RFC 7748 section 6.1) yields empty.
 */
public final class X25519PrivateKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] scalar;
  private final X25519PublicKey publicKey;

  private X25519PrivateKey(byte[] scalar) {
    this.scalar = scalar;
    byte[] pk = new byte[X25519.POINT_SIZE];
    X25519.scalarMultBase(scalar, 0, pk, 0);
    this.publicKey = X25519PublicKey.fromBytes(pk);
  }

  /** Generates a fresh key. */
  public static X25519PrivateKey generate() {
    byte[] k = new byte[X25519.SCALAR_SIZE];
    RANDOM.nextBytes(k);
    return new X25519PrivateKey(k);
  }

  /**
   * Builds the key from 32 bytes of secret material (the RFC 7748 scalar; clamping happens in the
   * scalar multiplication).
   */
  public static X25519PrivateKey fromBytes(byte[] scalar) {
    if (scalar == null || scalar.length != X25519.SCALAR_SIZE) {
      throw new IllegalArgumentException("X25519 private key must be 32 bytes");
    }
    return new X25519PrivateKey(scalar.clone());
  }

  /** Returns the matching public key. */
  public X25519PublicKey publicKey() {
    return publicKey;
  }

  /**
   * Computes the shared secret with {@code peer}; empty when the result is all zeros (a low-order
   * point), which callers must treat as a failed agreement.
   */
  public Optional<byte[]> agree(X25519PublicKey peer) {
    byte[] shared = new byte[X25519.POINT_SIZE];
    boolean ok = X25519.calculateAgreement(scalar, 0, peer.toBytes(), 0, shared, 0);
    return ok ? Optional.of(shared) : Optional.empty();
  }

  /** Exports the 32-byte scalar. Every call is a place where secret material leaves. */
  public byte[] exportSecret(SecretKeyAccess access) {
    SecretKeyAccess.require(access);
    return scalar.clone();
  }

  @Override
  public String toString() {
    return "X25519PrivateKey[public=" + publicKey.toMultibase() + "]";
  }
}
