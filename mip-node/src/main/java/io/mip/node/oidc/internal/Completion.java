package io.mip.node.oidc.internal;

import io.javalin.http.Context;
import io.mip.node.oidc.UnlockedPassport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ends a sign-in: on approval makes the Smart Profile grant (if asked), remembers the approval (if
 * the person ticked it), issues a code bound to client, redirect URI and PKCE challenge, and
 * redirects; on denial redirects with {@code access_denied}. Either way the transaction ends and
 * the passport's keys are forgotten. A transaction finishes once; a second post is refused.
 */
final class Completion {
  private final LoginContext c;

  Completion(LoginContext c) {
    this.c = c;
  }

  void approve(Context ctx, LoginTransaction t, boolean remember) {
    AuthRequest r = t.request();
    if (!t.finish()) {
      LoginPages.error(ctx, 409, "this sign-in has already ended");
      return;
    }
    try {
      UnlockedPassport person = t.person().orElseThrow();
      Release release = t.release().orElse(Release.none());
      Instant now = c.clock().instant();
      List<String> grants = new ArrayList<>();
      if (!r.scopes().profileCategories().isEmpty()) {
        UnlockedPassport.GrantOutcome g =
            person.grantProfile(
                r.client().clientId(),
                r.scopes().profileCategories(),
                now.plus(LoginFlow.PROFILE_GRANT_DAYS));
        if (g.grantId().isEmpty()) {
          Redirects.error(
              ctx,
              r.redirectUri(),
              "server_error",
              "Smart Profile grant failed: " + g.detail(),
              r.state(),
              c.iss());
          return;
        }
        grants.add(g.grantId().get());
      }
      if (remember) {
        c.approvals()
            .remember(
                new ApprovalStore.Approval(
                    person.did(), r.client().clientId(), r.scopes().values(), now, grants));
      }
      CodeGrant grant =
          new CodeGrant(
              r.client().clientId(),
              r.redirectUri(),
              r.codeChallenge(),
              r.nonce(),
              c.keys().pairwiseSubject(r.client().clientId(), person.did()),
              release.claims(),
              release.kycIssuer(),
              r.scopes().values(),
              now,
              r.idTokenAlg(),
              now.plus(c.codes().lifetime()));
      Optional<String> code = c.codes().issue(grant);
      if (code.isEmpty()) {
        Redirects.error(
            ctx,
            r.redirectUri(),
            "temporarily_unavailable",
            "too many codes outstanding",
            r.state(),
            c.iss());
        return;
      }
      Redirects.success(ctx, r.redirectUri(), code.get(), r.state(), c.iss());
    } finally {
      c.transactions().remove(t);
    }
  }

  void deny(Context ctx, LoginTransaction t, String why) {
    AuthRequest r = t.request();
    if (!t.finish()) {
      LoginPages.error(ctx, 409, "this sign-in has already ended");
      return;
    }
    c.transactions().remove(t);
    Redirects.error(ctx, r.redirectUri(), "access_denied", why, r.state(), c.iss());
  }
}
