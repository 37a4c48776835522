package io.mip.sdk.login;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A completed "Sign in with MIP": who signed in (a pairwise subject: the same person gets the same
 * {@code subject} from the same node every time, and a different one in every other app) and the
 * claims the person approved.
 *
 * @param subject the pairwise {@code sub}
 * @param claims the released claims (KYC claims such as {@code given_name} or {@code age_over_18})
 *     as String, Boolean or Number values; empty when none were asked for or approved
 * @param kycIssuer the DID of the KYC provider whose credential vouches for the claims
 * @param authTime when the person unlocked their passport
 * @param idToken the validated ID token (compact JWS)
 * @param accessToken the access token for the userinfo endpoint
 */
public record MipLogin(
    String subject,
    Map<String, Object> claims,
    Optional<String> kycIssuer,
    Instant authTime,
    String idToken,
    String accessToken) {
  /** Checks nulls and copies. */
  public MipLogin {
    Objects.requireNonNull(subject, "subject");
    claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    Objects.requireNonNull(kycIssuer, "kycIssuer");
    Objects.requireNonNull(authTime, "authTime");
    Objects.requireNonNull(idToken, "idToken");
    Objects.requireNonNull(accessToken, "accessToken");
  }

  @Override
  public String toString() {
    return "MipLogin[sub=" + subject + ", claims=" + claims.keySet() + "]";
  }
}
