package io.mip.node.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.mip.credential.testing.Testbed;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.face.TestModels;
import io.mip.ledger.Operation;
import io.mip.node.TestApps;
import io.mip.node.internal.http.ErrorHandling;
import io.mip.profile.ProfilePolicies;
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
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
  private static Testbed bed;
  private static Javalin app;
  private static String base;
  private static String appDid;
  private static Ed25519PrivateKey appKey;
  private static final FaceModels MODELS = FaceModels.defaultPack();

  @BeforeAll
  static void start() {
    bed = Testbed.open(dir.resolve("ledger"), ProfilePolicies.all());
    Testbed.Party faceApp = TestApps.register(bed, "Face App", "https://app.example/cb");
    appKey = faceApp.key();
    appDid = faceApp.did();
    var keys = new ResolverPartyKeys(bed.resolver());
    Clock clock = Clock.systemUTC();
    app = Javalin.create(c -> c.showJavalinBanner = false);
    String[] audience = new String[1];
    AppCallers callers =
        new AppCallers(
            () -> audience[0],
            () -> new RequestAuthenticator(audience[0], keys, clock),
            new AppRegistry(bed.ledger(), keys, clock));
    ErrorHandling.install(app);
    new FaceAiRoutes(callers, new TokenBucket(6, 0.01, clock), MODELS).register(app);
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    audience[0] = base;
  }

  @AfterAll
  static void stop() {
    app.stop();
    bed.close();
    MODELS.close();
  }

  private static byte[] photo(String relative) {
    return TestModels.photo(relative);
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
    Testbed.Party stranger = bed.createDid();
    Map<String, byte[]> junk = Map.of("image1", new byte[] {1}, "image2", new byte[] {2});

    HttpResponse<String> unsigned = post("/ai/face/compare", junk, null, null);
    HttpResponse<String> person = post("/ai/face/compare", junk, stranger.did(), stranger.key());

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(person.statusCode()).isEqualTo(403);
    assertThat(json(person).path("type").asText()).endsWith("not-a-registered-app");
  }

  @Test
  void compare_overTheRate_429WithRetryAfter() throws Exception {
    Testbed.Party busy = TestApps.register(bed, "Busy App", "https://b.example/cb");
    Map<String, byte[]> junk = Map.of("image1", new byte[] {1}, "image2", new byte[] {2});
    HttpResponse<String> last = null;
    for (int i = 0; i < 7; i++) {
      last = post("/ai/face/compare", junk, busy.did(), busy.key());
    }

    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(last).path("type").asText()).endsWith("rate-limited");
  }
}
