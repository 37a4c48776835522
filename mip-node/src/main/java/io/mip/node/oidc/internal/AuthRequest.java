package io.mip.node.oidc.internal;

import com.nimbusds.jose.JWSAlgorithm;
import io.mip.node.oidc.RegisteredClient;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request that passed every check (OpenID Connect Core 1.0 section 3.1.2.2): a
 * registered client, one of its redirect URIs exactly, {@code response_type=code}, PKCE {@code
 * S256}, a nonce, and scopes this provider understands.
 *
 * @param client the client
 * @param redirectUri the redirect URI, as registered
 * @param state the client's {@code state}, echoed back unchanged
 * @param nonce the client's {@code nonce}, put into the ID token
 * @param codeChallenge the PKCE {@code code_challenge} (RFC 7636 section 4.3), method S256
 * @param scopes what the client asks for
 * @param idTokenAlg the ID token algorithm (ES256 unless the client asked for EdDSA)
 * @param forceConsent whether {@code prompt=consent} was sent (no remembered approval is used)
 */
public record AuthRequest(
    RegisteredClient client,
    String redirectUri,
    Optional<String> state,
    String nonce,
    String codeChallenge,
    ScopeRequest scopes,
    JWSAlgorithm idTokenAlg,
    boolean forceConsent) {
  /** Checks nulls. */
  public AuthRequest {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(idTokenAlg, "idTokenAlg");
  }
}
