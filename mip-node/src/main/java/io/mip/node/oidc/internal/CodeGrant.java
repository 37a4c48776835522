package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an authorization code stands for (RFC 6749 section 4.1.2): bound to the client, the redirect
 * URI and the PKCE challenge, carrying the pairwise subject and the approved claims. Kept only in
 * memory.
 *
 * @param clientId the client the code was issued to
 * @param redirectUri the redirect URI of the authorization request
 * @param codeChallenge the PKCE S256 challenge
 * @param nonce the request's nonce
 * @param subject the pairwise subject
 * @param claims released claims
 * @param kycIssuer the issuer that verified them
 * @param scopes the approved scope values
 * @param authTime when the person unlocked
 * @param idTokenAlg the ID token algorithm
 * @param expiresAt when the code stops being redeemable
 */
public record CodeGrant(
    String clientId,
    String redirectUri,
    String codeChallenge,
    String nonce,
    String subject,
    Map<String, JsonNode> claims,
    Optional<String> kycIssuer,
    List<String> scopes,
    Instant authTime,
    JWSAlgorithm idTokenAlg,
    Instant expiresAt) {
  /** Checks nulls and copies. */
  public CodeGrant {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(subject, "subject");
    claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    Objects.requireNonNull(kycIssuer, "kycIssuer");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(authTime, "authTime");
    Objects.requireNonNull(idTokenAlg, "idTokenAlg");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
