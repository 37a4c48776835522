package io.mip.cli.did;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.Cli;
import io.mip.cli.ExitCodes;
import io.mip.ledger.Operation;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DID commands end to end against a real node on port 0. */
class DidCommandsTest {
  @TempDir Path tmp;
  private MipNode node;
  private String url;
  private Path keys;

  @BeforeEach
  void start() {
    node = MipNode.open(NodeConfig.embedded(tmp.resolve("node"))).start(0);
    url = node.localUri().toString();
    keys = tmp.resolve("keys");
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Cli.Result mip(String... args) {
    return Cli.run(args);
  }

  private String create() {
    Cli.Result r = mip("did", "create", "--node", url, "--keys-dir", keys.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r.out().trim();
  }

  private HttpResponse<String> httpResolve(String did) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url + "/1.0/identifiers/" + did)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String s) throws Exception {
    return Operation.json().readTree(s);
  }

  private DidKeyFile keyFile(String did) throws Exception {
    return DidKeyFile.read(DidKeyFile.defaultPath(keys, did));
  }

  @Test
  void lifecycle_createRotateDeactivate_visibleOverHttp() throws Exception {
    String did = create();
    HttpResponse<String> created = httpResolve(did);
    assertThat(created.statusCode()).isEqualTo(200);
    String firstKey = keyFile(did).current().signing().publicKey().toMultibase();
    assertThat(created.body()).contains(firstKey);
    Instant beforeRotation = Instant.now();
    Thread.sleep(1100);

    Cli.Result rotated = mip("did", "rotate", did, "--node", url, "--keys-dir", keys.toString());

    assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
    DidKeyFile afterRotation = keyFile(did);
    String secondKey = afterRotation.current().signing().publicKey().toMultibase();
    assertThat(afterRotation.previous()).hasSize(1);
    assertThat(afterRotation.pending()).isEmpty();
    assertThat(httpResolve(did).body()).contains(secondKey).doesNotContain(firstKey);
    Cli.Result old =
        mip("did", "resolve", did, "--version-time", beforeRotation.toString(), "--node", url);
    assertThat(old.exitCode()).as(old.toString()).isZero();
    assertThat(json(old.out()).path("didDocument").toString())
        .contains(firstKey)
        .doesNotContain(secondKey);

    Path keyPath = DidKeyFile.defaultPath(keys, did);
    Cli.Result deactivated =
        mip("did", "deactivate", did, "--node", url, "--key", keyPath.toString());

    assertThat(deactivated.exitCode()).as(deactivated.toString()).isZero();
    HttpResponse<String> gone = httpResolve(did);
    assertThat(json(gone.body()).path("didDocumentMetadata").path("deactivated").asBoolean())
        .isTrue();
    Cli.Result resolved = mip("did", "resolve", did, "--node", url);
    assertThat(resolved.exitCode()).isZero();
    assertThat(json(resolved.out()).path("didDocumentMetadata").path("deactivated").asBoolean())
        .isTrue();
    Cli.Result refused = mip("did", "rotate", did, "--node", url, "--key", keyPath.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(refused.err()).contains("deactivated");
  }

  @Test
  void create_keyFile_ownerOnlyWithCurrentKeys() throws Exception {
    String did = create();
    Path file = DidKeyFile.defaultPath(keys, did);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
        .isEqualTo("rwx------");
    assertThat(keyFile(did).did()).isEqualTo(did);
  }

  @Test
  void create_withServices_listedInDocument() throws Exception {
    Cli.Result r =
        mip(
            "did",
            "create",
            "--node",
            url,
            "--keys-dir",
            keys.toString(),
            "--service",
            "hub=LinkedDomains=https://example.com/a?b=c");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String did = r.out().trim();
    assertThat(httpResolve(did).body()).contains("https://example.com/a?b=c");
    Cli.Result removed =
        mip(
            "did",
            "remove-service",
            did,
            "--id",
            "hub",
            "--node",
            url,
            "--keys-dir",
            keys.toString());
    assertThat(removed.exitCode()).as(removed.toString()).isZero();
    assertThat(httpResolve(did).body()).doesNotContain("example.com");
    Cli.Result added =
        mip(
            "did",
            "add-service",
            did,
            "--service",
            "#p=MipProfileStore=https://p.example",
            "--node",
            url,
            "--keys-dir",
            keys.toString());
    assertThat(added.exitCode()).as(added.toString()).isZero();
    assertThat(httpResolve(did).body()).contains("https://p.example");
  }

  @Test
  void create_malformedService_exitsTwo() {
    Cli.Result r =
        mip("did", "create", "--node", url, "--keys-dir", keys.toString(), "--service", "nope");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void rotate_keyFileOfAnotherDid_exitsTwo() throws Exception {
    String did = create();
    String other = create();
    Path otherFile = DidKeyFile.defaultPath(keys, other);

    Cli.Result r = mip("did", "rotate", did, "--node", url, "--key", otherFile.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("is for " + other);
  }

  @Test
  void rotate_interruptedEarlierRotation_reconcilesPendingKeys() throws Exception {
    String did = create();
    Path file = DidKeyFile.defaultPath(keys, did);
    DidKeyFile kf = DidKeyFile.read(file);
    kf.withPending(KeySet.generate()).write(file);

    Cli.Result r = mip("did", "rotate", did, "--node", url, "--key", file.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("never reached the ledger");
    assertThat(DidKeyFile.read(file).previous()).hasSize(1);
  }

  @Test
  void resolve_unknownDid_exitOneWithNotFound() throws Exception {
    String did = create();
    String unknown = did.substring(0, did.length() - 4) + "zzzz";

    Cli.Result r = mip("did", "resolve", unknown, "--node", url);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(r.err()).contains("notFound");
  }

  @Test
  void commands_unreachableNode_exitThree() {
    Cli.Result r = mip("did", "resolve", "did:mip:abc", "--node", "http://127.0.0.1:1");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
    assertThat(r.err()).contains("node unreachable");
  }

  @Test
  void dataTarget_lockedByRunningNode_exitThreeNamingNodeOption() {
    Cli.Result r =
        mip(
            "did",
            "create",
            "--data",
            tmp.resolve("node").toString(),
            "--keys-dir",
            keys.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
    assertThat(r.err()).contains("--node");
  }

  @Test
  void dataTarget_noNode_createAndResolveLocally() throws Exception {
    Path data = tmp.resolve("local");

    Cli.Result created =
        mip("did", "create", "--data", data.toString(), "--keys-dir", keys.toString());
    assertThat(created.exitCode()).as(created.toString()).isZero();
    String did = created.out().trim();
    Cli.Result resolved = mip("did", "resolve", did, "--data", data.toString());

    assertThat(resolved.exitCode()).as(resolved.toString()).isZero();
    assertThat(json(resolved.out()).path("didDocument").path("id").asText()).isEqualTo(did);
  }
}
