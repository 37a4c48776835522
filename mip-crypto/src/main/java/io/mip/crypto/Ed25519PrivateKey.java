package io.mip.crypto;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (RFC 8032 section 5.1.5).
 *
 * <p>Security guarantees: the key hands out a {@link Signer} and its {@link Ed25519PublicKey}; the
 * 32-byte seed leaves only through {@link #exportSeed(SecretKeyAccess)}. {@link #toString()} never
 * prints key material.
 */
public final class Ed25519PrivateKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] seed;
  private final Ed25519PublicKey publicKey;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed;
    byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    this.publicKey = Ed25519PublicKey.fromBytes(pk);
  }

  /** Generates a fresh key from the system's secure random source. */
  public static Ed25519PrivateKey generate() {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    RANDOM.nextBytes(seed);
    return new Ed25519PrivateKey(seed);
  }

  /**
   * Builds the key from its 32-byte RFC 8032 seed (the "private key" of the RFC).
   *
   * @throws IllegalArgumentException if the seed is not 32 bytes
   */
  public static Ed25519PrivateKey fromSeed(byte[] seed) {
    if (seed == null || seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
    }
    return new Ed25519PrivateKey(seed.clone());
  }

  /** Returns the matching public key. */
  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** Returns a signer producing 64-byte RFC 8032 signatures (pure Ed25519, no context). */
  public Signer signer() {
    byte[] pk = publicKey.toBytes();
    return message -> {
      byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
      Ed25519.sign(seed, 0, pk, 0, message, 0, message.length, sig, 0);
      return sig;
    };
  }

  /** Exports the 32-byte seed. Every call is a place where secret material leaves. */
  public byte[] exportSeed(SecretKeyAccess access) {
    SecretKeyAccess.require(access);
    return seed.clone();
  }

  @Override
  public String toString() {
    return "Ed25519PrivateKey[public=" + publicKey.toMultibase() + "]";
  }
}
