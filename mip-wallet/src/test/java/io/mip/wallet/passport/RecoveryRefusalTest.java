package io.mip.wallet.passport;

import static io.mip.face.TestModels.photos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.Base64Url;
import io.mip.crypto.SecretKeyAccess;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.wallet.passport.PassportFailure.Reason;
import io.mip.wallet.recovery.RecoveryApproval;
import io.mip.wallet.recovery.RecoveryKey;
import io.mip.wallet.recovery.RecoveryRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a guardian approval or a recovery is refused; the DID is never changed here. */
class RecoveryRefusalTest {
  @TempDir static Path dir;
  static Household h;
  static RecoveryKey key;
  static RecoveryApproval a1;
  static RecoveryApproval a2;

  @BeforeAll
  static void household() {
    h = new Household(dir);
    key = RecoveryKey.create(h.owner.did(), h.clock, Duration.ofDays(7));
    a1 = h.service.approve(h.guardians.get(0), h.set.shares().get(0), key.request()).value();
    a2 = h.service.approve(h.guardians.get(1), h.set.shares().get(1), key.request()).value();
  }

  @AfterAll
  static void close() {
    h.close();
  }

  PassportResult<Recovered> recover(RecoveryKey k, List<RecoveryApproval> approvals) {
    return h.service.recover(
        k,
        approvals,
        photos("deepface/img7.jpg", "deepface/img10.jpg", "deepface/img11.jpg"),
        "271828".toCharArray(),
        h.registry,
        dir.resolve("never.passport"),
        false);
  }

  @Test
  void recover_oneApprovalOfTwoNeeded_tooFewApprovals() {
    var r = recover(key, List.of(a1));

    assertThat(r.reason()).contains(Reason.TOO_FEW_APPROVALS);
    assertThat(dir.resolve("never.passport")).doesNotExist();
  }

  @Test
  void recover_sameGuardianTwice_duplicateGuardian() {
    RecoveryApproval again =
        h.service.approve(h.guardians.get(0), h.set.shares().get(0), key.request()).value();

    assertThat(recover(key, List.of(a1, again)).reason()).contains(Reason.DUPLICATE_GUARDIAN);
  }

  @Test
  void recover_approvalForAnotherRequest_wrongRequest() {
    RecoveryKey other = RecoveryKey.create(h.owner.did(), h.clock, Duration.ofDays(7));
    RecoveryApproval forOther =
        h.service.approve(h.guardians.get(1), h.set.shares().get(1), other.request()).value();

    assertThat(recover(key, List.of(a1, forOther)).reason()).contains(Reason.WRONG_REQUEST);
  }

  @Test
  void recover_approvalWithBrokenSignature_invalidApproval() {
    byte[] sig = a2.signature();
    sig[5] ^= 1;
    var forged = new RecoveryApproval(a2.requestId(), a2.terms(), a2.index(), a2.sealed(), sig);

    assertThat(recover(key, List.of(a1, forged)).reason()).contains(Reason.INVALID_APPROVAL);
  }

  @Test
  void recover_someoneElsesKeyForTheSameRequestId_invalidApproval() {
    RecoveryRequest r = key.request();
    X25519PrivateKey other = X25519PrivateKey.generate();
    RecoveryKey thief =
        RecoveryKey.fromSecretJson(
            key.toSecretJson()
                .put("key", other.publicKey().toMultibase())
                .put(
                    "secret",
                    Base64Url.encode(other.exportSecret(SecretKeyAccess.insecureSecretAccess()))));
    assertThat(thief.request().requestId()).isEqualTo(r.requestId());

    assertThat(recover(thief, List.of(a1, a2)).reason()).contains(Reason.INVALID_APPROVAL);
  }

  @Test
  void approve_shareOfAnotherGuardian_invalidShare() {
    var r = h.service.approve(h.guardians.get(0), h.set.shares().get(1), key.request());

    assertThat(r.reason()).contains(Reason.INVALID_SHARE);
  }

  @Test
  void approve_requestForAnotherOwner_wrongRequest() {
    RecoveryKey other = RecoveryKey.create(h.guardians.get(2).did(), h.clock, Duration.ofDays(7));

    var r = h.service.approve(h.guardians.get(0), h.set.shares().get(0), other.request());

    assertThat(r.reason()).contains(Reason.WRONG_REQUEST);
  }

  @Test
  void approve_expiredRequest_requestExpired() {
    RecoveryKey old = RecoveryKey.create(h.owner.did(), h.clock, Duration.ofMinutes(5));
    h.clock.advance(Duration.ofMinutes(6));

    var r = h.service.approve(h.guardians.get(0), h.set.shares().get(0), old.request());

    assertThat(r.reason()).contains(Reason.REQUEST_EXPIRED);
  }

  @Test
  void setGuardians_unknownDid_didUnusable() {
    String ghost =
        DidMipOperations.didOf(
            DidMipOperations.create(
                io.mip.crypto.Ed25519PrivateKey.generate(),
                X25519PrivateKey.generate().publicKey(),
                List.of()));

    var r =
        h.service.setGuardians(h.owner, List.of(h.guardians.get(0).did(), ghost), 2, h.registry);

    assertThat(r.reason()).contains(Reason.DID_UNUSABLE);
  }

  @Test
  void setGuardians_ownerAmongThem_refused() {
    assertThatThrownBy(
            () ->
                h.service.setGuardians(
                    h.owner, List.of(h.owner.did(), h.guardians.get(0).did()), 2, h.registry))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setGuardians_thresholdAboveCount_refused() {
    assertThatThrownBy(
            () ->
                h.service.setGuardians(
                    h.owner,
                    List.of(h.guardians.get(0).did(), h.guardians.get(1).did()),
                    3,
                    h.registry))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
