package io.mip.wallet.passport;

import io.mip.crypto.AesGcmKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.face.FaceEngine;
import io.mip.face.FaceTemplate;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.wallet.passport.PassportFailure.Reason;
import io.mip.wallet.passport.backup.BackupClient;
import io.mip.wallet.passport.internal.AttemptGuard;
import io.mip.wallet.passport.internal.FaceCaptures;
import io.mip.wallet.passport.internal.PassportKeys;
import io.mip.wallet.passport.internal.Pins;
import io.mip.wallet.recovery.GuardianSet;
import io.mip.wallet.recovery.RecoveryApproval;
import io.mip.wallet.recovery.RecoveryKey;
import io.mip.wallet.recovery.RecoveryRequest;
import io.mip.wallet.recovery.ShareEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The passport: a face, a PIN and guardians protecting one seed from which a did:mip DID's keys
 * derive (docs/passport.md).
 *
 * <p>Guarantees: face images and templates never leave the process; the seed is stored only sealed
 * under {@code KEK = Argon2id(PIN, salt, secret = K_face)}; every expected failure is a {@link
 * PassportResult} with a {@link PassportFailure.Reason}; unlock attempts on one passport are
 * serialised in the process and counted in the file before the secret is tested, with the back-off
 * of {@link PassportSettings#backoff()}. Refuses (with {@link IllegalArgumentException}) malformed
 * calls: wrong numbers of images, PINs out of range, an existing file to create over.
 *
 * <p>Thread safety: a service is immutable and may be shared.
 */
public final class PassportService {
  /** Fewest images for enrolment. */
  public static final int MIN_ENROL_IMAGES = FaceKeyBinding.MIN_ENROL_CAPTURES;

  private static final AttemptGuard<AttemptState> GUARD = new AttemptGuard<>();

  private final PassportSettings settings;
  private final FaceAndPin faceAndPin;
  private final Guardians guardians;
  private final Recovery recovery;
  private final Backups backups;

  /** Creates a service over a face engine, with the given settings. */
  public PassportService(FaceEngine engine, PassportSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.faceAndPin = new FaceAndPin(new FaceCaptures(engine), settings);
    this.guardians = new Guardians(settings);
    this.recovery = new Recovery(settings, faceAndPin, guardians);
    this.backups = new Backups(settings, faceAndPin);
  }

  /** Returns the settings. */
  public PassportSettings settings() {
    return settings;
  }

  /**
   * Enrols a face and a PIN, creates the DID on the ledger and writes the passport file (before
   * submitting, so the keys are never lost; the file is deleted if the ledger refuses).
   *
   * @param faceImages at least 3 encoded photos of the same person
   * @param pin the PIN, 6 to 128 characters (the caller overwrites the array)
   * @param registry where the did.create goes
   * @param wallet the new passport file; must not exist
   * @return the session, or NO_FACE, MULTIPLE_FACES, UNREADABLE_IMAGE, LIVENESS_FAILED,
   *     LEDGER_REJECTED
   */
  public PassportResult<Enrolled> create(
      List<byte[]> faceImages, char[] pin, DidRegistry registry, Path wallet) {
    Objects.requireNonNull(registry, "registry");
    if (Files.exists(wallet)) {
      throw new IllegalArgumentException("wallet file " + wallet + " exists; will not overwrite");
    }
    PassportResult<FaceEnrolment> enrolled = faceAndPin.enrol(faceImages, pin);
    if (!enrolled.isOk()) {
      return enrolled.cast();
    }
    byte[] seed = PassportKeys.newSeed();
    try {
      var op =
          DidMipOperations.create(
              PassportKeys.signing(seed, 0),
              PassportKeys.agreement(seed, 0).publicKey(),
              List.of());
      String did = DidMipOperations.didOf(op);
      Passport passport = enrolled.value().seal(did, 0, seed, null, settings.clock().instant());
      PassportFile.write(wallet, passport);
      var admission = registry.submit(op);
      if (!admission.admitted()) {
        Recovery.deleteQuietly(wallet);
        return PassportResult.refused(
            Reason.LEDGER_REJECTED,
            "the ledger refused did.create: " + admission.rejection().code());
      }
      return PassportResult.ok(
          new Enrolled(new PassportSession(did, 0, wallet, seed), enrolled.value().liveness()));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Unlocks a passport with a fresh face capture (the mean of the images; two or more recommended)
   * and the PIN.
   *
   * @param faceImages 1 to 16 encoded photos of the owner
   * @return the session, or LOCKED_OUT, NO_FACE, MULTIPLE_FACES, UNREADABLE_IMAGE, LIVENESS_FAILED,
   *     FACE_MISMATCH, WRONG_PIN
   * @throws IllegalArgumentException if the file is not a passport or the arguments are malformed
   */
  public PassportResult<PassportSession> unlock(Path wallet, List<byte[]> faceImages, char[] pin) {
    PassportResult<Counted> opened = openCounted(wallet, faceImages, pin);
    if (!opened.isOk()) {
      return opened.cast();
    }
    Counted c = opened.value();
    try {
      return PassportResult.ok(
          new PassportSession(c.passport().did(), c.passport().epoch(), wallet, c.seed()));
    } finally {
      Arrays.fill(c.seed(), (byte) 0);
    }
  }

  /**
   * Backs the passport up on a node so that a new device can restore it with face and PIN
   * (docs/passport.md, "Backup and restore on a new device"): unlocks it (counted like {@link
   * #unlock}), derives the backup authentication key from the KEK and uploads the public part
   * (signed by the DID key), that key's public half and the sealed seed, in a request signed by the
   * DID key. Replaces the DID's earlier backup on that node.
   *
   * @param faceImages 1 to 16 encoded photos of the owner
   * @return the receipt, or LOCKED_OUT, a face failure, FACE_MISMATCH, WRONG_PIN, BACKUP_REFUSED
   * @throws IllegalArgumentException if the file is not a passport or the arguments are malformed
   * @throws java.io.UncheckedIOException if the node is unreachable or does not answer JSON
   */
  public PassportResult<BackedUp> backup(
      Path wallet, List<byte[]> faceImages, char[] pin, BackupClient node) {
    Objects.requireNonNull(node, "node");
    PassportResult<Counted> opened = openCounted(wallet, faceImages, pin);
    if (!opened.isOk()) {
      return opened.cast();
    }
    Counted c = opened.value();
    try {
      return backups.upload(c.passport(), c.seed(), c.kek(), node);
    } finally {
      Arrays.fill(c.seed(), (byte) 0);
    }
  }

  /**
   * Restores a backed-up passport on a new device with a fresh face capture and the PIN: fetches
   * the public part, checks its proof against the DID's current key, derives the face key and the
   * KEK, answers a fresh node challenge with the backup authentication key, opens the released
   * sealed seed locally, checks it gives the DID's current key and writes a new passport file (the
   * same DID, epoch and keys). Failed answers are counted by the node, which locks with the same
   * back-off as a local unlock.
   *
   * @param faceImages 1 to 16 encoded photos of the owner
   * @param out the new passport file; must not exist
   * @return the session, or NO_FACE, MULTIPLE_FACES, UNREADABLE_IMAGE, LIVENESS_FAILED,
   *     FACE_MISMATCH, WRONG_PIN, LOCKED_OUT, BACKUP_NOT_FOUND, BACKUP_INVALID, BACKUP_REFUSED,
   *     DID_UNUSABLE
   * @throws IllegalArgumentException if {@code out} exists or the arguments are malformed
   * @throws java.io.UncheckedIOException if the node is unreachable or does not answer JSON
   */
  public PassportResult<PassportSession> restore(
      String did, BackupClient node, List<byte[]> faceImages, char[] pin, Path out) {
    Objects.requireNonNull(node, "node");
    requireImages(faceImages, 1);
    Pins.requireLength(pin, 1);
    if (Files.exists(out)) {
      throw new IllegalArgumentException("passport file " + out + " exists; will not overwrite");
    }
    return backups.restore(did, node, faceImages, pin, out);
  }

  /**
   * Deletes the session's backup on a node, with a request signed by the DID key.
   *
   * @return the DID, or BACKUP_NOT_FOUND, BACKUP_REFUSED
   * @throws java.io.UncheckedIOException if the node is unreachable or does not answer JSON
   */
  public PassportResult<String> deleteBackup(PassportSession session, BackupClient node) {
    return backups.delete(session, node);
  }

  /** Unlocks with counting: the attempt is written before the face key and PIN are tested. */
  private PassportResult<Counted> openCounted(Path wallet, List<byte[]> faceImages, char[] pin) {
    requireImages(faceImages, 1);
    Pins.requireLength(pin, 1);
    String did = PassportFile.read(wallet).did();
    ReentrantLock lock = GUARD.lock(did);
    lock.lock();
    try {
      Passport passport = PassportFile.read(wallet);
      if (!passport.did().equals(did)) {
        throw new IllegalStateException("the wallet file was replaced during unlock");
      }
      AttemptState state = effectiveState(passport);
      var wait = state.retryAfter(settings.clock().instant());
      if (wait.isPresent()) {
        return PassportResult.refused(PassportFailure.lockedOut(wait.get()));
      }
      PassportResult<List<FaceTemplate>> captured = faceAndPin.unlockCaptures(faceImages);
      if (!captured.isOk()) {
        return captured.cast();
      }
      // Count the attempt before testing the secret: an interrupted attempt still counts.
      saveAttempts(wallet, state.afterFailure(settings.clock().instant(), settings.backoff()));
      PassportResult<FaceAndPin.Opened> opened = faceAndPin.open(passport, captured.value(), pin);
      if (!opened.isOk()) {
        return opened.cast();
      }
      saveAttempts(wallet, AttemptState.CLEAR);
      GUARD.clear(did);
      return PassportResult.ok(new Counted(passport, opened.value().seed(), opened.value().kek()));
    } finally {
      lock.unlock();
    }
  }

  /** An opened passport: its content, the seed (overwritten by the caller) and the KEK. */
  private record Counted(Passport passport, byte[] seed, AesGcmKey kek) {}

  /**
   * Splits the session's seed t-of-n to guardian DIDs (Shamir over GF(256)), encrypts each share to
   * the guardian's key agreement key with HPKE and stores the envelopes in the passport file,
   * replacing any previous split. Export {@link GuardianSet#shares()} one file per guardian.
   *
   * @return the set, or DID_UNUSABLE if a guardian is not on the ledger or is deactivated
   * @throws IllegalArgumentException for fewer than 2 or more than 16 guardians, a threshold
   *     outside 2..n, a duplicate, or the owner among them
   */
  public PassportResult<GuardianSet> setGuardians(
      PassportSession session, List<String> guardianDids, int threshold, DidRegistry registry) {
    return guardians.set(session, guardianDids, threshold, registry);
  }

  /**
   * A guardian approves a recovery request: opens their share with their own passport session and
   * re-encrypts it to the request's ephemeral key, signed with their DID key. Confirm the request
   * with the owner out of band first ({@link RecoveryRequest#code()}).
   *
   * @return the approval, or INVALID_SHARE, WRONG_REQUEST, REQUEST_EXPIRED
   */
  public PassportResult<RecoveryApproval> approve(
      PassportSession guardian, ShareEnvelope share, RecoveryRequest request) {
    return guardians.approve(guardian, share, request);
  }

  /**
   * Recovers a passport with t guardian approvals: restores the old seed, checks it against the
   * DID's current key on the ledger, enrols a new face and PIN under a fresh seed at the next
   * epoch, rotates the DID's keys (an update signed with the old key) and writes the new passport
   * file; with {@code reshare}, splits the new seed to the same guardians and threshold.
   *
   * @return the new passport, or WRONG_REQUEST, DUPLICATE_GUARDIAN, TOO_FEW_APPROVALS,
   *     INVALID_APPROVAL, SEED_MISMATCH, DID_UNUSABLE, a face failure, LEDGER_REJECTED
   */
  public PassportResult<Recovered> recover(
      RecoveryKey key,
      List<RecoveryApproval> approvals,
      List<byte[]> faceImages,
      char[] pin,
      DidRegistry registry,
      Path wallet,
      boolean reshare) {
    return recovery.recover(key, approvals, faceImages, pin, registry, wallet, reshare);
  }

  private AttemptState effectiveState(Passport passport) {
    AttemptState seen = GUARD.seen(passport.did());
    return seen == null ? passport.attempts() : passport.attempts().max(seen);
  }

  private void saveAttempts(Path wallet, AttemptState state) {
    Passport current = PassportFile.read(wallet);
    PassportFile.write(wallet, current.withAttempts(state));
    if (state.failures() > 0) {
      GUARD.record(current.did(), state);
    }
  }

  static void requireImages(List<byte[]> images, int min) {
    Objects.requireNonNull(images, "faceImages");
    if (images.size() < min || images.size() > FaceCaptures.MAX_IMAGES) {
      throw new IllegalArgumentException(
          "need " + min + " to " + FaceCaptures.MAX_IMAGES + " face images");
    }
  }
}
