package io.mip.node.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.ledger.Operation;
import io.mip.profile.AccessLogReport;
import io.mip.profile.Category;
import io.mip.profile.CategoryPattern;
import io.mip.profile.Deposit;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordEnvelope;
import io.mip.profile.RecordId;
import io.mip.profile.RecordMetadata;
import io.mip.profile.RecordSealer;
import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.client.HttpProfileApi;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import io.mip.profile.store.BlobLocation;
import io.mip.profile.store.PackBlobStore;
import io.mip.sdk.profile.NodeDidKeys;
import io.mip.sdk.profile.ProfileClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5's story and refusals over real HTTP, with the SDK and the wallet-side client. */
class ProfileHttpTest {
  @TempDir Path dir;
  ProfileTestNode node;
  NodeDidKeys keys;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    node = new ProfileTestNode(dir, Clock.systemUTC());
    keys = new NodeDidKeys(node.uri());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  ProfileTestNode.Party app(String name) throws Exception {
    ProfileTestNode.Party p = node.party();
    Operation reg =
        ProfileClient.registration(
            p.did(), name, List.of("https://" + name + ".example/cb"), p.signing());
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(node.uri().resolve("/ledger/operations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(reg.canonicalBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    return p;
  }

  ProfileClient client(ProfileTestNode.Party p) {
    return ProfileClient.connect(node.uri(), p.did(), p.signing(), p.agreement(), keys);
  }

  PersonProfile wallet(ProfileTestNode.Party p) {
    return new PersonProfile(
        new HttpProfileApi(node.uri(), new RequestSigner(p.did(), p.signing(), Clock.systemUTC())),
        p.signing(),
        p.agreement(),
        keys,
        Clock.systemUTC());
  }

  static JsonNode content(String text) {
    return JsonNodeFactory.instance.objectNode().put("text", text);
  }

  @Test
  void story_overHttp_accessLogShowsExactlyTheReads() throws Exception {
    ProfileTestNode.Party person = node.party();
    ProfileTestNode.Party clinicParty = app("clinic");
    ProfileClient clinic = client(clinicParty);
    ProfileClient school = client(app("school"));
    PersonProfile wallet = wallet(person);
    List<RecordId> clinicIds = new ArrayList<>();
    for (String c : List.of("health.visit", "health.lab", "health.prescription")) {
      clinicIds.add(clinic.deposit(person.did(), c, "schema:" + c, content(c)).value().id());
    }
    List<RecordId> schoolIds = new ArrayList<>();
    for (String c : List.of("education.diploma", "education.transcript")) {
      schoolIds.add(school.deposit(person.did(), c, "schema:" + c, content(c)).value().id());
    }
    assertThat(wallet.readAll().value()).hasSize(5);

    StoredGrant g =
        wallet
            .grant(
                clinicParty.did(),
                List.of(new CategoryPattern("health.*")),
                Clock.systemUTC().instant().plus(Duration.ofHours(1)),
                false,
                ConsentGrant.Disclosure.COMMITMENT)
            .value();
    assertThat(clinic.readable(person.did()).value())
        .extracting(RecordMetadata::id)
        .containsExactlyInAnyOrderElementsOf(clinicIds);
    for (RecordId id : clinicIds) {
      assertThat(clinic.read(id).value().isOpened()).isTrue();
    }
    assertThat(clinic.read(schoolIds.get(0)).refusal().code()).isEqualTo("no-grant");

    wallet.revoke(g.id()).value();
    assertThat(clinic.read(clinicIds.get(0)).refusal().code()).isEqualTo("grant-revoked");

    node.profile.services().anchorer().anchorNow();
    AccessLogReport log = wallet.accessLog().value();
    assertThat(log.entries())
        .extracting(AccessLogEntry::record)
        .containsExactlyElementsOf(clinicIds);
    assertThat(log.chain().ok()).isTrue();
    assertThat(log.headAnchor()).hasValueSatisfying(v -> assertThat(v.ok()).isTrue());
    assertThat(wallet.verify(clinicIds.get(1)).value().ok()).isTrue();
  }

  private HttpRequest signedGet(ProfileTestNode.Party p, String target) {
    String aud = node.profile.audience();
    String auth =
        new RequestSigner(p.did(), p.signing(), Clock.systemUTC())
            .authorization(aud, "GET", target, new byte[0]);
    return HttpRequest.newBuilder(node.uri().resolve(target))
        .header("Authorization", auth)
        .GET()
        .build();
  }

  private JsonNode problem(HttpResponse<String> r) throws IOException {
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    return Operation.json().readTree(r.body());
  }

  @Test
  void replayedSignedRequest_refused401ReplayedRequest() throws Exception {
    ProfileTestNode.Party person = node.party();
    HttpRequest req = signedGet(person, "/profile/records");
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    HttpResponse<String> again = http.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(problem(again).path("type").asText())
        .isEqualTo("https://mip.io/problems/replayed-request");
  }

  @Test
  void requestSignedByAnotherAppsKey_refused401BadSignature() throws Exception {
    ProfileTestNode.Party clinic = app("clinic");
    ProfileTestNode.Party school = app("school");
    ProfileTestNode.Party forged =
        new ProfileTestNode.Party(clinic.did(), school.signing(), school.agreement());
    HttpResponse<String> r =
        http.send(signedGet(forged, "/profile/records"), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(problem(r).path("type").asText())
        .isEqualTo("https://mip.io/problems/bad-request-signature");
  }

  @Test
  void unsignedRequest_refused401() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(node.uri().resolve("/profile/records")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).contains("MIP");
  }

  @Test
  void oversizedRecord_refused413() throws Exception {
    ProfileTestNode.Party person = node.party();
    ProfileTestNode.Party clinicParty = app("clinic");
    var big = JsonNodeFactory.instance.objectNode().put("blob", "x".repeat(1024 * 1024));
    var r = client(clinicParty).deposit(person.did(), "health.scan", "schema:scan", big);
    assertThat(r.refusal().reason()).isEqualTo(Reason.RECORD_TOO_LARGE);

    Deposit small =
        RecordSealer.seal(
            new RecordEnvelope(new Category("health.scan"), "schema:scan", content("x")),
            person.did(),
            person.agreement().publicKey(),
            clinicParty.did(),
            Map.of());
    Deposit oversized =
        new Deposit(
            small.binding(), new byte[ProfileLimits.MAX_CIPHERTEXT_BYTES + 1], small.keys());
    HttpProfileApi api =
        new HttpProfileApi(
            node.uri(),
            new RequestSigner(clinicParty.did(), clinicParty.signing(), Clock.systemUTC()));
    var refused = api.deposit(oversized);
    assertThat(refused.refusal().code()).isEqualTo("record-too-large");
    assertThat(refused.refusal().status()).isEqualTo(413);
  }

  @Test
  void recordAlteredInStorage_refused500RecordCorrupted() throws Exception {
    ProfileTestNode.Party person = node.party();
    ProfileClient clinic = client(app("clinic"));
    RecordId id = clinic.deposit(person.did(), "health.visit", "s", content("x")).value().id();
    BlobLocation at =
        ((PackBlobStore) node.profile.services().storage().blobs()).locate(id).orElseThrow();
    try (FileChannel pack =
        FileChannel.open(at.file(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      pack.read(one, at.offset());
      one.put(0, (byte) (one.get(0) ^ 1)).rewind();
      pack.write(one, at.offset());
    }
    var r = wallet(person).read(id);
    assertThat(r.refusal().reason()).isEqualTo(Reason.RECORD_CORRUPTED);
    HttpResponse<String> raw =
        http.send(
            signedGet(person, "/profile/records/" + id), HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(500);
    assertThat(problem(raw).path("type").asText())
        .isEqualTo("https://mip.io/problems/record-corrupted");
  }

  @Test
  void profileInfo_isPublicAndNamesTheAudience() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(node.uri() + "/profile/info")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Operation.json().readTree(r.body()).path("audience").asText())
        .isEqualTo(node.profile.audience());
  }
}
