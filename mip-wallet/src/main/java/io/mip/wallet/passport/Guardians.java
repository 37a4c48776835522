package io.mip.wallet.passport;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Decryption;
import io.mip.crypto.Hpke;
import io.mip.crypto.Shamir;
import io.mip.crypto.X25519PublicKey;
import io.mip.did.mip.DidMipState;
import io.mip.wallet.passport.PassportFailure.Reason;
import io.mip.wallet.recovery.GuardianSet;
import io.mip.wallet.recovery.GuardianTerms;
import io.mip.wallet.recovery.RecoveryApproval;
import io.mip.wallet.recovery.RecoveryRequest;
import io.mip.wallet.recovery.ShareEnvelope;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The guardian side of the passport: splitting the seed to guardians, and approving requests. */
final class Guardians {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PassportSettings settings;

  Guardians(PassportSettings settings) {
    this.settings = settings;
  }

  PassportResult<GuardianSet> set(
      PassportSession session, List<String> guardianDids, int threshold, DidRegistry registry) {
    GuardianTerms terms =
        new GuardianTerms(session.did(), guardianDids, threshold, newSetId(), session.epoch());
    byte[] seed = session.seed();
    try {
      PassportResult<GuardianSet> split = split(terms, seed, registry);
      if (split.isOk()) {
        Passport current = PassportFile.read(session.wallet());
        if (!current.did().equals(session.did())) {
          throw new IllegalStateException("the wallet file now holds another passport");
        }
        PassportFile.write(session.wallet(), current.withGuardians(split.value()));
      }
      return split;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Splits {@code seed} under {@code terms}, resolving each guardian's key agreement key. */
  PassportResult<GuardianSet> split(GuardianTerms terms, byte[] seed, DidRegistry registry) {
    List<X25519PublicKey> keys = new ArrayList<>();
    for (String g : terms.guardians()) {
      Optional<DidMipState> state = registry.state(g);
      if (state.isEmpty() || state.get().deactivated()) {
        return PassportResult.refused(
            Reason.DID_UNUSABLE, "guardian " + g + " is not an active DID on the ledger");
      }
      keys.add(state.get().agreementKey());
    }
    List<Shamir.Share> shares = Shamir.split(seed, terms.threshold(), terms.guardians().size());
    List<ShareEnvelope> envelopes = new ArrayList<>();
    for (int i = 0; i < shares.size(); i++) {
      byte[] plain = shares.get(i).toBytes();
      Hpke.Sealed sealed = Hpke.seal(keys.get(i), ShareEnvelope.info(terms, i + 1), null, plain);
      Arrays.fill(plain, (byte) 0);
      envelopes.add(new ShareEnvelope(terms, i + 1, sealed));
    }
    return PassportResult.ok(new GuardianSet(terms, envelopes));
  }

  /** Returns a fresh random set id: 16 bytes, base64url. */
  static String newSetId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64Url.encode(b);
  }

  PassportResult<RecoveryApproval> approve(
      PassportSession guardian, ShareEnvelope share, RecoveryRequest request) {
    if (!share.guardianDid().equals(guardian.did())) {
      return PassportResult.refused(
          Reason.INVALID_SHARE, "this share is for " + share.guardianDid() + ", not for you");
    }
    if (!request.ownerDid().equals(share.terms().ownerDid())) {
      return PassportResult.refused(
          Reason.WRONG_REQUEST,
          "the request is for "
              + request.ownerDid()
              + " but the share is of "
              + share.terms().ownerDid());
    }
    if (!settings.clock().instant().isBefore(request.expires())) {
      return PassportResult.refused(Reason.REQUEST_EXPIRED, "the recovery request has expired");
    }
    Decryption d = guardian.open(share.sealed(), share.info(), null);
    if (!d.isSuccess()) {
      return PassportResult.refused(
          Reason.INVALID_SHARE,
          "the share does not open with your current key agreement key (if your own passport was"
              + " recovered since, ask the owner to split again)");
    }
    byte[] plain = d.plaintext();
    try {
      Shamir.Share s = Shamir.Share.fromBytes(plain);
      if (s.x() != share.index() || plain.length != ShareEnvelope.SHARE_LENGTH) {
        return PassportResult.refused(Reason.INVALID_SHARE, "the share's index does not match");
      }
      Hpke.Sealed resealed =
          Hpke.seal(
              request.key(),
              RecoveryApproval.info(request, share.terms(), share.index()),
              null,
              plain);
      return PassportResult.ok(
          RecoveryApproval.sign(
              request, share.terms(), share.index(), resealed, guardian.signer()));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }
}
