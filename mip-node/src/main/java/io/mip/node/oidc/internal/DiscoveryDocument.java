package io.mip.node.oidc.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.mip.credential.kyc.KycCredential;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider's metadata (OpenID Connect Discovery 1.0 section 3, RFC 8414): what this provider
 * supports and nothing more, so clients negotiate down to code flow, PKCE S256, {@code
 * private_key_jwt} with EdDSA, pairwise subjects, and ES256 or EdDSA ID tokens.
 */
public final class DiscoveryDocument {
  private DiscoveryDocument() {}

  /** Returns the metadata JSON for {@code issuer}. */
  public static String json(URI issuer) {
    OIDCProviderMetadata m =
        new OIDCProviderMetadata(
            new Issuer(issuer), List.of(SubjectType.PAIRWISE), URI.create(issuer + "/oidc/jwks"));
    m.setAuthorizationEndpointURI(URI.create(issuer + "/oidc/authorize"));
    m.setTokenEndpointURI(URI.create(issuer + "/oidc/token"));
    m.setUserInfoEndpointURI(URI.create(issuer + "/oidc/userinfo"));
    m.setResponseTypes(List.of(ResponseType.CODE));
    m.setResponseModes(List.of(ResponseMode.QUERY));
    m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE));
    m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
    m.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.PRIVATE_KEY_JWT));
    m.setTokenEndpointJWSAlgs(List.of(JWSAlgorithm.EdDSA));
    m.setIDTokenJWSAlgs(ProviderKeys.ALGORITHMS);
    m.setScopes(new Scope(ScopeRequest.supported().toArray(String[]::new)));
    List<String> claims =
        new ArrayList<>(List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "amr"));
    claims.addAll(KycCredential.CLAIMS);
    claims.add(Claims.KYC_ISSUER);
    m.setClaims(claims);
    m.setSupportsClaimsParams(false);
    m.setSupportsRequestParam(false);
    m.setSupportsRequestURIParam(false);
    m.setSupportsAuthorizationResponseIssuerParam(true);
    m.setPromptTypes(List.of(Prompt.Type.LOGIN, Prompt.Type.CONSENT));
    return m.toJSONObject().toJSONString();
  }
}
