package io.mip.crypto;

import java.security.SecureRandom;

/**
 * An AES-256-GCM key (NIST SP 800-38D) with random 96-bit nonces.
 *
 * <p>Format: {@link #encrypt} returns {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}, so
 * a ciphertext is 28 bytes longer than its plaintext.
 *
 * <p>Security guarantees: confidentiality and integrity of the plaintext and integrity of the
 * associated data; a fresh random nonce per message, so one key may encrypt up to 2^32 messages (SP
 * 800-38D section 8.3) before the nonce collision risk passes 2^-32. The 32 key bytes leave only
 * through {@link #exportSecret(SecretKeyAccess)}; {@link #toString()} never prints them.
 *
 * <p>Refuses plaintexts over {@link #MAX_PLAINTEXT_LENGTH} and associated data over {@link
 * #MAX_AAD_LENGTH}. A ciphertext that fails to authenticate is an expected outcome: {@link
 * #decrypt} returns a failed {@link Decryption}, never partial plaintext.
 */
public final class AesGcmKey {
  /** Key length in bytes. */
  public static final int KEY_LENGTH = 32;

  /** Bytes {@link #encrypt} adds to the plaintext: the nonce and the tag. */
  public static final int OVERHEAD = AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH;

  /** Largest plaintext accepted, 64 MiB. */
  public static final int MAX_PLAINTEXT_LENGTH = 64 * 1024 * 1024;

  /** Largest associated data accepted, 1 MiB. */
  public static final int MAX_AAD_LENGTH = 1024 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private AesGcmKey(byte[] key) {
    this.key = key;
  }

  /** Generates a fresh key from the system's secure random source. */
  public static AesGcmKey generate() {
    byte[] k = new byte[KEY_LENGTH];
    RANDOM.nextBytes(k);
    return new AesGcmKey(k);
  }

  /**
   * Imports a 32-byte key, for example the output of {@link Hkdf} or a key previously exported.
   *
   * @throws IllegalArgumentException if the input is not 32 bytes
   */
  public static AesGcmKey fromBytes(byte[] key) {
    if (key == null || key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("AES-256-GCM key must be 32 bytes");
    }
    return new AesGcmKey(key.clone());
  }

  /**
   * Encrypts {@code plaintext} and authenticates it together with {@code aad}.
   *
   * @param aad associated data, authenticated but not encrypted; {@code null} means empty
   * @return {@code nonce || ciphertext || tag}
   * @throws IllegalArgumentException if an input exceeds its size limit
   */
  public byte[] encrypt(byte[] plaintext, byte[] aad) {
    if (plaintext == null || plaintext.length > MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException("plaintext missing or longer than 64 MiB");
    }
    byte[] associated = aad == null ? new byte[0] : aad;
    if (associated.length > MAX_AAD_LENGTH) {
      throw new IllegalArgumentException("associated data longer than 1 MiB");
    }
    byte[] nonce = new byte[AesGcm.NONCE_LENGTH];
    RANDOM.nextBytes(nonce);
    byte[] sealed = AesGcm.seal(key, nonce, associated, plaintext);
    byte[] out = new byte[nonce.length + sealed.length];
    System.arraycopy(nonce, 0, out, 0, nonce.length);
    System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
    return out;
  }

  /**
   * Authenticates and decrypts the output of {@link #encrypt}. Returns a failed {@link Decryption}
   * with {@link Decryption.Failure#MALFORMED} for input that is too short or too long, and {@link
   * Decryption.Failure#AUTHENTICATION_FAILED} when the tag does not verify.
   *
   * @param aad the associated data given to {@link #encrypt}; {@code null} means empty
   */
  public Decryption decrypt(byte[] ciphertext, byte[] aad) {
    byte[] associated = aad == null ? new byte[0] : aad;
    if (ciphertext == null
        || ciphertext.length < OVERHEAD
        || ciphertext.length > MAX_PLAINTEXT_LENGTH + OVERHEAD
        || associated.length > MAX_AAD_LENGTH) {
      return Decryption.failed(Decryption.Failure.MALFORMED);
    }
    byte[] nonce = new byte[AesGcm.NONCE_LENGTH];
    System.arraycopy(ciphertext, 0, nonce, 0, nonce.length);
    byte[] plaintext = AesGcm.open(key, nonce, associated, ciphertext, nonce.length);
    return plaintext == null
        ? Decryption.failed(Decryption.Failure.AUTHENTICATION_FAILED)
        : Decryption.success(plaintext);
  }

  /** Exports the 32 key bytes. Every call is a place where secret material leaves. */
  public byte[] exportSecret(SecretKeyAccess access) {
    SecretKeyAccess.require(access);
    return key.clone();
  }

  @Override
  public String toString() {
    return "AesGcmKey[AES-256-GCM]";
  }
}
