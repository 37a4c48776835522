package io.mip.node.oidc.internal;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authorization responses (RFC 6749 sections 4.1.2 and 4.1.2.1) as {@code 303 See Other} redirects
 * to the registered redirect URI, query-encoded, always with {@code iss} (RFC 9207) and the
 * client's {@code state} when it sent one.
 */
final class Redirects {
  private Redirects() {}

  static void success(
      Context ctx, String redirectUri, String code, Optional<String> state, String issuer) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("code", code);
    state.ifPresent(s -> p.put("state", s));
    p.put("iss", issuer);
    send(ctx, redirectUri, p);
  }

  static void error(
      Context ctx,
      String redirectUri,
      String error,
      String description,
      Optional<String> state,
      String issuer) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("error", error);
    if (description != null && !description.isEmpty()) {
      p.put("error_description", OAuthResponses.ascii(description));
    }
    state.ifPresent(s -> p.put("state", s));
    p.put("iss", issuer);
    send(ctx, redirectUri, p);
  }

  private static void send(Context ctx, String redirectUri, Map<String, String> params) {
    StringBuilder b = new StringBuilder(redirectUri);
    char sep = redirectUri.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      b.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.status(303).header("Location", b.toString());
  }
}
