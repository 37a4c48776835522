package io.mip.node.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.mip.ledger.Operation;
import io.mip.sdk.login.LoginResult;
import io.mip.sdk.login.MipClient;
import io.mip.sdk.login.MipLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-ins that succeed, through the pages and the SDK, against a real provider. */
class OidcLoginTest {
  @TempDir Path dir;
  private OidcTestbed bed;

  @BeforeEach
  void start() {
    bed = new OidcTestbed(dir);
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void discovery_served_advertisesOnlyWhatIsSupported() throws Exception {
    JsonNode d = get("/.well-known/openid-configuration");

    assertThat(d.path("issuer").asText()).isEqualTo(bed.base.toString());
    assertThat(d.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
    assertThat(d.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
    assertThat(d.path("token_endpoint_auth_methods_supported").toString())
        .isEqualTo("[\"private_key_jwt\"]");
    assertThat(d.path("subject_types_supported").toString()).isEqualTo("[\"pairwise\"]");
    assertThat(d.path("id_token_signing_alg_values_supported").toString())
        .isEqualTo("[\"ES256\",\"EdDSA\"]");
    assertThat(d.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
  }

  @Test
  void jwks_served_holdsPublicKeysOnly() throws Exception {
    JsonNode keys = get("/oidc/jwks").path("keys");

    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.toString()).doesNotContain("\"d\"");
  }

  @Test
  void signIn_withKycScopes_sdkGetsPairwiseSubjectAndVerifiedClaims() throws Exception {
    OidcTestbed.App clinic = bed.registerApp("City Clinic");
    FakePassports.Person anna = bed.person("anna", true);
    SignIn s = new SignIn(bed, clinic, Set.of("given_name", "age_over_18"));

    LoginResult r = s.client.handleCallback(s.callbackFor(anna), s.request);

    assertThat(r.isOk()).as(r.toString()).isTrue();
    MipLogin login = r.login().get();
    assertThat(login.subject()).isNotEqualTo(anna.did()).doesNotContain("did:");
    assertThat(login.claims())
        .containsEntry("given_name", "ANNA MARIA")
        .containsEntry("age_over_18", true);
    assertThat(login.claims()).doesNotContainKeys("family_name", "birthdate", "document_number");
    assertThat(login.kycIssuer()).contains(bed.kycIssuerParty.did());
    JsonNode userinfo = userinfo(login.accessToken());
    assertThat(userinfo.path("sub").asText()).isEqualTo(login.subject());
    assertThat(userinfo.path("given_name").asText()).isEqualTo("ANNA MARIA");
    assertThat(userinfo.path("mip_kyc_issuer").asText()).isEqualTo(bed.kycIssuerParty.did());
  }

  @Test
  void signIn_twoApps_getDifferentSubjectsButEachTheSameTwice() {
    OidcTestbed.App clinic = bed.registerApp("City Clinic");
    OidcTestbed.App school = bed.registerApp("Hill School");
    FakePassports.Person anna = bed.person("anna", false);

    String a1 = subject(clinic, anna);
    String a2 = subject(clinic, anna);
    String b1 = subject(school, anna);

    assertThat(a1).isEqualTo(a2);
    assertThat(b1).isNotEqualTo(a1);
  }

  @Test
  void signIn_kycAskedWithoutCredential_succeedsWithoutClaimsAndSaysSo() {
    OidcTestbed.App clinic = bed.registerApp("City Clinic");
    FakePassports.Person bob = bed.person("bob", false);
    SignIn s = new SignIn(bed, clinic, Set.of("kyc")).unlock(bob);

    assertThat(s.page.body()).contains("no KYC credential");
    LoginResult r = s.client.handleCallback(s.approve(false).callback(), s.request);

    assertThat(r.isOk()).isTrue();
    assertThat(r.login().get().claims()).isEmpty();
    assertThat(r.login().get().kycIssuer()).isEmpty();
  }

  @Test
  void signIn_eddsaAsked_idTokenSignedWithEdDsa() throws Exception {
    OidcTestbed.App clinic = bed.registerApp("City Clinic");
    FakePassports.Person anna = bed.person("anna", false);
    MipClient client =
        bed.client(
            clinic,
            MipClient.Settings.defaults().withClock(bed.clock).withIdTokenAlg(JWSAlgorithm.EdDSA));
    SignIn s = new SignIn(client, Set.of(), new Browser(bed.base));

    LoginResult r = client.handleCallback(s.callbackFor(anna), s.request);

    assertThat(r.isOk()).as(r.toString()).isTrue();
    assertThat(SignedJWT.parse(r.login().get().idToken()).getHeader().getAlgorithm())
        .isEqualTo(JWSAlgorithm.EdDSA);
  }

  @Test
  void signIn_profileScope_grantsThroughThePassportAndIsNeverSilent() {
    OidcTestbed.App clinic = bed.registerApp("City Clinic");
    FakePassports.Person anna = bed.person("anna", false);
    SignIn first = new SignIn(bed, clinic, Set.of("profile:health.*")).unlock(anna);
    assertThat(first.page.body()).contains("health.*");
    first.approve(true).callback();

    SignIn second = new SignIn(bed, clinic, Set.of("profile:health.*")).unlock(anna);

    assertThat(bed.passports.grants).containsExactly(clinic.party().did() + " [health.*]");
    assertThat(second.page.status()).isEqualTo(200);
    assertThat(second.page.body()).contains("Approve");
  }

  @Test
  void unlockPage_served_hasStrictCspAndNoExternalAssets() {
    OidcTestbed.App clinic = bed.registerApp("City Clinic");
    SignIn s = new SignIn(bed, clinic, Set.of());

    String csp = s.page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'");
    assertThat(csp).contains("form-action 'self' http://127.0.0.1:9");
    assertThat(s.page.body())
        .contains("City Clinic")
        .doesNotContain("<script")
        .doesNotContain("src=\"http");
    assertThat(s.page.body()).contains("capture=\"user\"");
  }

  private String subject(OidcTestbed.App app, FakePassports.Person p) {
    SignIn s = new SignIn(bed, app, Set.of());
    LoginResult r = s.client.handleCallback(s.callbackFor(p), s.request);
    assertThat(r.isOk()).as(r.toString()).isTrue();
    return r.login().get().subject();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(bed.base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return Operation.json().readTree(r.body());
  }

  private JsonNode userinfo(String accessToken) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(bed.base + "/oidc/userinfo"))
                    .header("Authorization", "Bearer " + accessToken)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Operation.json().readTree(r.body());
  }
}
