package io.mip.node.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.credential.testing.Testbed;
import io.mip.sdk.login.LoginResult;
import io.mip.sdk.login.MipClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the token endpoint and the SDK refuse after the person has approved. */
class TokenRefusalTest {
  @TempDir Path dir;
  private OidcTestbed bed;
  private OidcTestbed.App clinic;
  private OidcTestbed.App school;
  private FakePassports.Person anna;

  @BeforeEach
  void start() {
    bed = new OidcTestbed(dir);
    clinic = bed.registerApp("City Clinic");
    school = bed.registerApp("Hill School");
    anna = bed.person("anna", false);
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private SignIn approved() {
    SignIn s = new SignIn(bed, clinic, Set.of());
    s.callbackFor(anna);
    return s;
  }

  private TokenCalls.Answer exchange(SignIn s, OidcTestbed.App as, String verifier) {
    String a = TokenCalls.assertion(bed, as.party().did(), as.party().key());
    return TokenCalls.post(
        bed,
        TokenCalls.codeForm(SignIn.code(s.callback()), clinic.redirect().toString(), verifier, a),
        null);
  }

  @Test
  void exchange_valid_returnsTokensOnceWithNoStore() {
    SignIn s = approved();

    TokenCalls.Answer ok = exchange(s, clinic, s.request.codeVerifier());

    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    assertThat(ok.body().path("id_token").asText()).isNotEmpty();
    assertThat(ok.body().path("token_type").asText()).isEqualTo("Bearer");
  }

  @Test
  void exchange_withoutPkceVerifier_invalidGrant() {
    SignIn s = approved();

    TokenCalls.Answer r = exchange(s, clinic, null);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("invalid_grant");
    assertThat(r.body().path("error_description").asText()).contains("code_verifier");
  }

  @Test
  void exchange_wrongPkceVerifier_invalidGrant() {
    SignIn s = approved();

    TokenCalls.Answer r = exchange(s, clinic, "x".repeat(43));

    assertThat(r.error()).isEqualTo("invalid_grant");
  }

  @Test
  void exchange_codeReused_invalidGrantAndFirstAccessTokenRevoked() throws Exception {
    SignIn s = approved();
    TokenCalls.Answer first = exchange(s, clinic, s.request.codeVerifier());
    String access = first.body().path("access_token").asText();

    TokenCalls.Answer second = exchange(s, clinic, s.request.codeVerifier());

    assertThat(second.error()).isEqualTo("invalid_grant");
    assertThat(second.body().path("error_description").asText()).contains("already used");
    var userinfo =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(bed.base.resolve("/oidc/userinfo"))
                    .header("Authorization", "Bearer " + access)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(userinfo.statusCode()).isEqualTo(401);
  }

  @Test
  void exchange_after61Seconds_invalidGrantExpired() {
    SignIn s = approved();
    bed.clock.advance(Duration.ofSeconds(61));

    TokenCalls.Answer r = exchange(s, clinic, s.request.codeVerifier());

    assertThat(r.error()).isEqualTo("invalid_grant");
    assertThat(r.body().path("error_description").asText()).contains("expired");
  }

  @Test
  void exchange_at59Seconds_stillAccepted() {
    SignIn s = approved();
    bed.clock.advance(Duration.ofSeconds(59));

    assertThat(exchange(s, clinic, s.request.codeVerifier()).status()).isEqualTo(200);
  }

  @Test
  void exchange_codePresentedByAnotherApp_invalidGrantAndCodeBurnt() {
    SignIn s = approved();

    TokenCalls.Answer stolen = exchange(s, school, s.request.codeVerifier());
    TokenCalls.Answer owner = exchange(s, clinic, s.request.codeVerifier());

    assertThat(stolen.error()).isEqualTo("invalid_grant");
    assertThat(stolen.body().path("error_description").asText()).contains("another client");
    assertThat(owner.error()).isEqualTo("invalid_grant");
  }

  @Test
  void exchange_clientSecretOrNoneOrForeignKey_invalidClient() {
    SignIn s = approved();
    String code = SignIn.code(s.callback());
    String redirect = clinic.redirect().toString();
    Map<String, String> none = TokenCalls.codeForm(code, redirect, s.request.codeVerifier(), null);
    none.put("client_id", clinic.party().did());
    Map<String, String> post = TokenCalls.codeForm(code, redirect, s.request.codeVerifier(), null);
    post.put("client_id", clinic.party().did());
    post.put("client_secret", "hunter2");
    String forged = TokenCalls.assertion(bed, clinic.party().did(), school.party().key());

    TokenCalls.Answer a = TokenCalls.post(bed, none, null);
    TokenCalls.Answer b = TokenCalls.post(bed, post, null);
    TokenCalls.Answer c =
        TokenCalls.post(
            bed, none, "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()));
    TokenCalls.Answer d =
        TokenCalls.post(
            bed, TokenCalls.codeForm(code, redirect, s.request.codeVerifier(), forged), null);

    for (TokenCalls.Answer r : new TokenCalls.Answer[] {a, b, c, d}) {
      assertThat(r.status()).as(r.body().toString()).isEqualTo(401);
      assertThat(r.error()).isEqualTo("invalid_client");
    }
    assertThat(exchange(s, clinic, s.request.codeVerifier()).status()).isEqualTo(200);
  }

  @Test
  void exchange_unregisteredApp_invalidClient() {
    SignIn s = approved();
    Testbed.Party stranger = bed.party();

    TokenCalls.Answer r =
        TokenCalls.post(
            bed,
            TokenCalls.codeForm(
                SignIn.code(s.callback()),
                clinic.redirect().toString(),
                s.request.codeVerifier(),
                TokenCalls.assertion(bed, stranger.did(), stranger.key())),
            null);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body().path("error_description").asText()).contains("not registered");
  }

  @Test
  void exchange_assertionReplayed_invalidClient() {
    SignIn s = approved();
    String a = TokenCalls.assertion(bed, clinic.party().did(), clinic.party().key());
    String redirect = clinic.redirect().toString();
    TokenCalls.post(
        bed,
        TokenCalls.codeForm(SignIn.code(s.callback()), redirect, s.request.codeVerifier(), a),
        null);

    TokenCalls.Answer r =
        TokenCalls.post(bed, TokenCalls.codeForm("x", redirect, "y".repeat(43), a), null);

    assertThat(r.error()).isEqualTo("invalid_client");
    assertThat(r.body().path("error_description").asText()).contains("already used");
  }

  @Test
  void callback_stateMissingOrWrong_sdkRefusesBeforeExchanging() {
    SignIn s = approved();
    URI cb = s.callback();
    URI noState = URI.create(cb.toString().replaceAll("&state=[^&]*", ""));
    URI wrongState = URI.create(cb.toString().replaceAll("state=[^&]*", "state=forged"));

    LoginResult a = s.client.handleCallback(noState, s.request);
    LoginResult b = s.client.handleCallback(wrongState, s.request);
    LoginResult c = s.client.handleCallback(cb, s.request);

    assertThat(a.reason()).contains(LoginResult.Reason.MISSING_STATE);
    assertThat(b.reason()).contains(LoginResult.Reason.STATE_MISMATCH);
    assertThat(c.isOk()).as("the code was not spent by the refused callbacks").isTrue();
  }

  @Test
  void idToken_replayedToAnotherApp_sdkRefusesWrongAudience() {
    SignIn s = approved();
    LoginResult clinicLogin = s.client.handleCallback(s.callback(), s.request);
    MipClient schoolClient = bed.client(school);

    LoginResult replayed =
        schoolClient.validateIdToken(clinicLogin.login().get().idToken(), s.request.nonce());

    assertThat(clinicLogin.isOk()).isTrue();
    assertThat(replayed.reason()).contains(LoginResult.Reason.WRONG_AUDIENCE);
  }

  @Test
  void idToken_otherNonceOrLater_sdkRefuses() {
    SignIn s = approved();
    String idToken = s.client.handleCallback(s.callback(), s.request).login().get().idToken();

    LoginResult otherNonce = s.client.validateIdToken(idToken, "another-login");
    bed.clock.advance(Duration.ofMinutes(7));
    LoginResult late = s.client.validateIdToken(idToken, s.request.nonce());

    assertThat(otherNonce.reason()).contains(LoginResult.Reason.NONCE_MISMATCH);
    assertThat(late.reason()).contains(LoginResult.Reason.EXPIRED);
  }
}
