package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opaque bearer access tokens for the userinfo endpoint (RFC 6750), in memory under their SHA-256.
 * Each carries the pairwise subject and the claims released at sign-in, expires after its lifetime,
 * and can be revoked (when the code it came from is reused).
 */
public final class AccessTokens {
  /** Most live tokens; beyond that issuing fails closed. */
  public static final int CAPACITY = 500_000;

  /**
   * What a token grants.
   *
   * @param clientId the client it was issued to
   * @param subject the pairwise subject
   * @param claims released claims
   * @param kycIssuer the issuer that verified them
   * @param expiresAt when it stops working
   */
  public record TokenGrant(
      String clientId,
      String subject,
      Map<String, JsonNode> claims,
      Optional<String> kycIssuer,
      Instant expiresAt) {}

  private final Map<String, TokenGrant> live = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration lifetime;
  private final AtomicLong ops = new AtomicLong();

  /** Creates a store whose tokens live {@code lifetime}. */
  public AccessTokens(Clock clock, Duration lifetime) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  /** Returns the token lifetime. */
  public Duration lifetime() {
    return lifetime;
  }

  /** Issues a token for the grant's subject and claims; returns the token, or empty when full. */
  public Optional<String> issue(CodeGrant g) {
    purgeSometimes();
    if (live.size() >= CAPACITY) {
      return Optional.empty();
    }
    String token = Randoms.token();
    live.put(
        Randoms.hash(token),
        new TokenGrant(
            g.clientId(), g.subject(), g.claims(), g.kycIssuer(), clock.instant().plus(lifetime)));
    return Optional.of(token);
  }

  /** Returns what {@code token} grants, if it is live. */
  public Optional<TokenGrant> find(String token) {
    if (token == null || token.length() > 128) {
      return Optional.empty();
    }
    TokenGrant g = live.get(Randoms.hash(token));
    if (g == null || !clock.instant().isBefore(g.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(g);
  }

  /** Revokes tokens by their hashes. */
  public void revoke(Collection<String> tokenHashes) {
    tokenHashes.forEach(live::remove);
  }

  private void purgeSometimes() {
    if ((ops.incrementAndGet() & 0x3ff) == 0) {
      Instant now = clock.instant();
      live.values().removeIf(g -> !now.isBefore(g.expiresAt()));
    }
  }
}
