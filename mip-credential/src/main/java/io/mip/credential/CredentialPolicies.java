package io.mip.credential;

import io.mip.credential.registry.RegistryPolicy;
import io.mip.credential.status.IssuerKeyCheck;
import io.mip.credential.status.StatusListPolicy;
import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import io.mip.ledger.OperationPolicy;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ledger admission policies of the credential module: the trusted-issuer registry ({@code
 * issuer.*}, governance key only) and status lists ({@code status.*}, issuer's DID key only).
 *
 * <p>A ledger is opened with its policies before it exists, so both take suppliers that the
 * composition root fills once the ledger (and the DID resolver reading it) is open.
 */
public final class CredentialPolicies {
  private CredentialPolicies() {}

  /** Returns the registry and status list policies. */
  public static List<OperationPolicy> create(
      Supplier<Ledger> ledger, Supplier<DidResolver> resolver) {
    return List.of(
        new RegistryPolicy(
            () -> {
              Ledger l = ledger.get();
              return l == null ? null : l.governanceKey();
            }),
        new StatusListPolicy(
            (did, key, time) -> {
              DidResolver r = resolver.get();
              return r != null && IssuerKeyCheck.using(r).isIssuerKey(did, key, time);
            }));
  }
}
