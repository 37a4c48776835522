package io.mip.crypto;

import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An X25519 private key (RFC 7748 section 5).
 *
 * <p>Security guarantees: the scalar leaves only through {@link #exportSecret(SecretKeyAccess)};
 * {@link #toString()} prints only the public key. Agreement never returns the all-zero shared
 * secret (RFC 7748 section 6.1): peers are {@link X25519PublicKey}s, which refuse low-order points,
 * and the result is checked again.
 */
public final class X25519PrivateKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Shortest seed {@link #deriveFromSeed} accepts: RFC 9180 section 7.1.3 asks for Nsk bytes. */
  public static final int MIN_SEED_LENGTH = 32;

  /** Longest seed {@link #deriveFromSeed} accepts. */
  public static final int MAX_SEED_LENGTH = 1024;

  private final byte[] scalar;
  private final X25519PublicKey publicKey;

  private X25519PrivateKey(byte[] scalar) {
    this.scalar = scalar;
    byte[] pk = new byte[X25519.POINT_SIZE];
    X25519.scalarMultBase(scalar, 0, pk, 0);
    this.publicKey = X25519PublicKey.ofDerived(pk);
  }

  /** Generates a fresh key from the system's secure random source. */
  public static X25519PrivateKey generate() {
    byte[] k = new byte[X25519.SCALAR_SIZE];
    RANDOM.nextBytes(k);
    return new X25519PrivateKey(k);
  }

  /**
   * Imports 32 bytes of secret material as the RFC 7748 scalar (clamping happens in the scalar
   * multiplication), the inverse of {@link #exportSecret}.
   *
   * @throws IllegalArgumentException if the input is not 32 bytes
   */
  public static X25519PrivateKey fromBytes(byte[] scalar) {
    if (scalar == null || scalar.length != X25519.SCALAR_SIZE) {
      throw new IllegalArgumentException("X25519 private key must be 32 bytes");
    }
    return new X25519PrivateKey(scalar.clone());
  }

  /**
   * Derives a key deterministically from seed material, as DeriveKeyPair of DHKEM(X25519,
   * HKDF-SHA256) in RFC 9180 section 7.1.3. The same seed always gives the same key; give each
   * purpose its own seed (for example HKDF of the passport seed with a purpose label).
   *
   * @throws IllegalArgumentException if the seed is shorter than 32 or longer than 1024 bytes
   */
  public static X25519PrivateKey deriveFromSeed(byte[] seed) {
    if (seed == null || seed.length < MIN_SEED_LENGTH || seed.length > MAX_SEED_LENGTH) {
      throw new IllegalArgumentException("X25519 seed must be 32 to 1024 bytes");
    }
    return new X25519PrivateKey(HpkeSuite.deriveX25519Scalar(seed));
  }

  /** Returns the matching public key. */
  public X25519PublicKey publicKey() {
    return publicKey;
  }

  /**
   * Computes the raw X25519 shared secret with {@code peer} (RFC 7748 section 6.1). Empty when the
   * result is all zeros, which callers must treat as a failed agreement; with a parsed {@link
   * X25519PublicKey} this does not happen. Feed the result through a KDF, never use it as a key.
   */
  public Optional<byte[]> agree(X25519PublicKey peer) {
    byte[] shared = new byte[X25519.POINT_SIZE];
    boolean ok = X25519.calculateAgreement(scalar, 0, peer.encoded(), 0, shared, 0);
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
