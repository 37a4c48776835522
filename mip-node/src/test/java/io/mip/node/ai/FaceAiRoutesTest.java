package io.mip.node.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.CompositeDidResolver;
import io.mip.did.DidResolver;
import io.mip.did.key.DidKeyResolver;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.node.internal.http.ErrorHandling;
import io.mip.profile.ProfilePolicies;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.RequestAuthenticator;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.auth.ResolverPartyKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The face AI routes with the real default model pack (fetched with npm on first use) and photos
 * from ../shared/faces.
 */
@Tag("slow")
class FaceAiRoutesTest {
  @TempDir static Path dir;
  private static EmbeddedLedger ledger;
  private static Javalin app;
  private static String base;
  private static String appDid;
  private static Ed25519PrivateKey appKey;
  private static final FaceModels MODELS = FaceModels.defaultPack();

  @BeforeAll
  static void start() {
    List<OperationPolicy> policies = new ArrayList<>(List.of(new DidMipPolicy()));
    policies.addAll(ProfilePolicies.all());
    ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies);
    DidResolver resolver =
        new CompositeDidResolver(
            Map.of("mip", new DidMipResolver(ledger), "key", new DidKeyResolver()));
    appKey = Ed25519PrivateKey.generate();
    Operation create =
        DidMipOperations.create(appKey, X25519PrivateKey.generate().publicKey(), List.of());
    ledger.submit(create);
    appDid = DidMipOperations.didOf(create);
    ledger.submit(
        AppOperations.register(
            new AppRegistration(appDid, "Face App", List.of("https://app.example/cb")), appKey));
    var keys = new ResolverPartyKeys(resolver);
    Clock clock = Clock.systemUTC();
    app = Javalin.create(c -> c.showJavalinBanner = false);
    String[] audience = new String[1];
    AppCallers callers =
        new AppCallers(
            () -> audience[0],
            () -> new RequestAuthenticator(audience[0], keys, clock),
            new AppRegistry(ledger, keys, clock));
    ErrorHandling.install(app);
    new FaceAiRoutes(callers, new TokenBucket(6, 0.01, clock), MODELS).register(app);
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    audience[0] = base;
  }

  @AfterAll
  static void stop() {
    app.stop();
    ledger.close();
    MODELS.close();
  }

  private static byte[] photo(String relative) throws IOException {
    Path faces =
        Path.of(System.getProperty("mip.repo.root", ".")).resolve("../shared/faces").normalize();
    Assumptions.assumeTrue(Files.isDirectory(faces), "face photos not found at " + faces);
    return Files.readAllBytes(faces.resolve(relative));
  }

  private static HttpResponse<String> post(
      String path, Map<String, byte[]> images, String did, Ed25519PrivateKey key) throws Exception {
    String boundary = "aiTestBoundary42";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> e : images.entrySet()) {
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + e.getKey()
                  + "\"; filename=\"x.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(e.getValue());
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    byte[] body = out.toByteArray();
    HttpRequest.Builder r =
        HttpRequest.newBuilder(java.net.URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      r.header(
          "Authorization",
          new RequestSigner(did, key, Clock.systemUTC()).authorization(base, "POST", path, body));
    }
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return Operation.json().readTree(r.body());
  }

  private static Map<String, byte[]> pair(String a, String b) throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("image1", photo(a));
    m.put("image2", photo(b));
    return m;
  }

  @Test
  void compare_samePersonAndStrangers_decidedAtTheThreshold() throws Exception {
    HttpResponse<String> same =
        post("/ai/face/compare", pair("deepface/img1.jpg", "deepface/img2.jpg"), appDid, appKey);
    HttpResponse<String> other =
        post("/ai/face/compare", pair("deepface/img1.jpg", "deepface/img26.jpg"), appDid, appKey);

    assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
    assertThat(json(same).path("decision").asText()).isEqualTo("match");
    assertThat(json(same).path("threshold").asDouble())
        .isEqualTo(io.mip.face.FaceMatcher.DEFAULT_THRESHOLD);
    assertThat(json(other).path("decision").asText()).isEqualTo("no_match");
    assertThat(json(other).path("similarity").asDouble())
        .isLessThan(io.mip.face.FaceMatcher.DEFAULT_THRESHOLD);
  }

  @Test
  void liveness_photo_scoreAndDecision() throws Exception {
    HttpResponse<String> r =
        post("/ai/face/liveness", Map.of("image", photo("deepface/img1.jpg")), appDid, appKey);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).path("decision").asText()).isIn("real", "spoof");
    assertThat(json(r).path("score").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void compare_notAnImage_422WithReason() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("image1", "not an image".getBytes(StandardCharsets.US_ASCII));
    m.put("image2", photo("deepface/img1.jpg"));

    HttpResponse<String> r = post("/ai/face/compare", m, appDid, appKey);

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).path("reason").asText()).isEqualTo("not_an_image");
  }

  @Test
  void compare_unsignedOrNotAnApp_refusedBeforeAnyImageIsRead() throws Exception {
    Ed25519PrivateKey stranger = Ed25519PrivateKey.generate();
    Operation create =
        DidMipOperations.create(stranger, X25519PrivateKey.generate().publicKey(), List.of());
    ledger.submit(create);
    Map<String, byte[]> junk = Map.of("image1", new byte[] {1}, "image2", new byte[] {2});

    HttpResponse<String> unsigned = post("/ai/face/compare", junk, null, null);
    HttpResponse<String> person =
        post("/ai/face/compare", junk, DidMipOperations.didOf(create), stranger);

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(person.statusCode()).isEqualTo(403);
    assertThat(json(person).path("type").asText()).endsWith("not-a-registered-app");
  }

  @Test
  void compare_overTheRate_429WithRetryAfter() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    Operation create =
        DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    ledger.submit(create);
    String did = DidMipOperations.didOf(create);
    ledger.submit(
        AppOperations.register(
            new AppRegistration(did, "Busy App", List.of("https://b.example/cb")), key));
    Map<String, byte[]> junk = Map.of("image1", new byte[] {1}, "image2", new byte[] {2});
    HttpResponse<String> last = null;
    for (int i = 0; i < 7; i++) {
      last = post("/ai/face/compare", junk, did, key);
    }

    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(last).path("type").asText()).endsWith("rate-limited");
  }
}
