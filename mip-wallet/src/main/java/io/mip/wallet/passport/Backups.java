package io.mip.wallet.passport;

import io.mip.crypto.AesGcmKey;
import io.mip.crypto.Decryption;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.did.mip.DidMipState;
import io.mip.face.FaceTemplate;
import io.mip.face.binding.FaceKey;
import io.mip.profile.auth.RequestSigner;
import io.mip.wallet.passport.PassportFailure.Reason;
import io.mip.wallet.passport.backup.BackupClient;
import io.mip.wallet.passport.backup.BackupUpload;
import io.mip.wallet.passport.backup.NodeAnswer;
import io.mip.wallet.passport.backup.PassportBackup;
import io.mip.wallet.passport.backup.RestoreChallenge;
import io.mip.wallet.passport.backup.RestoreRequest;
import io.mip.wallet.passport.internal.PassportKeys;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Backup to a node and restore on a new device with face and PIN (docs/passport.md, "Backup and
 * restore on a new device"). The node keeps the public part, the backup authentication public key
 * and the sealed seed; it releases the sealed seed only to a signature over a fresh challenge by
 * the key derived from the KEK, and counts failed answers with its own back-off.
 */
final class Backups {
  private final PassportSettings settings;
  private final FaceAndPin faceAndPin;

  Backups(PassportSettings settings, FaceAndPin faceAndPin) {
    this.settings = settings;
    this.faceAndPin = faceAndPin;
  }

  /** Uploads the backup of an opened passport, signed with its DID key. */
  PassportResult<BackedUp> upload(
      Passport passport, byte[] seed, AesGcmKey kek, BackupClient node) {
    Ed25519PrivateKey didKey = PassportKeys.signing(seed, passport.epoch());
    BackupUpload upload =
        new BackupUpload(
            PassportBackup.of(passport, didKey.signer()),
            PassportKeys.backupAuth(kek).publicKey(),
            passport.sealedSeed());
    NodeAnswer<Boolean> a =
        node.upload(upload, new RequestSigner(passport.did(), didKey, settings.clock()));
    if (!a.isOk()) {
      return PassportResult.refused(refusal(a.refusal(), "the node refused the backup"));
    }
    return PassportResult.ok(
        new BackedUp(passport.did(), passport.epoch(), node.node(), a.value()));
  }

  /** Deletes the session's backup on the node. */
  PassportResult<String> delete(PassportSession session, BackupClient node) {
    NodeAnswer<Boolean> a = node.delete(session.did(), session.requestSigner(settings.clock()));
    if (!a.isOk()) {
      return PassportResult.refused(refusal(a.refusal(), "the node refused to delete the backup"));
    }
    return PassportResult.ok(session.did());
  }

  /** Restores {@code did}'s passport from {@code node} into the new file {@code out}. */
  PassportResult<PassportSession> restore(
      String did, BackupClient node, List<byte[]> faceImages, char[] pin, Path out) {
    NodeAnswer<PassportBackup> fetched = node.fetch(did);
    if (!fetched.isOk()) {
      return PassportResult.refused(refusal(fetched.refusal(), "no backup to restore"));
    }
    PassportBackup b = fetched.value();
    Optional<DidMipState> state = node.didState(did);
    if (state.isEmpty() || state.get().deactivated()) {
      return PassportResult.refused(Reason.DID_UNUSABLE, did + " is not an active DID");
    }
    if (!b.did().equals(did)
        || b.epoch() != state.get().signingKeyIndex() - 1
        || !b.verifies(state.get().signingKey())) {
      return invalid("the node's backup is not signed by the DID's current key (stale or forged)");
    }
    PassportResult<List<FaceTemplate>> captured = faceAndPin.unlockCaptures(faceImages);
    if (!captured.isOk()) {
      return captured.cast();
    }
    FaceKey faceKey = faceAndPin.faceKey(b.faceHelper(), captured.value());
    boolean faceMatches = PassportKeys.faceCheck(faceKey) == b.faceCheck();
    NodeAnswer<RestoreChallenge> challenge = node.challenge(did);
    if (!challenge.isOk()) {
      return PassportResult.refused(refusal(challenge.refusal(), "no restore challenge"));
    }
    RestoreChallenge c = challenge.value();
    if (!c.did().equals(did) || c.epoch() != b.epoch()) {
      return invalid("the node's challenge is for another backup");
    }
    // Every answer goes to the node, a wrong face included, so that the node counts it.
    AesGcmKey kek = FaceAndPin.kek(pin, b.salt(), faceKey, b.kdf());
    byte[] signature = PassportKeys.backupAuth(kek).signer().sign(c.message());
    NodeAnswer<byte[]> released = node.restore(did, new RestoreRequest(c.nonce(), signature));
    if (!released.isOk()) {
      NodeAnswer.Refusal r = released.refusal();
      if (r.status() == 403 && r.code().equals("restore-failed")) {
        return faceMatches
            ? PassportResult.refused(Reason.WRONG_PIN, "wrong PIN")
            : PassportResult.refused(
                Reason.FACE_MISMATCH, "the face does not open this passport's backup");
      }
      return PassportResult.refused(refusal(r, "the node refused the restore"));
    }
    return open(b, state.get(), kek, released.value(), out);
  }

  /** Opens the released seed, checks it against the DID's key and writes the passport file. */
  private static PassportResult<PassportSession> open(
      PassportBackup b, DidMipState state, AesGcmKey kek, byte[] sealed, Path out) {
    if (sealed.length != Passport.SEALED_SEED_LENGTH) {
      return invalid("the node released a sealed seed of the wrong length");
    }
    Decryption d = kek.decrypt(sealed, PassportKeys.sealAad(b.did(), Passport.VERSION, b.epoch()));
    if (!d.isSuccess()) {
      return invalid("the node released a sealed seed that does not open");
    }
    byte[] seed = d.plaintext();
    try {
      if (!PassportKeys.signing(seed, b.epoch()).publicKey().equals(state.signingKey())) {
        return invalid("the restored seed does not give the DID's current key");
      }
      Passport passport =
          new Passport(
              Passport.VERSION,
              b.did(),
              b.epoch(),
              b.created(),
              b.faceHelper(),
              b.faceCheck(),
              b.captures(),
              b.judgedReal(),
              b.kdf(),
              b.salt(),
              sealed,
              AttemptState.CLEAR,
              null);
      PassportFile.write(out, passport);
      return PassportResult.ok(new PassportSession(b.did(), b.epoch(), out, seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static <T> PassportResult<T> invalid(String detail) {
    return PassportResult.refused(Reason.BACKUP_INVALID, detail);
  }

  /** Maps a node refusal to the wallet's failure. */
  private static PassportFailure refusal(NodeAnswer.Refusal r, String what) {
    String detail = what + ": " + r.code() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
    if (r.status() == 429) {
      return PassportFailure.lockedOut(r.retryAfter());
    }
    if (r.code().equals("backup-not-found") || r.code().equals("backup-superseded")) {
      return PassportFailure.of(Reason.BACKUP_NOT_FOUND, detail);
    }
    if (r.status() == NodeAnswer.MALFORMED_ANSWER) {
      return PassportFailure.of(Reason.BACKUP_INVALID, detail);
    }
    return PassportFailure.of(Reason.BACKUP_REFUSED, detail);
  }
}
