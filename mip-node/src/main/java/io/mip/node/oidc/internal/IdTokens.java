package io.mip.node.oidc.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Mints ID tokens (OpenID Connect Core 1.0 section 2): {@code iss}, pairwise {@code sub}, {@code
 * aud} (the client alone), {@code exp}, {@code iat}, {@code auth_time}, {@code nonce}, {@code amr}
 * {@code ["face","pin","mfa"]} (RFC 8176), the released KYC claims and {@code mip_kyc_issuer}.
 * Signed with the algorithm the sign-in asked for (ES256 by default).
 */
public final class IdTokens {
  private final ProviderKeys keys;
  private final Clock clock;
  private final Duration lifetime;

  /** Creates the minter. */
  public IdTokens(ProviderKeys keys, Clock clock, Duration lifetime) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  /** Mints the ID token for a redeemed code. */
  public String mint(String issuer, CodeGrant g) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder b =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(g.subject())
            .audience(g.clientId())
            .expirationTime(Date.from(now.plus(lifetime)))
            .issueTime(Date.from(now))
            .claim("auth_time", g.authTime().getEpochSecond())
            .claim("nonce", g.nonce())
            .claim("amr", List.of("face", "pin", "mfa"));
    Claims.each(g.claims(), g.kycIssuer(), b::claim);
    return keys.sign(g.idTokenAlg(), b.build());
  }
}
