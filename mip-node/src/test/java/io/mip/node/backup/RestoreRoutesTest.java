package io.mip.node.backup;

import static io.mip.node.backup.BackupHttp.code;
import static io.mip.node.backup.BackupHttp.json;
import static io.mip.node.backup.BackupHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.wallet.passport.backup.RestoreChallenge;
import io.mip.wallet.passport.backup.RestoreRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Challenges and answers on a real node with a synthetic owner: the sealed seed only for a
 * signature by the backup authentication key over a fresh challenge; failed answers counted with
 * the wallet's back-off (3 free, then 30 s), durably; malformed, unknown, replayed and expired
 * answers refused without counting.
 */
class RestoreRoutesTest {
  @TempDir Path dir;
  BackupTestNode t;
  SyntheticOwner owner;

  @BeforeEach
  void open() {
    t = new BackupTestNode(dir);
    owner = new SyntheticOwner(t.node().ledger());
    String audience =
        json(send(t.uri(), "GET", "/passport-backups", null, null)).path("audience").asText();
    byte[] body = owner.upload();
    var put =
        send(
            t.uri(),
            "PUT",
            owner.path(),
            owner.authorization(owner.didKey, t.clock, audience, "PUT", owner.path(), body),
            body);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
  }

  @AfterEach
  void close() {
    t.close();
  }

  HttpResponse<String> challengeCall() {
    return send(t.uri(), "POST", owner.path() + "/challenge", null, null);
  }

  RestoreChallenge challenge() {
    HttpResponse<String> r = challengeCall();
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RestoreChallenge.fromJson(json(r));
  }

  HttpResponse<String> answer(RestoreChallenge c, Ed25519PrivateKey key) {
    return answer(new RestoreRequest(c.nonce(), key.signer().sign(c.message())).toBytes());
  }

  HttpResponse<String> answer(byte[] body) {
    return send(t.uri(), "POST", owner.path() + "/restore", null, body);
  }

  @Test
  void restore_signedByTheAuthKey_releasesTheSealedSeed() {
    RestoreChallenge c = challenge();

    HttpResponse<String> r = answer(c, owner.authKey);

    assertThat(c.epoch()).isZero();
    assertThat(c.expiresAt()).isEqualTo(t.clock.instant().plusSeconds(60));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Base64Url.decode(json(r).path("seed").path("sealed").asText()))
        .isEqualTo(owner.sealed);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void restore_wrongAnswers_countedThenLocked429AlsoAfterRestart() {
    Ed25519PrivateKey wrong = Ed25519PrivateKey.generate();
    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> r = answer(challenge(), wrong);
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(code(r)).isEqualTo("restore-failed");
      assertThat(json(r).path("failures").asInt()).isEqualTo(i);
    }

    HttpResponse<String> fourth = challengeCall();
    t.restart();
    HttpResponse<String> afterRestart = challengeCall();

    for (HttpResponse<String> r : java.util.List.of(fourth, afterRestart)) {
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(code(r)).isEqualTo("restore-locked");
    }
    t.clock.advance(Duration.ofSeconds(31));
    assertThat(answer(challenge(), owner.authKey).statusCode()).isEqualTo(200);
    assertThat(json(answer(challenge(), wrong)).path("failures").asInt()).isEqualTo(1);
  }

  @Test
  void restore_answerWhileLocked_429WithoutCounting() {
    Ed25519PrivateKey wrong = Ed25519PrivateKey.generate();
    RestoreChallenge spare = challenge();
    for (int i = 0; i < 3; i++) {
      answer(challenge(), wrong);
    }

    HttpResponse<String> r = answer(spare, owner.authKey);
    t.clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> next = answer(challenge(), wrong);

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(json(next).path("failures").asInt()).isEqualTo(4);
    assertThat(json(next).path("retryAfter").asInt()).isEqualTo(60);
  }

  @Test
  void restore_malformedOrUnknownChallenge_refusedNotCounted() {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> malformed = answer("{\"nonce\":1}".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> unknown =
          answer(
              new RestoreRequest(
                      Base64Url.encode(new byte[32]), owner.authKey.signer().sign(new byte[1]))
                  .toBytes());
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(code(malformed)).isEqualTo("invalid-restore-request");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(code(unknown)).isEqualTo("restore-challenge-invalid");
    }

    assertThat(answer(challenge(), owner.authKey).statusCode()).isEqualTo(200);
  }

  @Test
  void restore_replayedAnswer_refused() {
    RestoreChallenge c = challenge();
    byte[] body = new RestoreRequest(c.nonce(), owner.authKey.signer().sign(c.message())).toBytes();

    HttpResponse<String> first = answer(body);
    HttpResponse<String> replay = answer(body);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(code(replay)).isEqualTo("restore-challenge-invalid");
  }

  @Test
  void restore_expiredChallenge_refused() {
    RestoreChallenge c = challenge();
    t.clock.advance(Duration.ofSeconds(61));

    HttpResponse<String> r = answer(c, owner.authKey);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("restore-challenge-invalid");
  }

  @Test
  void restore_signatureOverAnotherNodesChallenge_countedFailure() {
    RestoreChallenge c = challenge();
    RestoreChallenge elsewhere =
        new RestoreChallenge(c.did(), c.epoch(), "mip-node-backup:other", c.nonce(), c.expiresAt());

    HttpResponse<String> r =
        answer(
            new RestoreRequest(c.nonce(), owner.authKey.signer().sign(elsewhere.message()))
                .toBytes());

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r).path("failures").asInt()).isEqualTo(1);
  }

  @Test
  void challenge_noBackup_404() {
    SyntheticOwner other = new SyntheticOwner(t.node().ledger());

    HttpResponse<String> r = send(t.uri(), "POST", other.path() + "/challenge", null, null);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(code(r)).isEqualTo("backup-not-found");
  }
}
