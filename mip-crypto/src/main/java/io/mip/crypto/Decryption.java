package io.mip.crypto;

import java.util.Optional;

/**
 * The outcome of an authenticated decryption ({@link AesGcmKey#decrypt}, {@link Hpke#open}).
 *
 * <p>A ciphertext that was tampered with, encrypted under another key or bound to other associated
 * data is an expected outcome, so it is a value with a {@link Failure} reason rather than an
 * exception. The failure reveals nothing about the plaintext; {@link #toString()} never prints it.
 */
public final class Decryption {
  /** Why a decryption failed. */
  public enum Failure {
    /** The input cannot be a ciphertext: too short, too long, or badly framed. */
    MALFORMED,
    /** The HPKE encapsulated key is not a valid X25519 public key (RFC 9180 section 7.1.1). */
    INVALID_ENCAPSULATED_KEY,
    /** The tag did not verify: wrong key, wrong associated data, or modified ciphertext. */
    AUTHENTICATION_FAILED
  }

  private final byte[] plaintext;
  private final Failure failure;

  private Decryption(byte[] plaintext, Failure failure) {
    this.plaintext = plaintext;
    this.failure = failure;
  }

  static Decryption success(byte[] plaintext) {
    return new Decryption(plaintext, null);
  }

  static Decryption failed(Failure failure) {
    return new Decryption(null, failure);
  }

  /** Whether the ciphertext authenticated and was decrypted. */
  public boolean isSuccess() {
    return failure == null;
  }

  /**
   * Returns the plaintext (a copy).
   *
   * @throws IllegalStateException if the decryption failed; check {@link #isSuccess()} first
   */
  public byte[] plaintext() {
    if (failure != null) {
      throw new IllegalStateException("decryption failed: " + failure);
    }
    return plaintext.clone();
  }

  /** Returns the plaintext, or empty when the decryption failed. */
  public Optional<byte[]> toOptional() {
    return failure == null ? Optional.of(plaintext.clone()) : Optional.empty();
  }

  /** Returns why the decryption failed, or empty on success. */
  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return failure == null
        ? "Decryption[success, " + plaintext.length + " bytes]"
        : "Decryption[" + failure + "]";
  }
}
