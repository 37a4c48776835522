package io.mip.node.backup;

import static io.mip.face.TestModels.photos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Argon2idParameters;
import io.mip.did.VerificationRelationship;
import io.mip.did.mip.DidMipResolver;
import io.mip.face.Face;
import io.mip.face.TestModels;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.wallet.passport.DidRegistry;
import io.mip.wallet.passport.Passport;
import io.mip.wallet.passport.PassportFailure.Reason;
import io.mip.wallet.passport.PassportFile;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.PassportSession;
import io.mip.wallet.passport.PassportSettings;
import io.mip.wallet.passport.backup.BackupClient;
import io.mip.wallet.passport.internal.PassportKeys;
import io.mip.wallet.recovery.RecoveryApproval;
import io.mip.wallet.recovery.RecoveryKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup on one device and restore on another against a real node (port 0, embedded ledger), with
 * real photos, the real face models and real Argon2id (at its floor cost, as the wallet's tests).
 */
@Tag("slow")
class PassportBackupEndToEndTest {
  static final char[] PIN = "482916".toCharArray();
  static final String[] ENROL = {"deepface/img1.jpg", "deepface/img2.jpg", "deepface/img4.jpg"};

  @TempDir static Path tmp;
  static BackupTestNode t;
  static PassportService service;

  @BeforeAll
  static void start() {
    TestModels.faces();
    t = new BackupTestNode(tmp.resolve("node"));
    service =
        new PassportService(
            TestModels.engine(),
            PassportSettings.DEFAULT.withKdf(Argon2idParameters.MINIMUM).withClock(t.clock));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static DidRegistry registry() {
    return DidRegistry.of(t.node().ledger());
  }

  static BackupClient node() {
    return new BackupClient(t.uri());
  }

  /** Creates a passport on "device A" and backs it up on the node. */
  static PassportSession createAndBackUp(Path wallet) {
    PassportSession s =
        service.create(photos(ENROL), PIN.clone(), registry(), wallet).value().session();
    var backedUp =
        service.backup(
            wallet, photos("deepface/img5.jpg", "deepface/img6.jpg"), PIN.clone(), node());
    assertThat(backedUp.failure()).isEmpty();
    assertThat(backedUp.value().did()).isEqualTo(s.did());
    return s;
  }

  static PassportResult<PassportSession> restore(
      String did, Path out, char[] pin, String... faces) {
    return service.restore(did, node(), photos(faces), pin.clone(), out);
  }

  @Test
  void restore_newDeviceWithOtherPhotosAndPin_sameDidSignsAndUnlocksLocally() {
    Path deviceA = tmp.resolve("a1/owner.passport");
    PassportSession original = createAndBackUp(deviceA);
    Path deviceB = tmp.resolve("b1/restored.passport");

    var restored = restore(original.did(), deviceB, PIN, "deepface/img7.jpg", "deepface/img10.jpg");

    assertThat(restored.failure()).isEmpty();
    PassportSession s = restored.value();
    assertThat(s.did()).isEqualTo(original.did());
    assertThat(s.signingKey()).isEqualTo(original.signingKey());
    assertThat(s.agreementKey()).isEqualTo(original.agreementKey());
    byte[] msg = "signed on the new device".getBytes(StandardCharsets.UTF_8);
    var key =
        new DidMipResolver(t.node().ledger())
            .resolve(s.did())
            .didDocument()
            .orElseThrow()
            .methodsFor(VerificationRelationship.AUTHENTICATION)
            .get(0)
            .ed25519Key()
            .orElseThrow();
    assertThat(key.verifier().verify(msg, s.sign(msg))).isTrue();
    Passport a = PassportFile.read(deviceA);
    Passport b = PassportFile.read(deviceB);
    assertThat(b.epoch()).isEqualTo(a.epoch());
    assertThat(b.sealedSeed()).isEqualTo(a.sealedSeed());
    assertThat(b.salt()).isEqualTo(a.salt());
    var unlocked =
        service.unlock(deviceB, photos("deepface/img11.jpg", "deepface/img5.jpg"), PIN.clone());
    assertThat(unlocked.failure()).isEmpty();
    assertThat(unlocked.value().signingKey()).isEqualTo(original.signingKey());
  }

  @Test
  void restore_failuresCountedOnTheNode_fourthLockedAlsoAfterRestart() {
    PassportSession owner = createAndBackUp(tmp.resolve("a2/owner.passport"));
    String did = owner.did();
    Path out = tmp.resolve("b2/restored.passport");
    String[] other = {"deepface/img42.jpg", "deepface/img43.jpg"};
    char[] wrong = "000000".toCharArray();

    var anotherFace = restore(did, out, PIN, other);
    var wrongPin = restore(did, out, wrong, "deepface/img7.jpg", "deepface/img10.jpg");
    var wrongPinAgain = restore(did, out, wrong, "deepface/img7.jpg", "deepface/img10.jpg");
    var fourth = restore(did, out, PIN, "deepface/img7.jpg", "deepface/img10.jpg");

    assertThat(anotherFace.reason()).contains(expectedForAnotherFace(did, other));
    assertThat(wrongPin.reason()).contains(Reason.WRONG_PIN);
    assertThat(wrongPinAgain.reason()).contains(Reason.WRONG_PIN);
    assertThat(fourth.reason()).contains(Reason.LOCKED_OUT);
    assertThat(fourth.failure().orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(30));
    var http =
        BackupHttp.send(t.uri(), "POST", "/passport-backups/" + did + "/challenge", null, null);
    assertThat(http.statusCode()).isEqualTo(429);
    assertThat(http.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(http.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Files.exists(out)).isFalse();

    t.restart();
    var afterRestart = restore(did, out, PIN, "deepface/img7.jpg", "deepface/img10.jpg");
    t.clock.advance(Duration.ofSeconds(31));
    var later = restore(did, out, PIN, "deepface/img7.jpg", "deepface/img10.jpg");

    assertThat(afterRestart.reason()).contains(Reason.LOCKED_OUT);
    assertThat(later.failure()).isEmpty();
    assertThat(later.value().signingKey()).isEqualTo(owner.signingKey());
  }

  @Test
  void restore_afterGuardianRecovery_oldBackupGoneAndTheNewOneRestores() {
    PassportSession owner = createAndBackUp(tmp.resolve("a3/owner.passport"));
    String[][] guardianFaces = {
      {"deepface/img26.jpg", "deepface/img27.jpg", "deepface/img28.jpg"},
      {"deepface/img8.jpg", "deepface/img9.jpg", "deepface/img47.jpg"},
      {"deepface/img29.jpg", "deepface/img30.jpg", "deepface/img31.jpg"}
    };
    List<PassportSession> guardians = new ArrayList<>();
    for (int i = 0; i < guardianFaces.length; i++) {
      guardians.add(
          service
              .create(
                  photos(guardianFaces[i]),
                  "5550123".toCharArray(),
                  registry(),
                  tmp.resolve("a3/guardian" + i + ".passport"))
              .value()
              .session());
    }
    var set =
        service
            .setGuardians(
                owner, guardians.stream().map(PassportSession::did).toList(), 2, registry())
            .value();
    RecoveryKey key = RecoveryKey.create(owner.did(), t.clock, Duration.ofDays(7));
    List<RecoveryApproval> approvals =
        List.of(
            service.approve(guardians.get(0), set.shares().get(0), key.request()).value(),
            service.approve(guardians.get(2), set.shares().get(2), key.request()).value());
    char[] newPin = "271828".toCharArray();
    Path recoveredFile = tmp.resolve("a3/recovered.passport");
    var recovered =
        service.recover(
            key,
            approvals,
            photos("deepface/img7.jpg", "deepface/img10.jpg", "deepface/img11.jpg"),
            newPin.clone(),
            registry(),
            recoveredFile,
            false);
    assertThat(recovered.failure()).isEmpty();

    var oldBackup =
        restore(
            owner.did(),
            tmp.resolve("b3/old.passport"),
            PIN,
            "deepface/img5.jpg",
            "deepface/img6.jpg");
    var raw = BackupHttp.send(t.uri(), "GET", "/passport-backups/" + owner.did(), null, null);
    var rebackup =
        service.backup(
            recoveredFile,
            photos("deepface/img5.jpg", "deepface/img6.jpg"),
            newPin.clone(),
            node());
    var fresh =
        restore(
            owner.did(),
            tmp.resolve("b3/new.passport"),
            newPin,
            "deepface/img1.jpg",
            "deepface/img2.jpg");

    assertThat(oldBackup.reason()).contains(Reason.BACKUP_NOT_FOUND);
    assertThat(raw.statusCode()).isEqualTo(404);
    assertThat(rebackup.failure()).isEmpty();
    assertThat(rebackup.value().epoch()).isEqualTo(1);
    assertThat(fresh.failure()).isEmpty();
    assertThat(fresh.value().epoch()).isEqualTo(1);
    assertThat(fresh.value().signingKey())
        .isEqualTo(recovered.value().session().signingKey())
        .isNotEqualTo(owner.signingKey());
  }

  @Test
  void restore_unknownDid_backupNotFound() {
    PassportSession other =
        service
            .create(photos(ENROL), PIN.clone(), registry(), tmp.resolve("a4/none.passport"))
            .value()
            .session();

    var r = restore(other.did(), tmp.resolve("b4/x.passport"), PIN, "deepface/img7.jpg");

    assertThat(r.reason()).contains(Reason.BACKUP_NOT_FOUND);
  }

  /** FACE_MISMATCH, or WRONG_PIN in the 1 case in 256 where the wrong face's check collides. */
  static Reason expectedForAnotherFace(String did, String... faces) {
    var backup = node().fetch(did).value();
    var templates =
        photos(faces).stream()
            .map(i -> ((Face) TestModels.engine().analyse(i)).template())
            .toList();
    int check = PassportKeys.faceCheck(new FaceKeyBinding().unlock(backup.faceHelper(), templates));
    return check == backup.faceCheck() ? Reason.WRONG_PIN : Reason.FACE_MISMATCH;
  }
}
