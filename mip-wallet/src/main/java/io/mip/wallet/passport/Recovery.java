package io.mip.wallet.passport;

import io.mip.crypto.Decryption;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Shamir;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.Admission;
import io.mip.ledger.Operation;
import io.mip.wallet.internal.SecureFiles;
import io.mip.wallet.passport.PassportFailure.Reason;
import io.mip.wallet.passport.internal.PassportKeys;
import io.mip.wallet.recovery.GuardianSet;
import io.mip.wallet.recovery.GuardianTerms;
import io.mip.wallet.recovery.RecoveryApproval;
import io.mip.wallet.recovery.RecoveryKey;
import io.mip.wallet.recovery.RecoveryRequest;
import io.mip.wallet.recovery.ShareEnvelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Recovery with guardian approvals (docs/passport.md, "Recovery"). */
final class Recovery {
  private static final int MAX_APPROVALS = 2 * GuardianTerms.MAX_GUARDIANS;

  private final PassportSettings settings;
  private final FaceAndPin faceAndPin;
  private final Guardians guardians;

  Recovery(PassportSettings settings, FaceAndPin faceAndPin, Guardians guardians) {
    this.settings = settings;
    this.faceAndPin = faceAndPin;
    this.guardians = guardians;
  }

  PassportResult<Recovered> recover(
      RecoveryKey key,
      List<RecoveryApproval> approvals,
      List<byte[]> faceImages,
      char[] pin,
      DidRegistry registry,
      Path wallet,
      boolean reshare) {
    if (approvals.isEmpty() || approvals.size() > MAX_APPROVALS) {
      throw new IllegalArgumentException("give 1 to " + MAX_APPROVALS + " approvals");
    }
    PassportService.requireImages(faceImages, PassportService.MIN_ENROL_IMAGES);
    RecoveryRequest request = key.request();
    PassportResult<GuardianTerms> checked = checkApprovals(request, approvals);
    if (!checked.isOk()) {
      return checked.cast();
    }
    GuardianTerms terms = checked.value();
    Optional<DidMipState> owner = registry.state(request.ownerDid());
    if (owner.isEmpty() || owner.get().deactivated()) {
      return PassportResult.refused(
          Reason.DID_UNUSABLE, request.ownerDid() + " is not an active DID on the ledger");
    }
    PassportResult<byte[]> oldSeed = combine(key, request, approvals, terms, registry);
    if (!oldSeed.isOk()) {
      return oldSeed.cast();
    }
    byte[] seed = oldSeed.value();
    byte[] fresh = PassportKeys.newSeed();
    try {
      Ed25519PrivateKey oldKey = PassportKeys.signing(seed, terms.epoch());
      if (!oldKey.publicKey().equals(owner.get().signingKey())) {
        return PassportResult.refused(
            Reason.SEED_MISMATCH,
            "the approvals do not restore the DID's current key (an older guardian set, or a"
                + " damaged share)");
      }
      PassportResult<FaceEnrolment> face = faceAndPin.enrol(faceImages, pin);
      if (!face.isOk()) {
        return face.cast();
      }
      int epoch = terms.epoch() + 1;
      GuardianSet newSet = null;
      if (reshare) {
        GuardianTerms next =
            new GuardianTerms(
                terms.ownerDid(),
                terms.guardians(),
                terms.threshold(),
                Guardians.newSetId(),
                epoch);
        PassportResult<GuardianSet> split = guardians.split(next, fresh, registry);
        if (!split.isOk()) {
          return split.cast();
        }
        newSet = split.value();
      }
      Operation rotate =
          DidMipOperations.rotate(
              owner.get(),
              oldKey,
              PassportKeys.signing(fresh, epoch).publicKey(),
              PassportKeys.agreement(fresh, epoch).publicKey());
      Passport passport =
          face.value().seal(request.ownerDid(), epoch, fresh, newSet, settings.clock().instant());
      Optional<PassportFailure> refused = writeThenSubmit(wallet, passport, rotate, registry);
      if (refused.isPresent()) {
        return PassportResult.refused(refused.get());
      }
      var session = new PassportSession(request.ownerDid(), epoch, wallet, fresh);
      return PassportResult.ok(
          new Recovered(new Enrolled(session, face.value().liveness()), newSet));
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(fresh, (byte) 0);
    }
  }

