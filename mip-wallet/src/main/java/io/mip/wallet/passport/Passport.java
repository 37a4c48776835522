package io.mip.wallet.passport;

import io.mip.crypto.AesGcmKey;
import io.mip.crypto.Argon2idParameters;
import io.mip.face.binding.HelperData;
import io.mip.wallet.passport.internal.PassportKeys;
import io.mip.wallet.passport.internal.PublicPart;
import io.mip.wallet.recovery.GuardianSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of one passport file (docs/passport.md, "File format"): everything needed to unlock,
 * and nothing that unlocks by itself.
 *
 * <p>Guarantees: holds no face image, template, codeword, K_face, KEK, PIN or seed. The seed is
 * only present as {@code sealedSeed = AES-256-GCM(KEK, seed)} with associated data binding the DID,
 * the format version and the key epoch; {@code KEK = Argon2id(PIN, salt, secret = K_face)}. The
 * face helper data and the 8-bit face check value are public by design. Immutable.
 *
 * @param version the format version, {@link #VERSION}
 * @param did the passport's did:mip DID
 * @param epoch the key epoch (0 at creation, +1 at each recovery)
 * @param created when the passport (or its latest recovery) was made
 * @param faceHelper the public IronMask helper data P
 * @param faceCheck the 8-bit face check value, 0..255
 * @param captures how many captures the face was enrolled from
 * @param judgedReal how many of them the liveness model judged real
 * @param kdf the Argon2id costs of this file's KEK
 * @param salt the Argon2id salt, 16..64 bytes
 * @param sealedSeed the sealed seed, {@code nonce || ciphertext || tag}
 * @param attempts the failed-attempt counter
 * @param guardians the current guardian split, or {@code null} when none is set
 */
public record Passport(
    int version,
    String did,
    int epoch,
    Instant created,
    HelperData faceHelper,
    int faceCheck,
    int captures,
    int judgedReal,
    Argon2idParameters kdf,
    byte[] salt,
    byte[] sealedSeed,
    AttemptState attempts,
    GuardianSet guardians) {
  /** The file format version this code writes and reads. */
  public static final int VERSION = 1;

  /** Length of the sealed seed: 32 bytes plus the 12-byte nonce and 16-byte tag. */
  public static final int SEALED_SEED_LENGTH = PassportKeys.SEED_LENGTH + AesGcmKey.OVERHEAD;

  /** Validates every field and copies the arrays. */
  public Passport {
    if (version != VERSION) {
      throw new IllegalArgumentException("passport version " + version + " is not supported");
    }
    PublicPart.check(
        "a passport", did, epoch, created, faceHelper, faceCheck, captures, judgedReal, kdf, salt);
    if (sealedSeed == null || sealedSeed.length != SEALED_SEED_LENGTH) {
      throw new IllegalArgumentException("sealed seed must be " + SEALED_SEED_LENGTH + " bytes");
    }
    Objects.requireNonNull(attempts, "attempts");
    if (guardians != null && !guardians.terms().ownerDid().equals(did)) {
      throw new IllegalArgumentException("the guardian set belongs to another DID");
    }
    salt = salt.clone();
    sealedSeed = sealedSeed.clone();
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] sealedSeed() {
    return sealedSeed.clone();
  }

  /** Returns the guardian split, if one is set. */
  public Optional<GuardianSet> guardianSet() {
    return Optional.ofNullable(guardians);
  }

  /** Returns the associated data the seed is sealed with. */
  public byte[] sealAad() {
    return PassportKeys.sealAad(did, version, epoch);
  }

  /** Returns this passport with another attempt counter. */
  public Passport withAttempts(AttemptState value) {
    return new Passport(
        version,
        did,
        epoch,
        created,
        faceHelper,
        faceCheck,
        captures,
        judgedReal,
        kdf,
        salt,
        sealedSeed,
        value,
        guardians);
  }

  /** Returns this passport with another guardian split ({@code null} for none). */
  public Passport withGuardians(GuardianSet value) {
    return new Passport(
        version,
        did,
        epoch,
        created,
        faceHelper,
        faceCheck,
        captures,
        judgedReal,
        kdf,
        salt,
        sealedSeed,
        attempts,
        value);
  }

  @Override
  public String toString() {
    return "Passport[" + did + ", epoch " + epoch + "]";
  }
}
