package io.mip.node.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.mip.credential.testing.Testbed;
import io.mip.face.FaceEngine;
import io.mip.face.ModelPack;
import io.mip.face.TestModels;
import io.mip.ledger.Operation;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import io.mip.wallet.passport.DidRegistry;
import io.mip.wallet.passport.Enrolled;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.PassportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: an independent client signs in end to end. npm {@code openid-client} (installed into
 * a temporary folder) performs discovery, the authorization request with PKCE, the code exchange
 * with {@code private_key_jwt} and ID token validation; headless Chromium (driven by npm {@code
 * playwright-core}) unlocks a real passport on the node with photos from ../shared/faces and the
 * PIN, and approves. Skips, saying why, without npm, Chromium ({@code .ci/install-browser.sh}) or
 * the photos.
 */
@Tag("slow")
class OpenIdClientInteropTest {
  private static final String PIN = "482916";

  @TempDir Path data;
  @TempDir Path npm;

  @Test
  void openidClient_signsInThroughTheBrowser_getsPairwiseSubAndVerifiedClaims() throws Exception {
    Path faces = TestModels.faces();
    Path chromium = Path.of(System.getenv().getOrDefault("MIP_CHROMIUM", "/usr/bin/chromium"));
    Assumptions.assumeTrue(
        Files.isExecutable(chromium),
        "no Chromium at " + chromium + " (run .ci/install-browser.sh)");
    Assumptions.assumeTrue(run(npm, 60, "npm", "--version") == 0, "npm not found");
    Files.writeString(
        npm.resolve("package.json"),
        "{\"name\":\"mip-oidc-interop\",\"private\":true,\"type\":\"module\"}");
    int installed =
        run(
            npm,
            600,
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--silent",
            "openid-client@6.9.0",
            "playwright-core@1.65.1");
    Assumptions.assumeTrue(
        installed == 0, "npm install openid-client playwright-core failed (offline?)");
    copyScript(npm.resolve("login.mjs"));

    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext(
        "/interop/callback",
        ex -> {
          byte[] body = "back at the app".getBytes(StandardCharsets.US_ASCII);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    app.start();
    String redirect = "http://127.0.0.1:" + app.getAddress().getPort() + "/interop/callback";
    try (MipNode node = MipNode.open(NodeConfig.embedded(data)).start(0)) {
      Path wallets = Files.createDirectories(data.resolve("wallets"));
      Testbed parties = Testbed.attach(node.ledger(), data.resolve("ledger"));
      String kycIssuer;
      String person;
      try (FaceEngine engine = FaceEngine.open(ModelPack.defaultPack())) {
        PassportResult<Enrolled> enrolled =
            new PassportService(engine, PassportSettings.DEFAULT)
                .create(
                    TestModels.photos(
                        "deepface/img1.jpg", "deepface/img2.jpg", "deepface/img4.jpg"),
                    PIN.toCharArray(),
                    DidRegistry.of(node.ledger()),
                    wallets.resolve("anna.passport"));
        assertThat(enrolled.isOk()).as(enrolled.toString()).isTrue();
        try (var session = enrolled.value().session()) {
          person = session.did();
          kycIssuer =
              InteropParties.issueKyc(
                  parties,
                  data.resolve("interop-alloc"),
                  session,
                  wallets.resolve("anna.kyc.sd-jwt"));
        }
      }
      String client = InteropParties.registerApp(parties, redirect, npm.resolve("app.jwk.json"));

      Path stderr = npm.resolve("stderr.txt");
      ProcessBuilder pb =
          new ProcessBuilder("node", "login.mjs")
              .directory(npm.toFile())
              .redirectError(stderr.toFile());
      pb.environment()
          .putAll(
              Map.of(
                  "MIP_ISSUER",
                  node.localUri().toString(),
                  "MIP_CLIENT_ID",
                  client,
                  "MIP_APP_JWK",
                  npm.resolve("app.jwk.json").toString(),
                  "MIP_REDIRECT_URI",
                  redirect,
                  "MIP_SCOPE",
                  "openid given_name age_over_18 profile:health.*",
                  "MIP_PASSPORT",
                  "anna",
                  "MIP_FACE1",
                  faces.resolve("deepface/img5.jpg").toString(),
                  "MIP_FACE2",
                  faces.resolve("deepface/img6.jpg").toString(),
                  "MIP_PIN",
                  PIN,
                  "MIP_CHROMIUM",
                  chromium.toString()));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
      String err = Files.readString(stderr);
      assertThat(p.exitValue()).as("openid-client script failed:\n" + err + out).isZero();

      JsonNode result = Operation.json().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
      JsonNode claims = result.path("claims");
      assertThat(claims.path("iss").asText()).isEqualTo(node.localUri().toString());
      assertThat(claims.path("aud").toString()).contains(client);
      assertThat(claims.path("sub").asText()).isNotEmpty().doesNotContain("did:");
      assertThat(claims.path("given_name").asText()).isEqualTo("ANNA MARIA");
      assertThat(claims.path("age_over_18").asBoolean()).isTrue();
      assertThat(claims.path("mip_kyc_issuer").asText()).isEqualTo(kycIssuer);
      assertThat(claims.has("family_name")).isFalse();
      assertThat(result.path("userinfo").path("sub").asText())
          .isEqualTo(claims.path("sub").asText());
      assertThat(result.path("consent").asText())
          .contains("Interop Clinic")
          .contains("over 18")
          .contains("health.*");
      assertThat(node.ledger().stream("consent:" + person))
          .as("the approval made a Smart Profile grant signed by the passport")
          .extracting(e -> e.operation().type())
          .containsExactly("consent.grant");
    } finally {
      app.stop(0);
    }
  }

  private static void copyScript(Path to) throws IOException {
    try (InputStream in =
        OpenIdClientInteropTest.class.getResourceAsStream("openid-client-login.mjs")) {
      Files.write(to, in.readAllBytes());
    }
  }

  private static int run(Path dir, int seconds, String... command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
