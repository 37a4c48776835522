package io.mip.node.oidc.internal;

import io.javalin.http.Context;
import java.net.URI;

/**
 * Writes the sign-in pages: escaped text only, no scripts, no external assets, and headers that
 * keep them out of frames and caches. The Content-Security-Policy allows only the page's own inline
 * style (by nonce) and form posts to this node and to the app's redirect origin (browsers apply
 * {@code form-action} to the redirect that follows a post).
 */
final class Html {
  private Html() {}

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c < 0x20 && c != '\n' ? ' ' : c);
      }
    }
    return b.toString();
  }

  /** Writes a page with {@code status}; {@code redirectUri} (may be null) widens form-action. */
  static void write(Context ctx, int status, String title, String body, String redirectUri) {
    String nonce = Randoms.token().substring(0, 22);
    String formAction = "'self'";
    if (redirectUri != null) {
      URI u = URI.create(redirectUri);
      formAction += " " + u.getScheme() + "://" + u.getRawAuthority();
    }
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'nonce-"
            + nonce
            + "'; form-action "
            + formAction
            + "; frame-ancestors 'none'; base-uri 'none'");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).contentType("text/html; charset=utf-8");
    ctx.result(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + esc(title)
            + "</title><style nonce=\""
            + nonce
            + "\">"
            + STYLE
            + "</style></head><body><main>"
            + body
            + "</main></body></html>");
  }

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;color:#1b1f24}"
          + "main{max-width:28rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;"
          + "border-radius:12px;box-shadow:0 1px 4px #0002}"
          + "h1{font-size:1.3rem}label{display:block;margin:.8rem 0 .3rem;font-weight:600}"
          + "input,select{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}"
          + "button{padding:.6rem 1.2rem;font-size:1rem;margin:1rem .5rem 0 0;border-radius:6px;"
          + "border:1px solid #888;background:#eee}button.primary{background:#1f5fbf;color:#fff;"
          + "border-color:#1f5fbf}.error{background:#fde8e8;color:#8a1c1c;padding:.6rem;"
          + "border-radius:6px}.note{color:#555;font-size:.9rem}ul{padding-left:1.2rem}"
          + "li{margin:.3rem 0}.off{color:#777;text-decoration:line-through}";
}
