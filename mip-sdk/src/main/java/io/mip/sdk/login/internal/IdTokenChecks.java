package io.mip.sdk.login.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mip.credential.sdjwt.Ed25519JwsVerifier;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Hashes;
import io.mip.sdk.login.LoginResult;
import io.mip.sdk.login.LoginResult.Reason;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * ID token validation (OpenID Connect Core 1.0 section 3.1.3.7), in this order: a JWS signed with
 * the one algorithm the app expects (never {@code none}, never HMAC); the provider's key for the
 * {@code kid} from its JWK set verifies it; {@code iss} is the provider; {@code aud} contains the
 * app, and {@code azp} names it when there are several audiences; {@code exp} is not past and
 * {@code iat} not in the future (with the allowed skew); {@code nonce} is the one this login sent
 * (compared in constant time).
 */
public final class IdTokenChecks {
  /** Largest accepted ID token. */
  public static final int MAX_LENGTH = 16 * 1024;

  private IdTokenChecks() {}

  /**
   * The outcome: the verified claims, or a refusal.
   *
   * @param claims the claims, when valid
   * @param refusal the refusal, otherwise
   */
  public record Checked(Optional<JWTClaimsSet> claims, Optional<LoginResult> refusal) {
    static Checked ok(JWTClaimsSet c) {
      return new Checked(Optional.of(c), Optional.empty());
    }

    static Checked no(Reason r, String detail) {
      return new Checked(Optional.empty(), Optional.of(LoginResult.refused(r, detail)));
    }
  }

  /** Validates {@code idToken}. */
  public static Checked check(
      String idToken,
      ProviderInfo provider,
      JWSAlgorithm expectedAlg,
      String clientId,
      String expectedNonce,
      Clock clock,
      Duration skew) {
    if (idToken == null || idToken.length() > MAX_LENGTH) {
      return Checked.no(Reason.BAD_SIGNATURE, "ID token missing or too long");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(idToken);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return Checked.no(Reason.BAD_SIGNATURE, "ID token is not a signed JWT");
    }
    if (!expectedAlg.equals(jwt.getHeader().getAlgorithm())) {
      return Checked.no(Reason.BAD_SIGNATURE, "ID token alg is not " + expectedAlg);
    }
    Optional<JWK> key = provider.key(jwt.getHeader().getKeyID());
    if (key.isEmpty() || !verifies(jwt, key.get(), expectedAlg)) {
      return Checked.no(
          Reason.BAD_SIGNATURE, "ID token signature does not verify with the provider's keys");
    }
    String issuer = provider.metadata().getIssuer().getValue();
    if (!issuer.equals(claims.getIssuer())) {
      return Checked.no(Reason.WRONG_ISSUER, "ID token is from another issuer");
    }
    List<String> aud = claims.getAudience();
    Object azp = claims.getClaim("azp");
    if (aud == null
        || !aud.contains(clientId)
        || (aud.size() > 1 && !clientId.equals(azp))
        || (azp != null && !clientId.equals(azp))) {
      return Checked.no(Reason.WRONG_AUDIENCE, "ID token is for another app");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null) {
      return Checked.no(Reason.EXPIRED, "ID token lacks exp or iat");
    }
    if (now.minus(skew).isAfter(exp.toInstant())) {
      return Checked.no(Reason.EXPIRED, "ID token has expired");
    }
    if (iat.toInstant().isAfter(now.plus(skew))) {
      return Checked.no(Reason.EXPIRED, "ID token is issued in the future");
    }
    Object nonce = claims.getClaim("nonce");
    if (!(nonce instanceof String n) || !same(n, expectedNonce)) {
      return Checked.no(Reason.NONCE_MISMATCH, "ID token nonce is not this login's");
    }
    if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
      return Checked.no(Reason.BAD_SIGNATURE, "ID token has no sub");
    }
    return Checked.ok(claims);
  }

  private static boolean verifies(SignedJWT jwt, JWK key, JWSAlgorithm alg) {
    try {
      JWSVerifier v;
      if (JWSAlgorithm.ES256.equals(alg)
          && key instanceof ECKey ec
          && Curve.P_256.equals(ec.getCurve())) {
        ECDSAVerifier ecv = new ECDSAVerifier(ec.toPublicJWK());
        // BouncyCastle's P-256 is several times faster than the JDK 17 provider's.
        ecv.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
        v = ecv;
      } else if (JWSAlgorithm.EdDSA.equals(alg)
          && key instanceof OctetKeyPair okp
          && Curve.Ed25519.equals(okp.getCurve())) {
        v = new Ed25519JwsVerifier(Ed25519PublicKey.fromBytes(okp.getDecodedX()));
      } else {
        return false;
      }
      return jwt.verify(v);
    } catch (JOSEException | IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  /** Constant-time string equality. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return Hashes.constantTimeEquals(
        Hashes.sha256(a.getBytes(StandardCharsets.UTF_8)),
        Hashes.sha256(b.getBytes(StandardCharsets.UTF_8)));
  }
}
