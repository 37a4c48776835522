package io.mip.node.oidc.internal;

import io.mip.node.oidc.PassportGate;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the sign-in steps share.
 *
 * @param issuer this provider's issuer identifier (known once the node listens)
 * @param transactions sign-ins in progress
 * @param passports the passports on this node
 * @param kyc KYC claim release
 * @param approvals remembered approvals
 * @param codes authorization codes
 * @param keys provider keys (pairwise subjects)
 * @param clock the clock
 */
public record LoginContext(
    Supplier<URI> issuer,
    LoginTransactions transactions,
    PassportGate passports,
    KycRelease kyc,
    ApprovalStore approvals,
    CodeStore codes,
    ProviderKeys keys,
    Clock clock) {
  /** Checks nulls. */
  public LoginContext {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(passports, "passports");
    Objects.requireNonNull(kyc, "kyc");
    Objects.requireNonNull(approvals, "approvals");
    Objects.requireNonNull(codes, "codes");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(clock, "clock");
  }

  /** Returns the issuer as a string. */
  String iss() {
    return issuer.get().toString();
  }
}
