package io.mip.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (RFC 9106, version 0x13), used to turn a PIN into a key-encryption key.
 *
 * <p>The optional {@code secret} is Argon2's secret value K (RFC 9106 section 3.1): MIP passes the
 * face key K_face there, so the PIN alone, even with the salt and the sealed seed, is not enough to
 * test a guess. Guarantees: costs are those of a validated {@link Argon2idParameters}, so no caller
 * can derive with weak settings. Refuses salts shorter than {@link #MIN_SALT_LENGTH} (RFC 9106
 * section 3.1 recommends 128 bits) and inputs longer than {@link #MAX_INPUT_LENGTH}.
 */
public final class Argon2id {
  /** Shortest salt accepted, in bytes. */
  public static final int MIN_SALT_LENGTH = 16;

  /** Longest password, salt or secret accepted, in bytes. */
  public static final int MAX_INPUT_LENGTH = 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Argon2id() {}

  /** Returns a fresh random 16-byte salt. */
  public static byte[] newSalt() {
    byte[] salt = new byte[MIN_SALT_LENGTH];
    RANDOM.nextBytes(salt);
    return salt;
  }

  /**
   * Derives an AES-256-GCM key from {@code password} and a secret value.
   *
   * @param password the password or PIN bytes (for a PIN, its UTF-8 digits)
   * @param salt at least 16 random bytes stored next to what the key protects
   * @param secret Argon2's secret value K, for example K_face; empty for none
   * @throws IllegalArgumentException if an input is missing or out of its length range
   */
  public static AesGcmKey deriveKey(
      byte[] password, byte[] salt, byte[] secret, Argon2idParameters params) {
    if (params == null) {
      throw new IllegalArgumentException("Argon2id parameters are missing");
    }
    byte[] tag =
        compute(
            password,
            salt,
            secret,
            new byte[0],
            params.memoryKiB(),
            params.iterations(),
            params.parallelism(),
            AesGcmKey.KEY_LENGTH);
    return AesGcmKey.fromBytes(tag);
  }

  /**
   * Derives an AES-256-GCM key from {@code password} without a secret value.
   *
   * @throws IllegalArgumentException as {@link #deriveKey(byte[], byte[], byte[],
   *     Argon2idParameters)}
   */
  public static AesGcmKey deriveKey(byte[] password, byte[] salt, Argon2idParameters params) {
    return deriveKey(password, salt, new byte[0], params);
  }

  /**
   * Raw Argon2id H' output with unvalidated costs. Package private: production code goes through
   * {@link Argon2idParameters}; tests use it for the RFC 9106 vector (m = 32 KiB).
   */
  static byte[] compute(
      byte[] password,
      byte[] salt,
      byte[] secret,
      byte[] associatedData,
      int memoryKiB,
      int iterations,
      int parallelism,
      int tagLength) {
    requireInput("password", password, 0);
    requireInput("salt", salt, MIN_SALT_LENGTH);
    requireInput("secret", secret, 0);
    requireInput("associated data", associatedData, 0);
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKiB)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .withSecret(secret)
            .withAdditional(associatedData)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[tagLength];
    generator.generateBytes(password, out);
    return out;
  }

  private static void requireInput(String what, byte[] value, int minLength) {
    if (value == null) {
      throw new IllegalArgumentException("Argon2id " + what + " is missing");
    }
    if (value.length < minLength || value.length > MAX_INPUT_LENGTH) {
      throw new IllegalArgumentException(
          "Argon2id " + what + " must be " + minLength + " to " + MAX_INPUT_LENGTH + " bytes");
    }
  }
}
