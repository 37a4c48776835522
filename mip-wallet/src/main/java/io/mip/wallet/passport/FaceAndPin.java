package io.mip.wallet.passport;

import io.mip.crypto.AesGcmKey;
import io.mip.crypto.Argon2id;
import io.mip.crypto.Argon2idParameters;
import io.mip.crypto.Decryption;
import io.mip.crypto.SecretKeyAccess;
import io.mip.face.FaceTemplate;
import io.mip.face.Liveness;
import io.mip.face.binding.FaceKey;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.face.binding.HelperData;
import io.mip.wallet.passport.PassportFailure.Reason;
import io.mip.wallet.passport.internal.FaceCaptures;
import io.mip.wallet.passport.internal.PassportKeys;
import io.mip.wallet.passport.internal.Pins;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first two keys: turns face images into templates (with the liveness policy), binds a new face
 * key and derives the KEK from it and the PIN at enrolment, and at unlock recovers the face key,
 * checks the 8-bit face check value and unseals the seed.
 */
final class FaceAndPin {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final FaceCaptures faces;
  private final PassportSettings settings;
  private final FaceKeyBinding binding = new FaceKeyBinding();

  FaceAndPin(FaceCaptures faces, PassportSettings settings) {
    this.faces = faces;
    this.settings = settings;
  }

  /** Analyses enrolment images, checks liveness, binds a new face key and derives the KEK. */
  PassportResult<FaceEnrolment> enrol(List<byte[]> faceImages, char[] pin) {
    PassportService.requireImages(faceImages, PassportService.MIN_ENROL_IMAGES);
    byte[] pinBytes = Pins.utf8(pin, Pins.MIN_LENGTH);
    try {
      FaceCaptures.Analysis a = faces.analyse(faceImages);
      if (a.failure() != null) {
        return PassportResult.refused(a.failure());
      }
      FaceCaptures.LivenessAnalysis live = faces.liveness(faceImages);
      if (live.failure() != null) {
        return PassportResult.refused(live.failure());
      }
      Optional<PassportFailure> spoof = spoof(live.decisions());
      if (spoof.isPresent()) {
        return PassportResult.refused(spoof.get());
      }
      var e = binding.enrol(a.templates(), RANDOM);
      byte[] salt = Argon2id.newSalt();
      byte[] k = e.key().exportSecret(SecretKeyAccess.insecureSecretAccess());
      try {
        AesGcmKey kek = Argon2id.deriveKey(pinBytes, salt, k, settings.kdf());
        return PassportResult.ok(
            new FaceEnrolment(
                e.helperData(),
                PassportKeys.faceCheck(e.key()),
                settings.kdf(),
                salt,
                kek,
                live.decisions()));
      } finally {
        Arrays.fill(k, (byte) 0);
      }
    } finally {
      Arrays.fill(pinBytes, (byte) 0);
    }
  }

  /** Embeds the unlock images and, with {@link LivenessPolicy#REQUIRE}, checks liveness. */
  PassportResult<List<FaceTemplate>> unlockCaptures(List<byte[]> images) {
    FaceCaptures.Analysis a = faces.analyse(images);
    if (a.failure() != null) {
      return PassportResult.refused(a.failure());
    }
    if (settings.liveness() == LivenessPolicy.REQUIRE) {
      FaceCaptures.LivenessAnalysis live = faces.liveness(images);
      Optional<PassportFailure> refused =
          live.failure() != null ? Optional.of(live.failure()) : spoof(live.decisions());
      if (refused.isPresent()) {
        return PassportResult.refused(refused.get());
      }
    }
    return PassportResult.ok(a.templates());
  }

  /**
   * A passport opened with face and PIN: the seed (the caller overwrites it) and the KEK it was
   * sealed under (needed again only to derive the backup authentication key).
   */
  record Opened(byte[] seed, AesGcmKey kek) {}

  /**
   * Recovers the face key from the captures, checks it against the 8-bit face check value
   * (FACE_MISMATCH) and unseals the seed with the KEK (WRONG_PIN).
   */
  PassportResult<Opened> open(Passport passport, List<FaceTemplate> captures, char[] pin) {
    FaceKey faceKey = faceKey(passport.faceHelper(), captures);
    if (PassportKeys.faceCheck(faceKey) != passport.faceCheck()) {
      return PassportResult.refused(Reason.FACE_MISMATCH, "the face does not open this passport");
    }
    AesGcmKey kek = kek(pin, passport.salt(), faceKey, passport.kdf());
    Decryption d = kek.decrypt(passport.sealedSeed(), passport.sealAad());
    if (!d.isSuccess()) {
      return PassportResult.refused(Reason.WRONG_PIN, "wrong PIN");
    }
    return PassportResult.ok(new Opened(d.plaintext(), kek));
  }

  /** Decodes the face key the captures give under {@code helper} (right or wrong). */
  FaceKey faceKey(HelperData helper, List<FaceTemplate> captures) {
    return binding.unlock(helper, captures);
  }

  /** With {@link LivenessPolicy#REQUIRE}, the first capture judged a spoof. */
  private Optional<PassportFailure> spoof(List<Liveness> decisions) {
    if (settings.liveness() != LivenessPolicy.REQUIRE) {
      return Optional.empty();
    }
    for (int i = 0; i < decisions.size(); i++) {
      if (decisions.get(i).decision() != Liveness.Decision.REAL) {
        return Optional.of(
            PassportFailure.ofImage(
                Reason.LIVENESS_FAILED, i, "image " + (i + 1) + " was judged a spoof"));
      }
    }
    return Optional.empty();
  }

  /** Derives {@code KEK = Argon2id(PIN, salt, secret = K_face)} with the given costs. */
  static AesGcmKey kek(char[] pin, byte[] salt, FaceKey faceKey, Argon2idParameters kdf) {
    byte[] pinBytes = Pins.utf8(pin, 1);
    byte[] k = faceKey.exportSecret(SecretKeyAccess.insecureSecretAccess());
    try {
      return Argon2id.deriveKey(pinBytes, salt, k, kdf);
    } finally {
      Arrays.fill(pinBytes, (byte) 0);
      Arrays.fill(k, (byte) 0);
    }
  }
}
