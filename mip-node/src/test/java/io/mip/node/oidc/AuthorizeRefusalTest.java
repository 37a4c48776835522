package io.mip.node.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.sdk.login.LoginResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the authorization endpoint and the sign-in pages refuse. */
class AuthorizeRefusalTest {
  @TempDir Path dir;
  private OidcTestbed bed;
  private OidcTestbed.App clinic;
  private FakePassports.Person anna;

  @BeforeEach
  void start() {
    bed = new OidcTestbed(dir);
    clinic = bed.registerApp("City Clinic");
    anna = bed.person("anna", false);
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private Map<String, String> valid() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clinic.party().did());
    p.put("redirect_uri", clinic.redirect().toString());
    p.put("scope", "openid");
    p.put("state", "s-123");
    p.put("nonce", "n-456");
    p.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    p.put("code_challenge_method", "S256");
    return p;
  }

  private Browser.Page authorize(Map<String, String> params) {
    StringBuilder q = new StringBuilder();
    params.forEach(
        (k, v) ->
            q.append(q.length() == 0 ? "?" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return new Browser(bed.base).get(URI.create(bed.base + "/oidc/authorize" + q));
  }

  @Test
  void authorize_valid_showsUnlockPage() {
    Browser.Page p = authorize(valid());

    assertThat(p.status()).isEqualTo(200);
    assertThat(p.body()).contains("City Clinic").contains("name=\"csrf\"");
  }

  @Test
  void authorize_redirectUriNotExactMatch_errorPageWithoutRedirect() {
    for (String bad :
        new String[] {
          clinic.redirect() + "/",
          clinic.redirect() + "?x=1",
          clinic.redirect().toString().toUpperCase(),
          "http://127.0.0.1:9/elsewhere"
        }) {
      Map<String, String> p = valid();
      p.put("redirect_uri", bad);

      Browser.Page page = authorize(p);

      assertThat(page.status()).as(bad).isEqualTo(400);
      assertThat(page.headers().firstValue("Location")).as(bad).isEmpty();
      assertThat(page.body()).contains("must match exactly");
    }
  }

  @Test
  void authorize_unregisteredApp_errorPageWithoutRedirect() {
    Map<String, String> p = valid();
    p.put("client_id", bed.party().did());

    Browser.Page page = authorize(p);

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body()).contains("not registered");
  }

  @Test
  void authorize_withoutPkce_redirectsInvalidRequestWithState() {
    Map<String, String> p = valid();
    p.remove("code_challenge");
    p.remove("code_challenge_method");

    URI to = authorize(p).location();

    assertThat(to.toString()).startsWith(clinic.redirect() + "?error=invalid_request");
    assertThat(to.getQuery()).contains("PKCE").contains("state=s-123").contains("iss=" + bed.base);
  }

  @Test
  void authorize_plainPkce_redirectsInvalidRequest() {
    Map<String, String> p = valid();
    p.put("code_challenge_method", "plain");

    assertThat(authorize(p).location().getQuery()).contains("error=invalid_request");
  }

  @Test
  void authorize_withoutNonce_redirectsInvalidRequest() {
    Map<String, String> p = valid();
    p.remove("nonce");

    assertThat(authorize(p).location().getQuery())
        .contains("error=invalid_request")
        .contains("nonce");
  }

  @Test
  void authorize_implicitFlowOrUnknownScopeOrPromptNone_refused() {
    Map<String, String> implicit = valid();
    implicit.put("response_type", "id_token");
    Map<String, String> scope = valid();
    scope.put("scope", "openid email");
    Map<String, String> none = valid();
    none.put("prompt", "none");

    assertThat(authorize(implicit).location().getQuery())
        .contains("error=unsupported_response_type");
    assertThat(authorize(scope).location().getQuery()).contains("error=invalid_scope");
    assertThat(authorize(none).location().getQuery()).contains("error=login_required");
  }

  @Test
  void consent_postedWithoutCsrfToken_refused403AndNoCodeIssued() {
    SignIn s = new SignIn(bed, clinic, Set.of()).unlock(anna);
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("tx", s.page.field("tx"));
    forged.put("decision", "approve");

    Browser.Page refused = s.browser.form("/oidc/login/consent", forged);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("anti-CSRF");
    assertThat(refused.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void consent_postedFromAnotherBrowserWithTheToken_refused403() {
    SignIn s = new SignIn(bed, clinic, Set.of()).unlock(anna);

    Browser.Page refused = new Browser(bed.base).consent(s.page, "approve", false);

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void consent_postedFromAnotherOrigin_refused403() {
    SignIn s = new SignIn(bed, clinic, Set.of()).unlock(anna);
    String body =
        "tx=" + s.page.field("tx") + "&csrf=" + s.page.field("csrf") + "&decision=approve";

    Browser.Page refused =
        s.browser.send(
            java.net.http.HttpRequest.newBuilder(bed.base.resolve("/oidc/login/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void consent_denied_callbackCarriesAccessDeniedAndSdkSaysSo() {
    SignIn s = new SignIn(bed, clinic, Set.of()).unlock(anna);
    s.page = s.browser.consent(s.page, "deny", false);

    LoginResult r = s.client.handleCallback(s.callback(), s.request);

    assertThat(r.reason()).contains(LoginResult.Reason.AUTHORIZATION_ERROR);
    assertThat(r.detail()).startsWith("access_denied");
  }

  @Test
  void unlock_wrongPin_401ThenFiveFailuresEndTheSignIn() {
    SignIn s = new SignIn(bed, clinic, Set.of());
    Browser.Page page = s.page;
    for (int i = 1; i < 5; i++) {
      page = s.browser.unlock(page, "anna", SignIn.FACE_1, SignIn.FACE_2, "0000");
      assertThat(page.status()).isEqualTo(401);
      assertThat(page.body()).contains("Face or PIN did not match");
    }

    Browser.Page last = s.browser.unlock(page, "anna", SignIn.FACE_1, SignIn.FACE_2, "0000");

    assertThat(last.status()).isEqualTo(303);
    assertThat(last.location().getQuery()).contains("error=access_denied");
  }

  @Test
  void unlock_approvedBefore_skipsConsentUntilTheApprovalIsRevoked() throws Exception {
    new SignIn(bed, clinic, Set.of()).unlock(anna).approve(true).callback();

    SignIn again = new SignIn(bed, clinic, Set.of()).unlock(anna);
    assertThat(again.page.status()).isEqualTo(303);
    assertThat(again.page.location().getQuery()).contains("code=");

    assertThat(ApprovalsClient.revoke(bed, anna, clinic.party().did())).isEqualTo(204);
    SignIn third = new SignIn(bed, clinic, Set.of()).unlock(anna);
    assertThat(third.page.status()).isEqualTo(200);
    assertThat(third.page.body()).contains("Approve");
  }
}
