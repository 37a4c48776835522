package io.mip.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.ResolutionOptions;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node over the embedded ledger and did:mip, end to end over HTTP. */
class MipNodeTest {
  private static final String P = "https://mip.io/problems/";
  @TempDir Path data;
  private MipNode node;
  private Http http;
  private final Ed25519PrivateKey key = Ed25519PrivateKey.generate();

  @BeforeEach
  void start() {
    node = MipNode.open(NodeConfig.embedded(data)).start(0);
    http = new Http(node.localUri());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private HttpResponse<String> submit(Operation op) {
    return http.post("/ledger/operations", "application/json", op.toJson().toString().getBytes());
  }

  private String createDid() {
    Operation create =
        DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    assertThat(submit(create).statusCode()).isEqualTo(201);
    return DidMipOperations.didOf(create);
  }

  private DidMipState state(String did) {
    List<LedgerEntry> entries = node.ledger().stream(did);
    return DidMipState.replay(did, entries, ResolutionOptions.latest()).orElseThrow();
  }

  private static String problemType(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    return Http.json(r).path("type").asText().substring(P.length());
  }

  @Test
  void open_freshDataDir_healthUpAtHeightZero() {
    JsonNode health = Http.json(http.get("/health"));

    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("ledger").path("backend").asText()).isEqualTo("embedded");
    assertThat(health.path("ledger").path("height").asLong()).isZero();
    assertThat(Http.json(http.get("/ledger/blocks/0")).path("height").asLong()).isZero();
  }

  @Test
  void resolve_createdDid_200WithSigningKey() {
    String did = createDid();

    HttpResponse<String> r = http.get("/1.0/identifiers/" + did);

    assertThat(r.statusCode()).isEqualTo(200);
    String doc = Http.json(r).path("didDocument").toString();
    assertThat(doc).contains(key.publicKey().toMultibase());
  }

  @Test
  void resolve_rotatedDid_versionTimeBeforeRotationShowsOldKey() throws Exception {
    String did = createDid();
    Instant beforeRotation = Instant.now();
    Thread.sleep(1100);
    Ed25519PrivateKey next = Ed25519PrivateKey.generate();
    assertThat(submit(DidMipOperations.rotate(state(did), key, next.publicKey())).statusCode())
        .isEqualTo(201);

    String latest = Http.json(http.get("/1.0/identifiers/" + did)).path("didDocument").toString();
    String old =
        Http.json(http.get("/1.0/identifiers/" + did + "?versionTime=" + beforeRotation))
            .path("didDocument")
            .toString();

    assertThat(latest).contains(next.publicKey().toMultibase());
    assertThat(old).contains(key.publicKey().toMultibase());
    assertThat(old).doesNotContain(next.publicKey().toMultibase());
  }

  @Test
  void deactivate_thenResolve_410DeactivatedAndUpdatesRefused() {
    String did = createDid();
    DidMipState before = state(did);
    assertThat(submit(DidMipOperations.deactivate(before, key)).statusCode()).isEqualTo(201);

    HttpResponse<String> r = http.get("/1.0/identifiers/" + did);

    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(Http.json(r).path("didDocumentMetadata").path("deactivated").asBoolean()).isTrue();
    DidMipState after = state(did);
    long size = node.ledger().size();
    Operation update = DidMipOperations.update(did, after.head(), key, before.state());
    HttpResponse<String> refused = submit(update);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(problemType(refused)).isEqualTo("did-deactivated");
    assertThat(Http.json(http.get("/ledger/head")).path("size").asLong()).isEqualTo(size);
  }

  @Test
  void submit_updateSignedByStranger_403UnauthorizedSigner() {
    String did = createDid();
    Ed25519PrivateKey stranger = Ed25519PrivateKey.generate();

    HttpResponse<String> r =
        submit(DidMipOperations.update(did, state(did).head(), stranger, state(did).state()));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(problemType(r)).isEqualTo("unauthorized-signer");
  }

  @Test
  void submit_replayedUpdate_409BrokenChain() {
    String did = createDid();
    DidMipState s = state(did);
    submit(DidMipOperations.rotate(s, key, Ed25519PrivateKey.generate().publicKey()));
    long size = node.ledger().size();

    HttpResponse<String> r =
        submit(DidMipOperations.addService(s, key, new io.mip.did.Service("#x", "T", "https://x")));

    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(problemType(r)).isEqualTo("broken-chain");
    assertThat(Http.json(http.get("/ledger/head")).path("size").asLong()).isEqualTo(size);
  }

  @Test
  void badInputs_eachOwnProblem_nothingStored() {
    long sizeBefore = Http.json(http.get("/ledger/head")).path("size").asLong();
    Operation create =
        DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    ObjectNode forged = create.toJson();
    String sig = forged.path("sig").asText();
    char flipped = sig.charAt(10) == 'A' ? 'B' : 'A';
    forged.put("sig", sig.substring(0, 10) + flipped + sig.substring(11));
    byte[] big = new byte[70_000];
    java.util.Arrays.fill(big, (byte) '[');

    assertThat(problemType(http.postJson("/ledger/operations", forged.toString())))
        .isEqualTo("bad-signature");
    assertThat(problemType(http.postJson("/ledger/operations", "{not json")))
        .isEqualTo("invalid-json");
    assertThat(problemType(http.post("/ledger/operations", "application/json", big)))
        .isEqualTo("body-too-large");
    assertThat(http.get("/1.0/identifiers/did:mip:!!").statusCode()).isEqualTo(400);
    assertThat(http.get("/1.0/identifiers/did:mip:").statusCode()).isEqualTo(400);
    assertThat(Http.json(http.get("/ledger/head")).path("size").asLong()).isEqualTo(sizeBefore);
  }

  @Test
  void resolve_unknownMipDid_404NotFound() {
    Operation create =
        DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());

    HttpResponse<String> r = http.get("/1.0/identifiers/" + DidMipOperations.didOf(create));

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.json(r).path("didResolutionMetadata").path("error").asText())
        .isEqualTo("notFound");
  }
}
