package io.mip.cli.passport;

import static io.mip.cli.passport.Pins.face;
import static io.mip.cli.passport.Pins.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.cli.Cli;
import io.mip.crypto.Base64Url;
import io.mip.did.VerificationRelationship;
import io.mip.did.mip.DidMipResolver;
import io.mip.face.Face;
import io.mip.face.FaceEngine;
import io.mip.face.FaceTemplate;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import io.mip.wallet.passport.Passport;
import io.mip.wallet.passport.PassportFile;
import io.mip.wallet.passport.internal.PassportKeys;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mip passport create} and {@code unlock} against a real node on port 0, with real photos
 * and models and the production Argon2id cost; each refusal has its exit code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PassportCommandsTest {
  @TempDir static Path tmp;
  static MipNode node;
  static String url;
  static Path wallet;
  static String did;

  @BeforeAll
  static void createPassport() {
    node = MipNode.open(NodeConfig.embedded(tmp.resolve("node"))).start(0);
    url = node.localUri().toString();
    wallet = tmp.resolve("alice.passport");
    Cli.Result r = Pins.createPassport("482916", wallet, url);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    did = r.out().trim();
    assertThat(r.err()).doesNotContain("482916");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  Cli.Result unlock(String pin, String... faces) {
    List<String> args = new ArrayList<>(List.of("passport", "unlock"));
    for (String f : faces) {
      args.add("--face");
      args.add(f);
    }
    args.addAll(List.of("--pin-stdin", "--wallet", wallet.toString(), "--challenge", "nonce-123"));
    return run(pin + "\n", args.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void unlock_twoOtherPhotos_exit0AndSignatureVerifiesAgainstResolvedDid() {
    Cli.Result r = unlock("482916", face("deepface/img5.jpg"), face("deepface/img6.jpg"));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String[] lines = r.out().trim().split("\n");
    assertThat(lines[0]).isEqualTo(did);
    byte[] sig = Base64Url.decode(lines[1]);
    var doc = new DidMipResolver(node.ledger()).resolve(did).didDocument().orElseThrow();
    var key = doc.methodsFor(VerificationRelationship.AUTHENTICATION).get(0).ed25519Key();
    assertThat(
            key.orElseThrow().verifier().verify("nonce-123".getBytes(StandardCharsets.UTF_8), sig))
        .isTrue();
    assertThat(r.out() + r.err()).doesNotContain("482916");
  }

  @Test
  @Order(2)
  void unlock_faceErrors_theirExitCodes() throws Exception {
    Path garbage = tmp.resolve("garbage.jpg");
    byte[] noise = new byte[2048];
    new Random(3).nextBytes(noise);
    Files.write(garbage, noise);
    Path empty = tmp.resolve("empty.png");
    Files.write(empty, new byte[0]);
    Path sky = tmp.resolve("sky.png");
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.BLUE, 320, 240, Color.WHITE));
    g.fillRect(0, 0, 320, 240);
    g.dispose();
    ImageIO.write(img, "png", sky.toFile());

    assertThat(unlock("482916", sky.toString()).exitCode()).isEqualTo(10);

    assertThat(unlock("482916", face("deepface/couple.jpg")).exitCode()).isEqualTo(11);
    assertThat(unlock("482916", garbage.toString()).exitCode()).isEqualTo(15);
    assertThat(unlock("482916", empty.toString()).exitCode()).isEqualTo(15);
  }

  @Test
  @Order(3)
  void unlock_anotherPerson_exit12() throws Exception {
    String a = face("deepface/img29.jpg");
    String b = face("deepface/img30.jpg");

    Cli.Result r = unlock("482916", a, b);

    // 1 wrong face in 256 passes the 8-bit face check and is reported as a wrong PIN (13).
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(checkCollides(a, b) ? 13 : 12);
  }

  private static boolean checkCollides(String... images) throws Exception {
    Passport p = PassportFile.read(wallet);
    List<FaceTemplate> t = new ArrayList<>();
    try (FaceEngine engine = Wallets.engine()) {
      for (String i : images) {
        t.add(((Face) engine.analyse(Files.readAllBytes(Path.of(i)))).template());
      }
    }
    return PassportKeys.faceCheck(new FaceKeyBinding().unlock(p.faceHelper(), t)) == p.faceCheck();
  }

  @Test
  @Order(4)
  void unlock_wrongPinThenRepeated_exit13ThenLockedOut14() {
    String a = face("deepface/img5.jpg");
    String b = face("deepface/img6.jpg");

    assertThat(unlock("000000", a, b).exitCode()).isEqualTo(13);
    assertThat(unlock("000001", a, b).exitCode()).isEqualTo(13);
    Cli.Result locked = unlock("482916", a, b);

    assertThat(locked.exitCode()).as(locked.toString()).isEqualTo(14);
    assertThat(locked.err()).contains("try again in");
  }

  @Test
  @Order(5)
  void unlock_withoutPinStdin_usageError() {
    Cli.Result r =
        run(
            "",
            "passport",
            "unlock",
            "--face",
            face("deepface/img5.jpg"),
            "--wallet",
            wallet.toString());

    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  @Order(6)
  void create_existingWallet_usageErrorAndFileKept() throws Exception {
    byte[] before = Files.readAllBytes(wallet);
    Cli.Result r = Pins.createPassport("1234", wallet, url);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(Files.readAllBytes(wallet)).isEqualTo(before);
  }
}
