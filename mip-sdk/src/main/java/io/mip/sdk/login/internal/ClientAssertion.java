package io.mip.sdk.login.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import io.mip.credential.sdjwt.Ed25519JwsSigner;
import io.mip.crypto.Ed25519PrivateKey;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A {@code private_key_jwt} client assertion (RFC 7523 section 3, OpenID Connect Core 1.0 section
 * 9): {@code iss} = {@code sub} = client_id, {@code aud} = the token endpoint, {@code iat}, {@code
 * exp} 60 s later, a fresh random {@code jti}; signed with EdDSA by the app's Ed25519 key through
 * its {@code Signer}. Built by hand because Nimbus' {@code PrivateKeyJWT} accepts only RSA and EC
 * keys.
 */
public final class ClientAssertion {
  private ClientAssertion() {}

  /** Returns the compact JWS. */
  public static String sign(
      String clientId,
      Ed25519PrivateKey appKey,
      Optional<String> keyId,
      URI tokenEndpoint,
      Instant now) {
    JWTAuthenticationClaimsSet claims =
        new JWTAuthenticationClaimsSet(
            new ClientID(clientId),
            List.of(new Audience(tokenEndpoint)),
            Date.from(now.plusSeconds(60)),
            null,
            Date.from(now),
            new JWTID());
    JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(JOSEObjectType.JWT);
    keyId.ifPresent(h::keyID);
    try {
      SignedJWT jwt = new SignedJWT(h.build(), claims.toJWTClaimsSet());
      jwt.sign(new Ed25519JwsSigner(appKey.signer()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("client assertion signing failed", e);
    }
  }
}
