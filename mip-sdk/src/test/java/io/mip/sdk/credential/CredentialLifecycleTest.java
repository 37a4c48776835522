package io.mip.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.credential.kyc.KycResult;
import io.mip.sdk.credential.VerificationResult.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status and accreditation changes after issuance, each with its own reason. */
class CredentialLifecycleTest {
  static final String AUD = "https://school.example";
  @TempDir Path dir;
  KycFixture fx;
  KycResult issued;
  CredentialVerifier verifier;

  @BeforeEach
  void setUp() {
    fx = new KycFixture(dir);
    issued = fx.issueKyc();
    verifier = fx.verifier(CredentialVerifier.Settings.defaults().withCacheTtl(Duration.ZERO));
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  VerificationResult verify() {
    return verifier.verify(
        fx.present(issued.credential(), Set.of("age_over_21"), "n", AUD), "n", AUD);
  }

  @Test
  void verify_revoked_failsRevoked() {
    assertThat(verify().detail()).isEqualTo("ok");
    fx.statusList.revoke(issued.statusIndex());

    assertThat(verify().failure()).contains(Reason.REVOKED);
  }

  @Test
  void verify_suspendedThenUnsuspended_failsSuspendedThenPasses() {
    fx.statusList.suspend(issued.statusIndex());
    assertThat(verify().failure()).contains(Reason.SUSPENDED);

    fx.statusList.unsuspend(issued.statusIndex());
    assertThat(verify().isValid()).isTrue();
  }

  @Test
  void verify_issuerWithdrawn_failsIssuerWithdrawn() {
    fx.withdraw(fx.issuer.did());

    assertThat(verify().failure()).contains(Reason.ISSUER_WITHDRAWN);
  }

  @Test
  void verify_statusListMissing_failsStatusUnavailable() {
    CredentialVerifier noLists =
        new CredentialVerifier(
            InProcessSources.issuerKeys(fx.resolver),
            InProcessSources.accreditations(fx.ledger),
            id -> java.util.Optional.empty(),
            CredentialVerifier.Settings.defaults());

    assertThat(
            noLists.verify(fx.present(issued.credential(), Set.of(), "n", AUD), "n", AUD).failure())
        .contains(Reason.STATUS_UNAVAILABLE);
  }
}
