package io.mip.cli.passport;

import static io.mip.cli.passport.Pins.face;
import static io.mip.cli.passport.Pins.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.cli.Cli;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mip passport backup} and {@code restore} against a real node on port 0, with real photos
 * and models and the production Argon2id cost: back up, restore on a "new device" and unlock there;
 * each refusal has its exit code.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupCommandsTest {
  @TempDir static Path tmp;
  static MipNode node;
  static String url;
  static Path wallet;
  static Path pinFile;
  static String did;

  @BeforeAll
  static void createAndBackUp() throws Exception {
    node = MipNode.open(NodeConfig.embedded(tmp.resolve("node"))).start(0);
    url = node.localUri().toString();
    wallet = tmp.resolve("phone/alice.passport");
    Files.createDirectories(wallet.getParent());
    Cli.Result c = Pins.createPassport("482916", wallet, url);
    assertThat(c.exitCode()).as(c.toString()).isZero();
    did = c.out().trim();
    pinFile = tmp.resolve("pin.txt");
    Files.writeString(pinFile, "482916\n", StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static Cli.Result restore(String pin, String forDid, Path out, String... faces) {
    List<String> args = new ArrayList<>(List.of("passport", "restore", "--did", forDid));
    for (String f : faces) {
      args.add("--face");
      args.add(face(f));
    }
    args.addAll(List.of("--pin-stdin", "--node", url, "--out", out.toString()));
    return run(pin + "\n", args.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void backup_pinFromFile_exit0PrintsDid() {
    Cli.Result r =
        run(
            "",
            "passport",
            "backup",
            "--passport",
            wallet.toString(),
            "--face",
            face("deepface/img5.jpg"),
            "--face",
            face("deepface/img6.jpg"),
            "--pin-file",
            pinFile.toString(),
            "--node",
            url);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().trim()).isEqualTo(did);
    assertThat(r.err()).contains("backed up " + did + " (epoch 0)").doesNotContain("482916");
  }

  @Test
  @Order(2)
  void restore_wrongPin_exit13AndNoFile() {
    Path out = tmp.resolve("tablet/alice.passport");

    Cli.Result r = restore("000000", did, out, "deepface/img7.jpg", "deepface/img10.jpg");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(PassportExit.WRONG_PIN);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  @Order(3)
  void restore_faceAndPin_exit0FileWrittenAndItUnlocks() throws Exception {
    Path out = tmp.resolve("tablet/alice.passport");

    Cli.Result r = restore("482916", did, out, "deepface/img7.jpg", "deepface/img10.jpg");
    Cli.Result unlock =
        run(
            "482916\n",
            "passport",
            "unlock",
            "--face",
            face("deepface/img11.jpg"),
            "--face",
            face("deepface/img5.jpg"),
            "--pin-stdin",
            "--wallet",
            out.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().trim()).isEqualTo(did);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
    assertThat(unlock.exitCode()).as(unlock.toString()).isZero();
    assertThat(unlock.out().trim()).isEqualTo(did);
  }

  @Test
  @Order(4)
  void restore_existingOut_exit2() {
    Cli.Result r =
        restore("482916", did, tmp.resolve("tablet/alice.passport"), "deepface/img7.jpg");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("exists");
  }

  @Test
  @Order(5)
  void backupDelete_thenRestore_exit1NoBackup() {
    Cli.Result d =
        run(
            "482916\n",
            "passport",
            "backup",
            "--delete",
            "--wallet",
            wallet.toString(),
            "--face",
            face("deepface/img5.jpg"),
            "--face",
            face("deepface/img6.jpg"),
            "--pin-stdin",
            "--node",
            url);

    Cli.Result r =
        restore("482916", did, tmp.resolve("laptop/alice.passport"), "deepface/img7.jpg");

    assertThat(d.exitCode()).as(d.toString()).isZero();
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("backup-not-found");
  }

  @Test
  @Order(6)
  void restore_nodeUnreachable_exit3() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Cli.Result r =
        run(
            "482916\n",
            "passport",
            "restore",
            "--did",
            did,
            "--face",
            face("deepface/img7.jpg"),
            "--pin-stdin",
            "--node",
            "http://127.0.0.1:" + port,
            "--out",
            tmp.resolve("nowhere.passport").toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("unreachable");
  }
}
