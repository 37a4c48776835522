package io.mip.profile.auth;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.profile.internal.Checks;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The caller's side of {@link RequestAuthenticator}: produces the {@code Authorization} header
 * value for one request, signed by the caller's DID key. Each call makes a fresh {@code jti}, so a
 * header value is good for exactly one request, within 30 seconds.
 */
public final class RequestSigner {
  /** Lifetime given to each token. */
  public static final Duration LIFETIME = Duration.ofSeconds(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String did;
  private final Ed25519PrivateKey key;
  private final Clock clock;

  /** Creates a signer for {@code did}, whose current authentication key is {@code key}. */
  public RequestSigner(String did, Ed25519PrivateKey key, Clock clock) {
    this.did = Checks.did(did, "did");
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the DID requests are signed as. */
  public String did() {
    return did;
  }

  /**
   * Returns the {@code Authorization} header value for a request.
   *
   * @param audience the node's audience string
   * @param method the HTTP method
   * @param target the path and query, as sent
   * @param body the exact body bytes (empty for none)
   */
  public String authorization(String audience, String method, String target, byte[] body) {
    Instant now = clock.instant();
    byte[] jti = new byte[18];
    RANDOM.nextBytes(jti);
    RequestClaims claims =
        new RequestClaims(
            did,
            audience,
            now,
            now.plus(LIFETIME),
            Base64Url.encode(jti),
            method,
            target,
            RequestClaims.bodyHash(body));
    return RequestAuthenticator.SCHEME + " " + RequestToken.sign(claims, key);
  }
}
