package io.mip.profile.auth;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.profile.auth.AuthOutcome.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Authenticates requests to a node: {@code Authorization: MIP <token>} where the token is a {@link
 * RequestToken} signed by the caller's DID key. Used for apps and persons alike.
 *
 * <p>Accepts a request only if, in this order: the token is well formed (EdDSA only); {@code aud}
 * is this node; {@code iat <= now + 5 s}, {@code now <= exp + 5 s}, and {@code exp - iat <= 60 s};
 * {@code htm}, {@code htu} and {@code body_sha256} match the request actually received; the
 * signature verifies under the issuer's current DID signing key; and the {@code (iss, jti)} pair
 * was not accepted before (a replay cache holds it until expiry). The replay check comes last, so a
 * forged token cannot fill the cache.
 *
 * <p>Thread-safe.
 */
public final class RequestAuthenticator {
  /** The authorization scheme. */
  public static final String SCHEME = "MIP";

  /** Clock skew tolerated on {@code iat} and {@code exp}. */
  public static final Duration SKEW = Duration.ofSeconds(5);

  /** Default replay cache capacity: a minute of traffic at over 15,000 requests per second. */
  public static final int DEFAULT_REPLAY_CAPACITY = 1_000_000;

  private final String audience;
  private final PartyKeys keys;
  private final Clock clock;
  private final ReplayCache replay;
  private final AtomicLong checks = new AtomicLong();

  /** Creates an authenticator for the node known to callers as {@code audience}. */
  public RequestAuthenticator(String audience, PartyKeys keys, Clock clock) {
    this(audience, keys, clock, DEFAULT_REPLAY_CAPACITY);
  }

  /** As above with an explicit replay cache capacity. */
  public RequestAuthenticator(String audience, PartyKeys keys, Clock clock, int replayCapacity) {
    this.audience = Objects.requireNonNull(audience, "audience");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (replayCapacity < 1) {
      throw new IllegalArgumentException("replay capacity must be positive");
    }
    this.replay = new ReplayCache(replayCapacity);
  }

  /** Returns the audience this node expects in {@code aud}. */
  public String audience() {
    return audience;
  }

  /**
   * Authenticates one request.
   *
   * @param authorization the {@code Authorization} header value, or null
   * @param method the HTTP method received
   * @param target the path and query received
   * @param body the body bytes received (empty array for none)
   */
  public AuthOutcome authenticate(String authorization, String method, String target, byte[] body) {
    if (authorization == null || !authorization.startsWith(SCHEME + " ")) {
      return AuthOutcome.refused(Failure.MISSING, "send Authorization: MIP <signed request token>");
    }
    RequestToken token;
    try {
      token = RequestToken.parse(authorization.substring(SCHEME.length() + 1).trim());
    } catch (IllegalArgumentException e) {
      return AuthOutcome.refused(Failure.MALFORMED, e.getMessage());
    }
    RequestClaims c = token.claims();
    if (!audience.equals(c.audience())) {
      return AuthOutcome.refused(Failure.WRONG_AUDIENCE, "token is for another node");
    }
    Instant now = clock.instant();
    Optional<AuthOutcome> timing = checkTime(c, now);
    if (timing.isPresent()) {
      return timing.get();
    }
    if (!c.method().equals(method)
        || !c.target().equals(target)
        || !c.bodySha256().equals(RequestClaims.bodyHash(body))) {
      return AuthOutcome.refused(
          Failure.REQUEST_MISMATCH, "token was signed for another method, target or body");
    }
    Optional<Ed25519PublicKey> key = keys.signingKey(c.issuer());
    if (key.isEmpty()) {
      return AuthOutcome.refused(Failure.UNKNOWN_PARTY, "issuer has no active signing key");
    }
    if (!token.signatureValidUnder(key.get())) {
      return AuthOutcome.refused(Failure.BAD_SIGNATURE, "signature does not verify for issuer");
    }
    if ((checks.incrementAndGet() & 0x3ff) == 0) {
      replay.purge(now.minus(SKEW));
    }
    switch (replay.admit(c.issuer(), c.jti(), c.expiresAt(), now.minus(SKEW))) {
      case REPLAYED:
        return AuthOutcome.refused(Failure.REPLAYED, "this signed request was already used");
      case FULL:
        return AuthOutcome.refused(Failure.BUSY, "too many requests in flight; retry shortly");
      default:
        return AuthOutcome.accepted(c.issuer());
    }
  }

  private static Optional<AuthOutcome> checkTime(RequestClaims c, Instant now) {
    if (c.expiresAt().isBefore(c.issuedAt())
        || Duration.between(c.issuedAt(), c.expiresAt()).compareTo(RequestClaims.MAX_LIFETIME)
            > 0) {
      return Optional.of(
          AuthOutcome.refused(Failure.EXPIRED, "token must live at most 60 seconds"));
    }
    if (c.issuedAt().isAfter(now.plus(SKEW))) {
      return Optional.of(AuthOutcome.refused(Failure.EXPIRED, "token is issued in the future"));
    }
    if (now.isAfter(c.expiresAt().plus(SKEW))) {
      return Optional.of(AuthOutcome.refused(Failure.EXPIRED, "token has expired"));
    }
    return Optional.empty();
  }
}
