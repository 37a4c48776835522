package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.mip.node.internal.http.JsonResponses;

/**
 * OAuth 2.0 error responses of the token and userinfo endpoints. These endpoints answer with the
 * error format their RFCs fix ({@code {"error", "error_description"}}, RFC 6749 section 5.2; a
 * {@code WWW-Authenticate} challenge, RFC 6750 section 3) instead of RFC 9457 problems, because
 * every OAuth client parses exactly that.
 */
final class OAuthResponses {
  private OAuthResponses() {}

  /** Sets the headers every token response carries (RFC 6749 section 5.1). */
  static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
  }

  /** Writes an OAuth error. */
  static void error(Context ctx, int status, String code, String description) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error", code);
    if (description != null && !description.isEmpty()) {
      body.put("error_description", ascii(description));
    }
    noStore(ctx);
    JsonResponses.json(ctx, status, body);
  }

  /** Writes a bearer token error (RFC 6750 section 3.1). */
  static void bearerError(Context ctx, int status, String code, String description) {
    String challenge = "Bearer realm=\"mip\"";
    if (code != null) {
      challenge +=
          ", error=\""
              + code
              + "\", error_description=\""
              + ascii(description).replace("\"", "'")
              + "\"";
    }
    ctx.header("WWW-Authenticate", challenge);
    error(ctx, status, code == null ? "invalid_request" : code, description);
  }

  /** RFC 6749 restricts error_description to printable ASCII without quote or backslash. */
  static String ascii(String s) {
    String t = s.length() > 300 ? s.substring(0, 300) + "..." : s;
    return t.replaceAll("[^\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e]", "'");
  }
}