  /** Checks the approvals' request, terms, duplicates and count; returns the common terms. */
  private static PassportResult<GuardianTerms> checkApprovals(
      RecoveryRequest request, List<RecoveryApproval> approvals) {
    for (RecoveryApproval a : approvals) {
      if (!a.requestId().equals(request.requestId())
          || !a.terms().ownerDid().equals(request.ownerDid())) {
        return PassportResult.refused(
            Reason.WRONG_REQUEST,
            "the approval from " + a.guardianDid() + " answers another recovery request");
      }
    }
    GuardianTerms terms = approvals.get(0).terms();
    Set<Integer> indexes = new HashSet<>();
    for (RecoveryApproval a : approvals) {
      if (!a.terms().equals(terms)) {
        return PassportResult.refused(
            Reason.INVALID_APPROVAL, "the approvals come from different guardian sets");
      }
      if (!indexes.add(a.index())) {
        return PassportResult.refused(
            Reason.DUPLICATE_GUARDIAN, "two approvals from " + a.guardianDid());
      }
    }
    if (indexes.size() < terms.threshold()) {
      return PassportResult.refused(
          Reason.TOO_FEW_APPROVALS,
          indexes.size()
              + " approval(s); "
              + terms.threshold()
              + " of "
              + terms.guardians().size()
              + " guardians must approve");
    }
    return PassportResult.ok(terms);
  }

  /** Verifies and opens each approval and combines the shares into the old seed. */
  private static PassportResult<byte[]> combine(
      RecoveryKey key,
      RecoveryRequest request,
      List<RecoveryApproval> approvals,
      GuardianTerms terms,
      DidRegistry registry) {
    List<Shamir.Share> shares = new ArrayList<>();
    for (RecoveryApproval a : approvals) {
      Optional<DidMipState> g = registry.state(a.guardianDid());
      if (g.isEmpty() || !g.get().signingKey().verifier().verify(a.signedBytes(), a.signature())) {
        return PassportResult.refused(
            Reason.INVALID_APPROVAL,
            "the approval from " + a.guardianDid() + " is not signed by that DID's current key");
      }
      Decryption d = key.open(a.sealed(), RecoveryApproval.info(request, terms, a.index()));
      if (!d.isSuccess() || d.plaintext().length != ShareEnvelope.SHARE_LENGTH) {
        return PassportResult.refused(
            Reason.INVALID_APPROVAL, "the approval from " + a.guardianDid() + " does not open");
      }
      byte[] plain = d.plaintext();
      Shamir.Share s = Shamir.Share.fromBytes(plain);
      Arrays.fill(plain, (byte) 0);
      if (s.x() != a.index()) {
        return PassportResult.refused(
            Reason.INVALID_APPROVAL, "the approval from " + a.guardianDid() + " has another index");
      }
      shares.add(s);
    }
    return PassportResult.ok(Shamir.combine(shares));
  }

  /**
   * Writes the new passport file, then submits the rotation; if the ledger refuses, puts the old
   * file back (or removes the new one).
   */
  private static Optional<PassportFailure> writeThenSubmit(
      Path wallet, Passport passport, Operation rotate, DidRegistry registry) {
    byte[] previous =
        Files.exists(wallet) ? SecureFiles.read(wallet, PassportFile.MAX_BYTES) : null;
    PassportFile.write(wallet, passport);
    Admission admission = registry.submit(rotate);
    if (admission.admitted()) {
      return Optional.empty();
    }
    if (previous != null) {
      SecureFiles.writeAtomically(wallet, previous);
    } else {
      deleteQuietly(wallet);
    }
    return Optional.of(
        PassportFailure.of(
            Reason.LEDGER_REJECTED,
            "the ledger refused the key rotation: " + admission.rejection().code()));
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a passport file whose DID was refused unlocks nothing on the ledger
    }
  }
}
