package io.mip.sdk.login;

import java.net.URI;
import java.util.Objects;

/**
 * A login the app started: the URL to send the browser to, and the three secrets the app must keep
 * server-side (in the person's session, never in a URL or a client-readable cookie) until the
 * callback: {@code state} (CSRF protection, RFC 6749 section 10.12), {@code nonce} (replay
 * protection, OpenID Connect Core 1.0 section 15.5.2) and the PKCE {@code code_verifier} (RFC 7636
 * section 4.1).
 *
 * @param url the authorization request URL
 * @param state the state sent, checked on the callback
 * @param nonce the nonce sent, checked in the ID token
 * @param codeVerifier the PKCE verifier, sent with the code exchange
 */
public record LoginRequest(URI url, String state, String nonce, String codeVerifier) {
  /** Checks nulls. */
  public LoginRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
  }

  @Override
  public String toString() {
    return "LoginRequest[" + url + "]";
  }
}
