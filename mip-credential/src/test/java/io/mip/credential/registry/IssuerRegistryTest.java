package io.mip.credential.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.ledger.Receipt;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.embedded.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerRegistryTest {
  static final String KYC = "urn:mip:kyc:v1";
  static final String ISSUER = "did:mip:z9Issuer";

  @TempDir Path dir;
  Ledger ledger;
  Ed25519PrivateKey governance;
  IssuerRegistry registry;

  @BeforeEach
  void open() throws IOException {
    AtomicReference<Ledger> ref = new AtomicReference<>();
    ledger =
        EmbeddedLedger.open(
            dir,
            List.of(
                new RegistryPolicy(() -> ref.get() == null ? null : ref.get().governanceKey())));
    ref.set(ledger);
    governance = KeyFiles.readKeyFile(dir.resolve("governance.key"));
    registry = new IssuerRegistry(ledger);
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  Receipt submit(Operation op) {
    Admission a = ledger.submit(op);
    assertThat(a.admitted()).as(String.valueOf(a.rejection())).isTrue();
    return a.receipt();
  }

  @Test
  void check_accreditedIssuer_isAccredited() {
    Receipt r = submit(RegistryOperations.accredit(ISSUER, Set.of(KYC), null, governance));

    AccreditationCheck c = registry.check(ISSUER, KYC, r.time().plusSeconds(5));

    assertThat(c.status()).isEqualTo(AccreditationCheck.Status.ACCREDITED);
    assertThat(registry.state().accredited()).containsEntry(ISSUER, Set.of(KYC));
  }

  @Test
  void check_neverAccreditedIssuer_isNotAccredited() {
    submit(RegistryOperations.accredit(ISSUER, Set.of(KYC), null, governance));

    assertThat(registry.check("did:mip:z9Other", KYC, Instant.now()).status())
        .isEqualTo(AccreditationCheck.Status.NOT_ACCREDITED);
  }

  @Test
  void check_otherCredentialType_isNotAccredited() {
    submit(RegistryOperations.accredit(ISSUER, Set.of(KYC), null, governance));

    assertThat(registry.check(ISSUER, "urn:mip:diploma:v1", Instant.now().plusSeconds(1)).status())
        .isEqualTo(AccreditationCheck.Status.NOT_ACCREDITED);
  }

  @Test
  void check_credentialIssuedBeforeAccreditation_isNotAccredited() {
    Receipt r = submit(RegistryOperations.accredit(ISSUER, Set.of(KYC), null, governance));

    assertThat(registry.check(ISSUER, KYC, r.time().minusSeconds(3600)).status())
        .isEqualTo(AccreditationCheck.Status.NOT_ACCREDITED);
  }

  @Test
  void check_withdrawnAfterIssuance_isWithdrawn() {
    Receipt r = submit(RegistryOperations.accredit(ISSUER, Set.of(KYC), null, governance));
    Instant issued = r.time();
    submit(RegistryOperations.withdraw(ISSUER, registry.head().orElseThrow(), governance));

    assertThat(registry.check(ISSUER, KYC, issued).status())
        .isEqualTo(AccreditationCheck.Status.WITHDRAWN);
    assertThat(registry.state().accredited()).doesNotContainKey(ISSUER);
  }

  @Test
  void submit_accreditationSignedByAnotherKey_isRefusedNotGovernance() {
    Admission a =
        ledger.submit(
            RegistryOperations.accredit(ISSUER, Set.of(KYC), null, Ed25519PrivateKey.generate()));

    assertThat(a.admitted()).isFalse();
    assertThat(a.rejection().code()).isEqualTo("not-governance");
  }

  @Test
  void submit_withdrawOfUnknownIssuer_isRefusedNotAccredited() {
    Admission a = ledger.submit(RegistryOperations.withdraw(ISSUER, null, governance));

    assertThat(a.rejection().code()).isEqualTo("not-accredited");
  }

  @Test
  void replay_dropsOperationsNotSignedByGovernance() {
    Operation forged =
        RegistryOperations.accredit(ISSUER, Set.of(KYC), null, Ed25519PrivateKey.generate());

    RegistryState s = RegistryState.replayOperations(List.of(forged), governance.publicKey());

    assertThat(s.current(ISSUER)).isEmpty();
  }
}
