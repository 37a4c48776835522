package io.mip.credential.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.credential.kyc.FaceCheck.FaceVerdict;
import io.mip.credential.kyc.FaceCheck.FaceVerdict.Outcome;
import io.mip.credential.sdjwt.Ed25519JwsVerifier;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.sdjwt.SdJwtResult;
import io.mip.credential.sdjwt.SdJwtVerifier;
import io.mip.credential.sdjwt.SdJwtVerifierOptions;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.credential.testing.TestKycIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.crypto.Ed25519PrivateKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KycIssuerTest {
  static final String MRZ = TestKycIssuer.SAMPLE_MRZ;

  @TempDir Path dir;
  Testbed bed;
  TestKycIssuer desk;
  Testbed.Party issuer;
  Testbed.Party holder;
  KycIssuer kyc;

  @BeforeEach
  void open() {
    bed = Testbed.open(dir.resolve("ledger"));
    desk = TestKycIssuer.create(bed, "kyc-1", dir.resolve("alloc"), "http://127.0.0.1:8080");
    desk.answer(new FaceVerdict(Outcome.MATCH, 0.8, "match"));
    issuer = desk.party();
    holder = bed.createDid();
    kyc = desk.kyc();
  }

  @AfterEach
  void close() {
    bed.close();
  }

  KycRequest request(String mrz, byte[] selfie) {
    return desk.request(holder.kid(), holder.key().signer(), mrz, new byte[] {1, 2, 3}, selfie);
  }

  @Test
  void issue_allChecksPass_issuesAVerifiableKycCredentialBoundToTheHolder() {
    KycResult r = kyc.issue(request(MRZ, new byte[] {9, 9}));

    assertThat(r.detail()).isEqualTo("ok");
    SdJwt presentation =
        SdJwt.present(
            r.credential(),
            Set.of("given_name", "age_over_18", "nationality"),
            holder.key().signer(),
            "n",
            "aud",
            Instant.now());
    SdJwtVerifier v =
        new SdJwtVerifier((h, p) -> Optional.of(new Ed25519JwsVerifier(issuer.key().publicKey())));
    SdJwtResult result =
        v.verify(
            presentation.serialize(), SdJwtVerifierOptions.defaults().withKeyBinding("n", "aud"));
    assertThat(result.detail()).isEqualTo("ok");
    ObjectNode claims = result.verified().claims();
    assertThat(claims.get("vct").asText()).isEqualTo(KycCredential.VCT);
    assertThat(claims.get("iss").asText()).isEqualTo(issuer.did());
    assertThat(claims.get("given_name").asText()).isEqualTo("ANNA MARIA");
    assertThat(claims.get("age_over_18").asBoolean()).isTrue();
    assertThat(claims.get("nationality").asText()).isEqualTo("UTO");
    assertThat(claims.has("document_number")).isFalse();
    assertThat(claims.at("/status/status_list/idx").asInt()).isEqualTo(r.statusIndex());
    assertThat(claims.at("/status/status_list/uri").asText())
        .isEqualTo("http://127.0.0.1:8080/status-lists/" + issuer.did() + "/kyc-1");
    assertThat(r.credential().disclosableClaims())
        .containsExactlyInAnyOrderElementsOf(KycCredential.CLAIMS);
  }

  @Test
  void issue_afterChecks_overwritesTheImages() {
    byte[] selfie = {9, 9, 9};
    KycRequest req = request(MRZ, selfie);

    kyc.issue(req);

    assertThat(selfie).containsOnly(0);
    assertThat(req.documentPhoto()).containsOnly(0);
  }

  @Test
  void issue_proofSignedByAnotherKey_failsBadProof() {
    Challenge c = kyc.challenge();
    String proof =
        HolderProof.sign(c, holder.kid(), Ed25519PrivateKey.generate().signer(), Instant.now());

    KycResult r = kyc.issue(new KycRequest(proof, MRZ, new byte[1], new byte[1]));

    assertThat(r.failure()).contains(KycResult.Reason.BAD_PROOF);
  }

  @Test
  void issue_nonceUsedTwice_failsChallengeExpired() {
    Challenge c = kyc.challenge();
    String proof = HolderProof.sign(c, holder.kid(), holder.key().signer(), Instant.now());
    kyc.issue(new KycRequest(proof, MRZ, new byte[1], new byte[1]));

    KycResult again = kyc.issue(new KycRequest(proof, MRZ, new byte[1], new byte[1]));

    assertThat(again.failure()).contains(KycResult.Reason.CHALLENGE_EXPIRED);
  }

  @Test
  void issue_challengeOlderThanItsLifetime_failsChallengeExpired() {
    KycIssuer late =
        new KycIssuer(
            issuer.kid(),
            issuer.key(),
            bed.resolver(),
            (s, d) -> TestKycIssuer.MATCH,
            new StatusListIssuer(
                bed.ledger(),
                new StatusListId(issuer.did(), "kyc-2"),
                issuer.key(),
                1024,
                2,
                dir.resolve("alloc2")),
            new KycIssuer.Settings(
                Duration.ofDays(1), Duration.ofSeconds(-1), "http://x", Duration.ofSeconds(60)),
            Clock.fixed(Instant.now(), ZoneOffset.UTC));
    Challenge c = late.challenge();
    String proof = HolderProof.sign(c, holder.kid(), holder.key().signer(), Instant.now());

    KycResult r = late.issue(new KycRequest(proof, MRZ, new byte[1], new byte[1]));

    assertThat(r.failure()).contains(KycResult.Reason.CHALLENGE_EXPIRED);
  }

  @Test
  void issue_mrzWithBadCheckDigit_failsBadMrz() {
    String bad =
        MRZ.substring(0, MRZ.length() - 1) + ((MRZ.charAt(MRZ.length() - 1) - '0' + 1) % 10);

    KycResult r = kyc.issue(request(bad, new byte[1]));

    assertThat(r.failure()).contains(KycResult.Reason.BAD_MRZ);
    assertThat(r.detail()).contains("BAD_CHECK_DIGIT");
  }

  @Test
  void issue_faceOutcomes_mapToTheirOwnReasons() {
    desk.answer(new FaceVerdict(Outcome.FACE_MISMATCH, 0.1, "different people"));
    assertThat(kyc.issue(request(MRZ, new byte[1])).failure())
        .contains(KycResult.Reason.FACE_MISMATCH);
    desk.answer(new FaceVerdict(Outcome.LIVENESS_FAILED, Double.NaN, "spoof"));
    assertThat(kyc.issue(request(MRZ, new byte[1])).failure())
        .contains(KycResult.Reason.LIVENESS_FAILED);
    desk.answer(new FaceVerdict(Outcome.NO_FACE, Double.NaN, "none"));
    assertThat(kyc.issue(request(MRZ, new byte[1])).failure()).contains(KycResult.Reason.NO_FACE);
  }
}
