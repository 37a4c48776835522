package io.mip.wallet.passport;

import io.mip.crypto.AesGcmKey;
import io.mip.crypto.Argon2idParameters;
import io.mip.face.Liveness;
import io.mip.face.binding.HelperData;
import io.mip.wallet.recovery.GuardianSet;
import java.time.Instant;
import java.util.List;

/**
 * A face and PIN just enrolled, ready to seal a seed: the public helper data and face check value,
 * the Argon2id salt and costs, the KEK derived from them, and the liveness decisions. Lives only
 * for the duration of a create or recover call.
 */
record FaceEnrolment(
    HelperData helper,
    int faceCheck,
    Argon2idParameters kdf,
    byte[] salt,
    AesGcmKey kek,
    List<Liveness> liveness) {
  /** Seals {@code seed} under the KEK and returns the passport file content. */
  Passport seal(String did, int epoch, byte[] seed, GuardianSet guardians, Instant created) {
    byte[] aad = io.mip.wallet.passport.internal.PassportKeys.sealAad(did, Passport.VERSION, epoch);
    int real = (int) liveness.stream().filter(l -> l.decision() == Liveness.Decision.REAL).count();
    return new Passport(
        Passport.VERSION,
        did,
        epoch,
        created,
        helper,
        faceCheck,
        liveness.size(),
        real,
        kdf,
        salt,
        kek.encrypt(seed, aad),
        AttemptState.CLEAR,
        guardians);
  }
}
