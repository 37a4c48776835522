package io.mip.node.oidc.internal;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.javalin.http.Context;
import io.mip.node.internal.http.RequestBodies;
import io.mip.node.oidc.RegisteredClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code POST /oidc/token}: the authorization code grant (RFC 6749 section 4.1.3, OpenID Connect
 * Core 1.0 section 3.1.3) with PKCE (RFC 7636 section 4.6) and {@code private_key_jwt} client
 * authentication.
 *
 * <p>Refuses, each with its RFC 6749 section 5.2 error: a body that is not a form ({@code
 * invalid_request}); any client authentication but a valid {@code private_key_jwt} ({@code
 * invalid_client}); a grant other than {@code authorization_code} ({@code unsupported_grant_type});
 * a code that is unknown, expired (after the code lifetime, 60 s), reused, issued to another
 * client, for another redirect URI, or without the matching {@code code_verifier} ({@code
 * invalid_grant}). A reused code also revokes the access tokens issued for it (RFC 6749 section
 * 4.1.2).
 */
public final class TokenEndpoint {
  /** Largest accepted request body. */
  public static final int MAX_BODY = 16 * 1024;

  private final Supplier<URI> issuer;
  private final ClientAssertions assertions;
  private final CodeStore codes;
  private final AccessTokens accessTokens;
  private final IdTokens idTokens;

  /** Creates the endpoint. */
  public TokenEndpoint(
      Supplier<URI> issuer,
      ClientAssertions assertions,
      CodeStore codes,
      AccessTokens accessTokens,
      IdTokens idTokens) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.assertions = Objects.requireNonNull(assertions, "assertions");
    this.codes = Objects.requireNonNull(codes, "codes");
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.idTokens = Objects.requireNonNull(idTokens, "idTokens");
  }

  /** Handles one token request. */
  public void handle(Context ctx) {
    String type = ctx.header("Content-Type");
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      OAuthResponses.error(ctx, 400, "invalid_request", "send application/x-www-form-urlencoded");
      return;
    }
    byte[] body = RequestBodies.read(ctx, MAX_BODY);
    Map<String, List<String>> params =
        URLUtils.parseParameters(new String(body, StandardCharsets.UTF_8));
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (e.getValue().size() > 1) {
        OAuthResponses.error(ctx, 400, "invalid_request", "repeated parameter " + e.getKey());
        return;
      }
    }
    ClientAssertions.Outcome auth = assertions.authenticate(params, ctx.header("Authorization"));
    if (auth.client().isEmpty()) {
      OAuthResponses.error(ctx, 401, "invalid_client", auth.refusal());
      return;
    }
    AuthorizationGrant grant;
    try {
      grant = AuthorizationGrant.parse(params);
    } catch (ParseException e) {
      ErrorObject err = e.getErrorObject();
      String code = err == null || err.getCode() == null ? "invalid_request" : err.getCode();
      OAuthResponses.error(ctx, 400, code, e.getMessage());
      return;
    }
    if (!(grant instanceof AuthorizationCodeGrant codeGrant)) {
      OAuthResponses.error(
          ctx, 400, "unsupported_grant_type", "only authorization_code is supported");
      return;
    }
    redeem(ctx, auth.client().get(), codeGrant);
  }

  private void redeem(Context ctx, RegisteredClient client, AuthorizationCodeGrant grant) {
    String code = grant.getAuthorizationCode().getValue();
    CodeStore.Redemption r = codes.redeem(code);
    if (r.grant().isEmpty()) {
      CodeStore.Failure f = r.failure().orElseThrow();
      if (f == CodeStore.Failure.REUSED) {
        accessTokens.revoke(codes.tokensOfReused(code));
      }
      String why =
          switch (f) {
            case REUSED -> "authorization code was already used; its tokens are revoked";
            case EXPIRED -> "authorization code has expired";
            default -> "authorization code is not valid";
          };
      OAuthResponses.error(ctx, 400, "invalid_grant", why);
      return;
    }
    CodeGrant g = r.grant().get();
    if (!g.clientId().equals(client.clientId())) {
      OAuthResponses.error(
          ctx, 400, "invalid_grant", "authorization code was issued to another client");
      return;
    }
    URI redirect = grant.getRedirectionURI();
    if (redirect == null || !redirect.toString().equals(g.redirectUri())) {
      OAuthResponses.error(
          ctx, 400, "invalid_grant", "redirect_uri does not match the authorization request");
      return;
    }
    CodeVerifier verifier = grant.getCodeVerifier();
    if (verifier == null) {
      OAuthResponses.error(ctx, 400, "invalid_grant", "code_verifier required (PKCE)");
      return;
    }
    String computed = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
    if (!Randoms.same(computed, g.codeChallenge())) {
      OAuthResponses.error(
          ctx, 400, "invalid_grant", "code_verifier does not match the code_challenge");
      return;
    }
    respond(ctx, code, g);
  }

  private void respond(Context ctx, String code, CodeGrant g) {
    String access = accessTokens.issue(g).orElse(null);
    if (access == null) {
      OAuthResponses.error(
          ctx, 503, "temporarily_unavailable", "too many live tokens; retry shortly");
      return;
    }
    codes.issuedFor(code, Randoms.hash(access));
    String idToken = idTokens.mint(issuer.get().toString(), g);
    OIDCTokens tokens =
        new OIDCTokens(
            idToken,
            new BearerAccessToken(
                access,
                accessTokens.lifetime().toSeconds(),
                new com.nimbusds.oauth2.sdk.Scope(g.scopes().toArray(String[]::new))),
            null);
    OAuthResponses.noStore(ctx);
    ctx.status(200)
        .contentType("application/json")
        .result(new OIDCTokenResponse(tokens).toJSONObject().toJSONString());
  }

  /** Returns the audiences a client assertion may name for this endpoint. */
  public static List<String> audiences(URI issuer) {
    return List.of(issuer.toString(), issuer + "/oidc/token");
  }
}
