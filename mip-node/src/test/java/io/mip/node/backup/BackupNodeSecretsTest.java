package io.mip.node.backup;

import static io.mip.face.TestModels.photos;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mip.crypto.AesGcmKey;
import io.mip.crypto.Argon2id;
import io.mip.crypto.Argon2idParameters;
import io.mip.crypto.SecretKeyAccess;
import io.mip.face.Face;
import io.mip.face.FaceTemplate;
import io.mip.face.LeakScan;
import io.mip.face.TestModels;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.wallet.passport.DidRegistry;
import io.mip.wallet.passport.Passport;
import io.mip.wallet.passport.PassportFile;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.PassportSettings;
import io.mip.wallet.passport.backup.BackupClient;
import io.mip.wallet.passport.internal.PassportKeys;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a real backup and restore, scans every file of the node's data directory (the backup
 * database, its WAL, the ledger) and the stored public parts decoded, for the secrets the node must
 * never see: the PIN, the seed, K_face, the KEK, the backup and DID private keys, and any two
 * consecutive float32 values of any capture's face template or of their means (both byte orders).
 */
@Tag("slow")
class BackupNodeSecretsTest {
  @TempDir Path tmp;

  @Test
  void nodeData_afterBackupAndRestore_holdsNoPinSeedFaceKeyKekOrTemplate() throws Exception {
    String pin = "739104";
    List<String> enrol = List.of("deepface/img1.jpg", "deepface/img2.jpg", "deepface/img4.jpg");
    List<String> backup = List.of("deepface/img5.jpg", "deepface/img6.jpg");
    List<String> restore = List.of("deepface/img7.jpg", "deepface/img10.jpg");
    Path data = tmp.resolve("node");
    Path wallet = tmp.resolve("device/owner.passport");
    try (BackupTestNode t = new BackupTestNode(data)) {
      var service =
          new PassportService(
              TestModels.engine(),
              PassportSettings.DEFAULT.withKdf(Argon2idParameters.MINIMUM).withClock(t.clock));
      BackupClient node = new BackupClient(t.uri());
      String did =
          service
              .create(
                  photos(enrol.toArray(String[]::new)),
                  pin.toCharArray(),
                  DidRegistry.of(t.node().ledger()),
                  wallet)
              .value()
              .session()
              .did();
      assertThat(
              service
                  .backup(wallet, photos(backup.toArray(String[]::new)), pin.toCharArray(), node)
                  .failure())
          .isEmpty();
      assertThat(
              service
                  .restore(
                      did,
                      node,
                      photos(restore.toArray(String[]::new)),
                      pin.toCharArray(),
                      tmp.resolve("new/owner.passport"))
                  .failure())
          .isEmpty();
    }

    List<byte[]> secrets = secrets(PassportFile.read(wallet), enrol, pin);
    Set<Long> pairs = templatePairs(List.of(enrol, backup, restore));
    List<byte[]> blobs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        blobs.add(Files.readAllBytes(f));
      }
    }
    blobs.add(decodedPublicParts(data.resolve("backup").resolve(BackupStore.FILE)));

    assertThat(blobs).hasSizeGreaterThan(3);
    for (byte[] blob : blobs) {
      assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain(pin);
      for (byte[] s : secrets) {
        assertThat(LeakScan.indexOf(blob, s)).isEqualTo(-1);
      }
      for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
        assertThat(LeakScan.templateHits(blob, order, pairs)).isZero();
      }
    }
  }

  /** K_face, the KEK, the seed, and the backup and DID private keys of the passport. */
  private static List<byte[]> secrets(Passport p, List<String> enrol, String pin) {
    var faceKey = new FaceKeyBinding().unlock(p.faceHelper(), templates(enrol));
    assertThat(PassportKeys.faceCheck(faceKey)).isEqualTo(p.faceCheck());
    byte[] kFace = faceKey.exportSecret(SecretKeyAccess.insecureSecretAccess());
    AesGcmKey kek =
        Argon2id.deriveKey(pin.getBytes(StandardCharsets.UTF_8), p.salt(), kFace, p.kdf());
    byte[] seed = kek.decrypt(p.sealedSeed(), p.sealAad()).plaintext();
    var access = SecretKeyAccess.insecureSecretAccess();
    return List.of(
        kFace,
        kek.exportSecret(access),
        seed,
        PassportKeys.backupAuth(kek).exportSeed(access),
        PassportKeys.signing(seed, p.epoch()).exportSeed(access),
        PassportKeys.agreement(seed, p.epoch()).exportSecret(access));
  }

  private static List<FaceTemplate> templates(List<String> images) {
    return photos(images.toArray(String[]::new)).stream()
        .map(i -> ((Face) TestModels.engine().analyse(i)).template())
        .toList();
  }

  private static Set<Long> templatePairs(List<List<String>> groups) {
    List<FaceTemplate> all = new ArrayList<>();
    for (List<String> g : groups) {
      List<FaceTemplate> t = templates(g);
      all.addAll(t);
      all.add(FaceTemplate.mean(t));
    }
    return LeakScan.templatePairs(all);
  }

  /** The base64url fields of every stored public part, decoded and concatenated. */
  private static byte[] decodedPublicParts(Path db) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet r = c.createStatement().executeQuery("SELECT public_json FROM backups")) {
      while (r.next()) {
        LeakScan.decodeBase64Fields(new ObjectMapper().readTree(r.getBytes(1)), out);
      }
    }
    assertThat(out.size()).isGreaterThan(1_000_000);
    return out.toByteArray();
  }
}
