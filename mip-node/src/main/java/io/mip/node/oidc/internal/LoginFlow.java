package io.mip.node.oidc.internal;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.javalin.http.Context;
import io.mip.node.internal.http.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorization endpoint and the sign-in pages behind it (OpenID Connect Core 1.0 section
 * 3.1.2): {@code GET|POST /oidc/authorize} validates the request and shows the unlock page; {@code
 * POST /oidc/login/unlock} unlocks the passport ({@link UnlockStep}); {@code POST
 * /oidc/login/consent} approves or denies ({@link Completion}); {@code POST /oidc/login/cancel}
 * gives up.
 *
 * <p>Every post must carry the transaction id, its anti-CSRF token and the transaction's cookie,
 * and when the browser sends {@code Origin} it must be this provider's; otherwise the post is
 * refused with 403 and nothing happens.
 */
public final class LoginFlow {
  /** How long a Smart Profile grant made at sign-in lasts. */
  public static final Duration PROFILE_GRANT_DAYS = Duration.ofDays(30);

  /** Prefix of the per-transaction cookie. */
  static final String COOKIE_PREFIX = "mip_login_";

  private static final int MAX_FORM = 8 * 1024;

  private final AuthorizeValidator validator;
  private final LoginContext c;
  private final UnlockStep unlockStep;
  private final Completion completion;

  /** Creates the flow. */
  public LoginFlow(AuthorizeValidator validator, LoginContext context) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.c = Objects.requireNonNull(context, "context");
    this.completion = new Completion(context);
    this.unlockStep = new UnlockStep(context, completion);
  }

  /** {@code GET|POST /oidc/authorize}. */
  public void authorize(Context ctx) {
    Map<String, List<String>> params;
    if (ctx.method().name().equals("POST")) {
      if (!isForm(ctx)) {
        LoginPages.error(ctx, 415, "the authorization request must be a form post");
        return;
      }
      params =
          URLUtils.parseParameters(
              new String(RequestBodies.read(ctx, MAX_FORM), StandardCharsets.UTF_8));
    } else {
      params = ctx.queryParamMap();
    }
    AuthorizeValidator.Outcome o = validator.validate(params);
    if (o.pageError().isPresent()) {
      LoginPages.error(ctx, 400, o.pageError().get());
      return;
    }
    if (o.redirectError().isPresent()) {
      var e = o.redirectError().get();
      Redirects.error(
          ctx, o.redirectUri().orElseThrow(), e.getCode(), e.getDescription(), o.state(), c.iss());
      return;
    }
    AuthRequest request = o.request().orElseThrow();
    Optional<LoginTransactions.Started> started = c.transactions().start(request);
    if (started.isEmpty()) {
      Redirects.error(
          ctx,
          request.redirectUri(),
          "temporarily_unavailable",
          "too many sign-ins in progress",
          request.state(),
          c.iss());
      return;
    }
    LoginTransaction t = started.get().transaction();
    ctx.header(
        "Set-Cookie",
        COOKIE_PREFIX
            + t.id()
            + "="
            + started.get().cookie()
            + "; Path=/oidc/login; Max-Age="
            + LoginTransactions.LIFETIME.toSeconds()
            + "; HttpOnly; SameSite=Strict"
            + (c.iss().startsWith("https:") ? "; Secure" : ""));
    LoginPages.unlock(ctx, t, c.passports().passports(), null);
  }

  /** {@code POST /oidc/login/unlock}. */
  public void unlock(Context ctx) {
    unlockStep.handle(ctx, this);
  }

  /** {@code POST /oidc/login/consent}. */
  public void consent(Context ctx) {
    Optional<Map<String, List<String>>> form = form(ctx);
    if (form.isEmpty()) {
      return;
    }
    Optional<LoginTransaction> t =
        transaction(ctx, first(form.get(), "tx"), first(form.get(), "csrf"));
    if (t.isEmpty()) {
      return;
    }
    if (t.get().person().isEmpty()) {
      LoginPages.error(ctx, 400, "unlock your passport first");
      return;
    }
    String decision = first(form.get(), "decision");
    if ("approve".equals(decision)) {
      completion.approve(ctx, t.get(), "yes".equals(first(form.get(), "remember")));
    } else if ("deny".equals(decision)) {
      completion.deny(ctx, t.get(), "the person denied the request");
    } else {
      LoginPages.error(ctx, 400, "choose approve or deny");
    }
  }

  /** {@code POST /oidc/login/cancel}. */
  public void cancel(Context ctx) {
    Optional<Map<String, List<String>>> form = form(ctx);
    if (form.isEmpty()) {
      return;
    }
    Optional<LoginTransaction> t =
        transaction(ctx, first(form.get(), "tx"), first(form.get(), "csrf"));
    t.ifPresent(tx -> completion.deny(ctx, tx, "the person cancelled the sign-in"));
  }

  /**
   * Finds the transaction a post belongs to, refusing (and writing the error page) unless the
   * anti-CSRF token, the cookie and the origin all match.
   */
  Optional<LoginTransaction> transaction(Context ctx, String id, String csrf) {
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null") && !sameOrigin(origin)) {
      LoginPages.error(
          ctx, 403, "this form was posted from another site; start again from the app");
      return Optional.empty();
    }
    String cookie = id == null || id.length() > 64 ? null : ctx.cookie(COOKIE_PREFIX + id);
    Optional<LoginTransaction> t = c.transactions().find(id, csrf, cookie);
    if (t.isPresent()) {
      return t;
    }
    if (id != null && !c.transactions().isOpen(id)) {
      LoginPages.error(ctx, 400, "this sign-in has expired or ended; start again from the app");
    } else {
      LoginPages.error(
          ctx, 403, "this form is missing its anti-CSRF token or cookie; start again from the app");
    }
    return Optional.empty();
  }

  private boolean sameOrigin(String origin) {
    var u = c.issuer().get();
    String own = u.getScheme() + "://" + u.getRawAuthority();
    return origin.equalsIgnoreCase(own);
  }

  private Optional<Map<String, List<String>>> form(Context ctx) {
    if (!isForm(ctx)) {
      LoginPages.error(ctx, 415, "expected a form post");
      return Optional.empty();
    }
    byte[] body = RequestBodies.read(ctx, MAX_FORM);
    return Optional.of(URLUtils.parseParameters(new String(body, StandardCharsets.UTF_8)));
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.header("Content-Type");
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.size() != 1 ? null : v.get(0);
  }
}
