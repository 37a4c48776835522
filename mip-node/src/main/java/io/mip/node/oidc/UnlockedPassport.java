package io.mip.node.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A passport unlocked with face and PIN, acting for the person during one sign-in: it presents KYC
 * claims and grants Smart Profile access, signing with the person's keys, which never leave it.
 * {@link #close()} forgets the keys; the provider closes it as soon as the sign-in ends.
 */
public interface UnlockedPassport extends AutoCloseable {
  /** Returns the person's DID. */
  String did();

  /**
   * Returns the claim names the person's KYC credential can disclose (empty if the person holds
   * none), such as {@code given_name} or {@code age_over_18}.
   */
  Set<String> kycClaims();

  /**
   * Presents the KYC credential disclosing exactly {@code claims}: an SD-JWT+KB (RFC 9901 section
   * 4.3) whose Key Binding JWT carries {@code nonce} and {@code audience}.
   *
   * @return the presentation, or empty if the person holds no credential that can disclose them
   */
  Optional<String> presentKyc(Set<String> claims, String nonce, String audience);

  /**
   * Grants the app read access to the Smart Profile categories until {@code until} (a {@code
   * consent.grant} signed by the person).
   *
   * @param app the app's DID
   * @param categories category patterns such as {@code health.*}
   * @return the grant id, or a refusal
   */
  GrantOutcome grantProfile(String app, List<String> categories, Instant until);

  /** Forgets the person's keys. */
  @Override
  void close();

  /**
   * The outcome of a profile grant.
   *
   * @param grantId the grant id, on success
   * @param detail why not, otherwise (empty on success)
   */
  record GrantOutcome(Optional<String> grantId, String detail) {
    /** A granted outcome. */
    public static GrantOutcome granted(String grantId) {
      return new GrantOutcome(Optional.of(grantId), "");
    }

    /** A refused outcome. */
    public static GrantOutcome refused(String detail) {
      return new GrantOutcome(Optional.empty(), detail);
    }
  }
}
