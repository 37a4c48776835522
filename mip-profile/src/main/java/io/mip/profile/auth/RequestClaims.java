package io.mip.profile.auth;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import io.mip.profile.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The claims of a MIP signed request (a JWT, RFC 7519, signed with EdDSA, RFC 8037), modelled on
 * DPoP (RFC 9449) proofs but binding the request body as well.
 *
 * @param issuer {@code iss}: the caller's DID, whose DID document's authentication key signs
 * @param audience {@code aud}: the node's audience string (from {@code GET /profile/info})
 * @param issuedAt {@code iat}, whole seconds
 * @param expiresAt {@code exp}, whole seconds, at most {@link #MAX_LIFETIME} after {@code iat}
 * @param jti {@code jti}: a unique random id; the node refuses a second request with the same one
 * @param method {@code htm}: the HTTP method, upper case
 * @param target {@code htu}: the request target, path and query as sent ({@code
 *     /profile/records/abc}); origin-relative because nodes sit behind proxies, {@code aud} names
 *     the node
 * @param bodySha256 {@code body_sha256}: base64url SHA-256 of the exact body bytes (of the empty
 *     string when there is no body)
 */
public record RequestClaims(
    String issuer,
    String audience,
    Instant issuedAt,
    Instant expiresAt,
    String jti,
    String method,
    String target,
    String bodySha256) {
  /** Longest lifetime of a signed request. */
  public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

  private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{16,128}");
  private static final Pattern METHOD = Pattern.compile("[A-Z]{3,7}");
  private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Validates every claim's form (not its truth; that is the authenticator's job). */
  public RequestClaims {
    Checks.did(issuer, "iss");
    if (audience == null || audience.isEmpty() || audience.length() > 256) {
      throw new IllegalArgumentException("aud must be 1 to 256 characters");
    }
    Objects.requireNonNull(issuedAt, "iat");
    Objects.requireNonNull(expiresAt, "exp");
    if (jti == null || !JTI.matcher(jti).matches()) {
      throw new IllegalArgumentException("jti must be 16 to 128 base64url characters");
    }
    if (method == null || !METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException("htm must be an upper-case HTTP method");
    }
    if (target == null || !target.startsWith("/") || target.length() > 2048) {
      throw new IllegalArgumentException("htu must be an origin-relative path of at most 2048");
    }
    if (bodySha256 == null || !HASH.matcher(bodySha256).matches()) {
      throw new IllegalArgumentException("body_sha256 must be a base64url SHA-256");
    }
  }

  /** Returns the {@code body_sha256} value of {@code body}. */
  public static String bodyHash(byte[] body) {
    return Base64Url.encode(Hashes.sha256(body == null ? new byte[0] : body));
  }
}
