package io.mip.sdk.credential;

import io.mip.credential.kyc.KycResult;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.status.StatusListIssuer;
import io.mip.credential.testing.TestKycIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * The credential module's {@link Testbed} with an accredited {@link TestKycIssuer} and a holder,
 * plus what the SDK adds: presentations and an in-process {@link CredentialVerifier}.
 */
final class KycFixture implements AutoCloseable {
  final Testbed bed;
  final Ledger ledger;
  final DidResolver resolver;
  final Testbed.Party issuer;
  final Testbed.Party holder;
  final StatusListIssuer statusList;
  private final TestKycIssuer kyc;

  KycFixture(Path dir) {
    bed = Testbed.open(dir.resolve("ledger"));
    ledger = bed.ledger();
    resolver = bed.resolver();
    kyc = TestKycIssuer.create(bed, "kyc-1", dir.resolve("alloc"), "http://127.0.0.1:8080");
    issuer = kyc.party();
    holder = bed.createDid();
    kyc.accredit();
    statusList = kyc.statusList();
  }

  Testbed.Party createDid() {
    return bed.createDid();
  }

  void withdraw(String did) {
    bed.withdraw(did);
  }

  /** Runs KYC for the holder and returns the result. */
  KycResult issueKyc() {
    return kyc.issue(holder.kid(), holder.key().signer());
  }

  String present(SdJwt credential, Set<String> claims, String nonce, String aud) {
    return SdJwt.present(credential, claims, holder.key().signer(), nonce, aud, Instant.now())
        .serialize();
  }

  CredentialVerifier verifier(CredentialVerifier.Settings settings) {
    return new CredentialVerifier(
        InProcessSources.issuerKeys(resolver),
        InProcessSources.accreditations(ledger),
        InProcessSources.statusLists(ledger, resolver),
        settings);
  }

  @Override
  public void close() {
    bed.close();
  }
}
