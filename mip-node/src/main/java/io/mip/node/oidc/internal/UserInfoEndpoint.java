package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.mip.node.internal.http.JsonResponses;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET|POST /oidc/userinfo} (OpenID Connect Core 1.0 section 5.3): with a live bearer access
 * token in the {@code Authorization} header (RFC 6750 section 2.1; tokens in the query or body are
 * refused), returns {@code sub} and the claims released at sign-in, with {@code mip_kyc_issuer}.
 */
public final class UserInfoEndpoint {
  private final AccessTokens tokens;

  /** Creates the endpoint. */
  public UserInfoEndpoint(AccessTokens tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** Handles one request. */
  public void handle(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      OAuthResponses.bearerError(ctx, 401, null, "send Authorization: Bearer <access token>");
      return;
    }
    Optional<AccessTokens.TokenGrant> g = tokens.find(auth.substring(7).trim());
    if (g.isEmpty()) {
      OAuthResponses.bearerError(ctx, 401, "invalid_token", "access token is not valid");
      return;
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("sub", g.get().subject());
    Claims.each(g.get().claims(), g.get().kycIssuer(), (name, value) -> body.putPOJO(name, value));
    OAuthResponses.noStore(ctx);
    JsonResponses.json(ctx, 200, body);
  }
}
