package io.mip.node.oidc.internal;

import io.javalin.http.Context;
import io.mip.node.oidc.PassportGate.PassportChoice;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The three sign-in pages: unlock (pick a passport, two face images, PIN), consent (the app's
 * registered name and exactly what it asks for), and errors. Every form carries the transaction id
 * and its anti-CSRF token.
 */
final class LoginPages {
  static final Map<String, String> CLAIM_LABELS =
      Map.of(
          "given_name", "Your given name",
          "family_name", "Your family name",
          "birthdate", "Your date of birth",
          "nationality", "Your nationality",
          "document_type", "The type of your identity document",
          "document_number", "Your identity document number",
          "age_over_18", "Whether you are over 18 (yes or no, not your age)",
          "age_over_21", "Whether you are over 21 (yes or no, not your age)",
          "kyc_level", "How your identity was checked",
          "verified_at", "When your identity was checked");

  private LoginPages() {}

  static void unlock(
      Context ctx, LoginTransaction t, List<PassportChoice> passports, String error) {
    AuthRequest r = t.request();
    StringBuilder b = new StringBuilder();
    b.append("<h1>Sign in to ").append(Html.esc(r.client().name())).append(" with MIP</h1>");
    if (error != null) {
      b.append("<p class=\"error\" role=\"alert\">").append(Html.esc(error)).append("</p>");
    }
    if (passports.isEmpty()) {
      b.append("<p class=\"error\">This node keeps no passports.</p>");
    }
    b.append(
        "<form method=\"post\" action=\"/oidc/login/unlock\" enctype=\"multipart/form-data\">");
    hidden(b, t);
    b.append(
        "<label for=\"passport\">Your passport</label><select id=\"passport\" name=\"passport\">");
    for (PassportChoice p : passports) {
      b.append("<option value=\"")
          .append(Html.esc(p.id()))
          .append("\">")
          .append(Html.esc(p.label()))
          .append("</option>");
    }
    b.append("</select>");
    b.append("<label for=\"face1\">Face photo 1</label>")
        .append(
            "<input id=\"face1\" name=\"face1\" type=\"file\" accept=\"image/*\" capture=\"user\" required>")
        .append("<label for=\"face2\">Face photo 2</label>")
        .append(
            "<input id=\"face2\" name=\"face2\" type=\"file\" accept=\"image/*\" capture=\"user\" required>")
        .append("<label for=\"pin\">PIN</label>")
        .append(
            "<input id=\"pin\" name=\"pin\" type=\"password\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"64\" required>")
        .append("<button class=\"primary\" type=\"submit\">Unlock</button></form>");
    cancelForm(b, t);
    b.append("<p class=\"note\">Your photos are checked on this node and never stored.</p>");
    Html.write(ctx, 200, "Sign in with MIP", b.toString(), r.redirectUri());
  }

  static void consent(
      Context ctx,
      LoginTransaction t,
      Release release,
      String personLabel,
      java.time.Instant until) {
    AuthRequest r = t.request();
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(Html.esc(r.client().name())).append(" asks for</h1>");
    b.append("<p class=\"note\">Signed in as ").append(Html.esc(personLabel)).append("</p><ul>");
    b.append("<li>An identifier for you that only this app gets (apps cannot link you)</li>");
    for (String name : r.scopes().kycClaims().stream().sorted().toList()) {
      boolean off = release.unavailable().contains(name);
      b.append(off ? "<li class=\"off\">" : "<li>")
          .append(Html.esc(CLAIM_LABELS.getOrDefault(name, name)))
          .append(off ? "" : ", checked by your KYC provider")
          .append("</li>");
    }
    for (String c : r.scopes().profileCategories()) {
      b.append("<li>Reading your Smart Profile records in <b>")
          .append(Html.esc(c))
          .append("</b> (also records added later) until ")
          .append(DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(until))
          .append("</li>");
    }
    b.append("</ul>");
    if (!release.unavailable().isEmpty()) {
      b.append("<p class=\"note\">Struck out: not shared, because ")
          .append(Html.esc(release.unavailableReason()))
          .append(".</p>");
    }
    b.append("<form method=\"post\" action=\"/oidc/login/consent\">");
    hidden(b, t);
    b.append("<label><input type=\"checkbox\" name=\"remember\" value=\"yes\" checked> ")
        .append("Remember this approval for this app</label>")
        .append(
            "<button class=\"primary\" type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>")
        .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>");
    Html.write(ctx, 200, "Approve " + r.client().name(), b.toString(), r.redirectUri());
  }

  static void error(Context ctx, int status, String message) {
    Html.write(
        ctx,
        status,
        "Sign in with MIP",
        "<h1>Sign-in stopped</h1><p class=\"error\" role=\"alert\">" + Html.esc(message) + "</p>",
        null);
  }

  private static void hidden(StringBuilder b, LoginTransaction t) {
    b.append("<input type=\"hidden\" name=\"tx\" value=\"")
        .append(Html.esc(t.id()))
        .append("\">")
        .append("<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(Html.esc(t.csrf()))
        .append("\">");
  }

  private static void cancelForm(StringBuilder b, LoginTransaction t) {
    b.append("<form method=\"post\" action=\"/oidc/login/cancel\">");
    hidden(b, t);
    b.append("<button type=\"submit\">Cancel</button></form>");
  }
}
