package io.mip.node.internal.http;

import io.javalin.http.Context;
import io.mip.profile.auth.AuthOutcome;
import io.mip.profile.auth.RequestAuthenticator;
import java.net.URI;
import java.util.Map;

/**
 * The check every node route that acts for a party runs first: the request (method, path with its
 * query, body) must carry a valid {@code Authorization: MIP ...} signature by a DID (docs/http-
 * api.md). A refusal is a 401 problem whose type ends with the failure's code, with {@code
 * WWW-Authenticate: MIP} (RFC 9110 section 15.5.2).
 */
public final class SignedRequests {
  private SignedRequests() {}

  /** Returns the DID that signed the request and {@code body}, or ends the request with 401. */
  public static String caller(Context ctx, RequestAuthenticator auth, byte[] body) {
    String qs = ctx.queryString();
    String target = ctx.path() + (qs == null || qs.isEmpty() ? "" : "?" + qs);
    AuthOutcome outcome =
        auth.authenticate(ctx.header("Authorization"), ctx.method().name(), target, body);
    if (!outcome.accepted()) {
      ctx.header("WWW-Authenticate", RequestAuthenticator.SCHEME);
      throw new ProblemException(
          new Problem(
              URI.create(ProblemType.URI_PREFIX + outcome.failure().orElseThrow().code()),
              "Request not authenticated",
              401,
              outcome.detail(),
              Map.of()));
    }
    return outcome.party().orElseThrow();
  }
}
