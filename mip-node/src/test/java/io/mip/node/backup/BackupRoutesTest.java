package io.mip.node.backup;

import static io.mip.node.backup.BackupHttp.code;
import static io.mip.node.backup.BackupHttp.json;
import static io.mip.node.backup.BackupHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.wallet.passport.backup.BackupUpload;
import io.mip.wallet.passport.backup.PassportBackup;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup routes on a real node (port 0, embedded ledger) with a synthetic owner: who may write
 * and delete a backup, what anyone may read, and size and epoch checks. The restore side is in
 * {@link RestoreRoutesTest}.
 */
class BackupRoutesTest {
  @TempDir Path dir;
  BackupTestNode t;
  SyntheticOwner owner;
  String audience;

  @BeforeEach
  void open() {
    t = new BackupTestNode(dir);
    owner = new SyntheticOwner(t.node().ledger());
    audience =
        json(send(t.uri(), "GET", "/passport-backups", null, null)).path("audience").asText();
  }

  @AfterEach
  void close() {
    t.close();
  }

  HttpResponse<String> put(byte[] body) {
    return send(t.uri(), "PUT", owner.path(), auth(owner.didKey, "PUT", body), body);
  }

  String auth(Ed25519PrivateKey key, String method, byte[] body) {
    return owner.authorization(key, t.clock, audience, method, owner.path(), body);
  }

  @Test
  void info_audienceAndLimits() {
    var info = json(send(t.uri(), "GET", "/passport-backups", null, null));

    assertThat(audience).startsWith("mip-node-backup:");
    assertThat(info.path("maxUploadBytes").asInt()).isEqualTo(BackupUpload.MAX_BYTES);
    assertThat(info.path("challengeSeconds").asInt()).isEqualTo(60);
    assertThat(info.path("backoff").path("freeAttempts").asInt()).isEqualTo(3);
  }

  @Test
  void put_signedByTheDid_createdThenReplacedAndPublicPartServed() {
    HttpResponse<String> first = put(owner.upload());
    HttpResponse<String> second = put(owner.upload());
    HttpResponse<String> got = send(t.uri(), "GET", owner.path(), null, null);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(json(first).path("replaced").asBoolean()).isFalse();
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).path("replaced").asBoolean()).isTrue();
    assertThat(got.statusCode()).isEqualTo(200);
    PassportBackup served = PassportBackup.fromJson(json(got));
    assertThat(served.verifies(owner.didKey.publicKey())).isTrue();
    assertThat(got.body())
        .doesNotContain(Base64Url.encode(owner.sealed))
        .doesNotContain(owner.authKey.publicKey().toMultibase())
        .doesNotContain("sealed");
  }

  @Test
  void put_unsigned_401() {
    byte[] body = owner.upload();
    HttpResponse<String> r = send(t.uri(), "PUT", owner.path(), null, body);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(send(t.uri(), "GET", owner.path(), null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void put_tokenClaimingTheDidButSignedByAnotherKey_401() {
    byte[] body = owner.upload();
    HttpResponse<String> r =
        send(t.uri(), "PUT", owner.path(), auth(Ed25519PrivateKey.generate(), "PUT", body), body);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(code(r)).isEqualTo("bad-request-signature");
  }

  @Test
  void put_signedByAnotherDid_403() {
    SyntheticOwner other = new SyntheticOwner(t.node().ledger());
    byte[] body = owner.upload();
    String otherAuth =
        other.authorization(other.didKey, t.clock, audience, "PUT", owner.path(), body);

    HttpResponse<String> r = send(t.uri(), "PUT", owner.path(), otherAuth, body);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(code(r)).isEqualTo("backup-wrong-party");
  }

  @Test
  void put_proofByAnotherKey_400() {
    HttpResponse<String> r = put(owner.upload(0, Ed25519PrivateKey.generate()));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("invalid-backup");
  }

  @Test
  void put_epochNotTheDidKeys_409() {
    HttpResponse<String> r = put(owner.upload(1, owner.didKey));

    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(code(r)).isEqualTo("backup-epoch-mismatch");
  }

  @Test
  void put_forAnotherDidThanThePath_400() {
    SyntheticOwner other = new SyntheticOwner(t.node().ledger());

    HttpResponse<String> r = put(other.upload());

    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void put_overTheRouteLimit_413BeforeAuthentication() {
    byte[] body = new byte[BackupUpload.MAX_BYTES + 1];
    java.util.Arrays.fill(body, (byte) ' ');

    HttpResponse<String> r = send(t.uri(), "PUT", owner.path(), null, body);

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(code(r)).isEqualTo("body-too-large");
  }

  @Test
  void put_malformedBody_400() {
    byte[] body = "{\"backup\":{}}".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> r = put(body);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("invalid-backup");
  }

  @Test
  void routes_notADid_400() {
    HttpResponse<String> r = send(t.uri(), "GET", "/passport-backups/did:web:x", null, null);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("invalid-parameter");
  }

  @Test
  void delete_signed_204ThenNotFound() {
    put(owner.upload());

    HttpResponse<String> unsigned = send(t.uri(), "DELETE", owner.path(), null, null);
    HttpResponse<String> signed =
        send(t.uri(), "DELETE", owner.path(), auth(owner.didKey, "DELETE", new byte[0]), null);
    HttpResponse<String> again =
        send(t.uri(), "DELETE", owner.path(), auth(owner.didKey, "DELETE", new byte[0]), null);

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(signed.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(code(send(t.uri(), "GET", owner.path(), null, null))).isEqualTo("backup-not-found");
  }

  @Test
  void rotation_oldBackupSupersededAndOnlyTheNewKeyWritesAgain() {
    byte[] old = owner.upload();
    put(old);
    Ed25519PrivateKey oldKey = owner.didKey;
    owner.rotate(t.node().ledger());

    HttpResponse<String> gone = send(t.uri(), "GET", owner.path(), null, null);
    HttpResponse<String> after = send(t.uri(), "GET", owner.path(), null, null);
    HttpResponse<String> challenge = send(t.uri(), "POST", owner.path() + "/challenge", null, null);
    HttpResponse<String> replayOld =
        send(t.uri(), "PUT", owner.path(), auth(oldKey, "PUT", old), old);
    HttpResponse<String> oldEpochNewKey = put(owner.upload(0, owner.didKey));
    HttpResponse<String> fresh = put(owner.upload());

    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(code(gone)).isEqualTo("backup-superseded");
    assertThat(after.statusCode()).isEqualTo(404);
    assertThat(challenge.statusCode()).isEqualTo(404);
    assertThat(replayOld.statusCode()).isEqualTo(401);
    assertThat(oldEpochNewKey.statusCode()).isEqualTo(409);
    assertThat(fresh.statusCode()).isEqualTo(201);
  }

  @Test
  void store_directoryAndFileOwnerOnly() throws Exception {
    put(owner.upload());
    Path store = dir.resolve("backup");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(store.resolve(BackupStore.FILE))))
        .isEqualTo("rw-------");
  }
}
