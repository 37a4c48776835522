package io.mip.wallet.passport;

import static io.mip.face.TestModels.photos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.did.VerificationRelationship;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipResolver;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.Admission;
import io.mip.wallet.internal.JsonFields;
import io.mip.wallet.recovery.GuardianSet;
import io.mip.wallet.recovery.RecoveryApproval;
import io.mip.wallet.recovery.RecoveryKey;
import io.mip.wallet.recovery.ShareEnvelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guardians 2-of-3 recovery end to end on a real embedded ledger. */
class RecoveryEndToEndTest {
  @TempDir Path dir;

  @Test
  void recover_twoOfThreeApprovals_newFaceAndPinUnlockAndOldKeyIsRefused() {
    try (Household h = new Household(dir)) {
      String did = h.owner.did();
      var oldKey = h.owner.signingPrivateKey();
      assertThat(PassportFile.read(h.owner.wallet()).guardianSet()).isPresent();
      // The envelopes travel as files; so do the request and the approvals.
      List<ShareEnvelope> delivered =
          h.set.shares().stream().map(s -> ShareEnvelope.fromJson(roundTrip(s.toJson()))).toList();
      RecoveryKey key = RecoveryKey.create(did, h.clock, Duration.ofDays(7));
      RecoveryKey kept = RecoveryKey.fromSecretJson(roundTrip(key.toSecretJson()));
      var request = key.request();

      PassportSession g1 =
          h.service
              .unlock(
                  h.guardians.get(0).wallet(),
                  photos("deepface/img42.jpg", "deepface/img43.jpg"),
                  Household.GUARDIAN_PIN)
              .value();
      RecoveryApproval a1 = h.service.approve(g1, delivered.get(0), request).value();
      RecoveryApproval a3 =
          h.service.approve(h.guardians.get(2), delivered.get(2), request).value();
      List<RecoveryApproval> approvals =
          List.of(
              RecoveryApproval.fromJson(roundTrip(a1.toJson())),
              RecoveryApproval.fromJson(roundTrip(a3.toJson())));

      Path newWallet = dir.resolve("recovered.passport");
      var recovered =
          h.service.recover(
              kept,
              approvals,
              photos("deepface/img7.jpg", "deepface/img10.jpg", "deepface/img11.jpg"),
              "271828".toCharArray(),
              h.registry,
              newWallet,
              true);

      assertThat(recovered.failure()).isEmpty();
      PassportSession fresh = recovered.value().session();
      assertThat(fresh.did()).isEqualTo(did);
      assertThat(fresh.epoch()).isEqualTo(1);
      DidMipState state = h.registry.state(did).orElseThrow();
      assertThat(state.signingKey()).isEqualTo(fresh.signingKey());
      assertThat(state.agreementKey()).isEqualTo(fresh.agreementKey());
      assertThat(state.signingKey()).isNotEqualTo(oldKey.publicKey());
      Admission replay =
          h.registry.submit(DidMipOperations.update(did, state.head(), oldKey, state.state()));
      assertThat(replay.status()).isEqualTo(Admission.Status.REJECTED);

      GuardianSet reshared = recovered.value().guardianSet().orElseThrow();
      assertThat(reshared.terms().epoch()).isEqualTo(1);
      assertThat(reshared.terms().setId()).isNotEqualTo(h.set.terms().setId());
      assertThat(reshared.terms().guardians()).isEqualTo(h.set.terms().guardians());
      assertThat(PassportFile.read(newWallet).guardianSet()).isPresent();

      var unlocked =
          h.service.unlock(
              newWallet, photos("deepface/img5.jpg", "deepface/img6.jpg"), "271828".toCharArray());
      assertThat(unlocked.failure()).isEmpty();
      byte[] challenge = "after recovery".getBytes(StandardCharsets.UTF_8);
      var doc = new DidMipResolver(h.ledger).resolve(did).didDocument().orElseThrow();
      var vm = doc.methodsFor(VerificationRelationship.AUTHENTICATION).get(0);
      assertThat(
              vm.ed25519Key()
                  .orElseThrow()
                  .verifier()
                  .verify(challenge, unlocked.value().sign(challenge)))
          .isTrue();
      assertThat(
              vm.ed25519Key().orElseThrow().verifier().verify(challenge, h.owner.sign(challenge)))
          .isFalse();
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode roundTrip(
      com.fasterxml.jackson.databind.JsonNode node) {
    return JsonFields.parseObject(JsonFields.write(node), "file");
  }
}
