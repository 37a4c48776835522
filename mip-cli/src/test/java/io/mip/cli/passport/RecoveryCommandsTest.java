package io.mip.cli.passport;

import static io.mip.cli.passport.Pins.face;
import static io.mip.cli.passport.Pins.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.cli.Cli;
import io.mip.did.mip.DidMipResolver;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardian flow through the command line against a real node: create four passports, split
 * 2-of-3, request, two approvals, recover with a new face and PIN. Slow: nine face-and-Argon2id
 * runs at production cost.
 */
@Tag("slow")
class RecoveryCommandsTest {
  @TempDir Path tmp;

  static final String[][] FACES = {
    {"deepface/img1.jpg", "deepface/img2.jpg", "deepface/img4.jpg"},
    {"deepface/img26.jpg", "deepface/img27.jpg", "deepface/img28.jpg"},
    {"deepface/img8.jpg", "deepface/img9.jpg", "deepface/img47.jpg"},
    {"deepface/img29.jpg", "deepface/img30.jpg", "deepface/img31.jpg"}
  };

  static String[] args(String[] head, String[] faces, String... tail) {
    List<String> a = new ArrayList<>(List.of(head));
    for (String f : faces) {
      a.add("--face");
      a.add(face(f));
    }
    a.addAll(List.of(tail));
    return a.toArray(String[]::new);
  }

  static Cli.Result ok(Cli.Result r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void recover_twoOfThreeGuardiansThroughTheCli_keysRotatedAndNewPassportUnlocks() {
    try (MipNode node = MipNode.open(NodeConfig.embedded(tmp.resolve("node"))).start(0)) {
      String url = node.localUri().toString();
      List<String> dids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Path w = tmp.resolve("p" + i + ".passport");
        dids.add(
            ok(run(
                    "24680" + i + "\n",
                    args(
                        new String[] {"passport", "create"},
                        FACES[i],
                        "--pin-stdin",
                        "--wallet",
                        w.toString(),
                        "--node",
                        url)))
                .out()
                .trim());
      }
      Path shares = tmp.resolve("shares");
      ok(
          run(
              "246800\n",
              args(
                  new String[] {"passport", "guardians"},
                  new String[] {"deepface/img5.jpg", "deepface/img6.jpg"},
                  "--pin-stdin",
                  "--wallet",
                  tmp.resolve("p0.passport").toString(),
                  "--add",
                  dids.get(1),
                  dids.get(2),
                  dids.get(3),
                  "--threshold",
                  "2",
                  "--out",
                  shares.toString(),
                  "--node",
                  url)));
      Path request = tmp.resolve("request.json");
      Path key = tmp.resolve("recovery.key");
      String code =
          ok(run(
                  "",
                  "passport",
                  "recovery-request",
                  "--did",
                  dids.get(0),
                  "--out",
                  request.toString(),
                  "--key",
                  key.toString()))
              .out()
              .trim();

      Cli.Result wrongCode =
          run(
              "246801\n",
              args(
                  new String[] {"passport", "approve"},
                  FACES[1],
                  "--pin-stdin",
                  "--wallet",
                  tmp.resolve("p1.passport").toString(),
                  "--share",
                  shares.resolve(stem(dids.get(1))).toString(),
                  "--request",
                  request.toString(),
                  "--confirm-code",
                  "0000-0000-00",
                  "--out",
                  tmp.resolve("a1.json").toString()));
      assertThat(wrongCode.exitCode()).isEqualTo(17);
      for (int g : new int[] {1, 3}) {
        ok(
            run(
                "24680" + g + "\n",
                args(
                    new String[] {"passport", "approve"},
                    FACES[g],
                    "--pin-stdin",
                    "--wallet",
                    tmp.resolve("p" + g + ".passport").toString(),
                    "--share",
                    shares.resolve(stem(dids.get(g))).toString(),
                    "--request",
                    request.toString(),
                    "--confirm-code",
                    code,
                    "--out",
                    tmp.resolve("a" + g + ".json").toString())));
      }
      String[] newFace = {"deepface/img7.jpg", "deepface/img10.jpg", "deepface/img11.jpg"};
      Path fresh = tmp.resolve("recovered.passport");
      Cli.Result one =
          run(
              "975310\n",
              args(
                  new String[] {"passport", "recover"},
                  newFace,
                  "--pin-stdin",
                  "--key",
                  key.toString(),
                  "--approval",
                  tmp.resolve("a1.json").toString(),
                  "--wallet",
                  fresh.toString(),
                  "--node",
                  url));
      assertThat(one.exitCode()).as(one.toString()).isEqualTo(17);
      assertThat(fresh).doesNotExist();
      var before = new DidMipResolver(node.ledger()).state(dids.get(0)).orElseThrow();

      ok(
          run(
              "975310\n",
              args(
                  new String[] {"passport", "recover"},
                  newFace,
                  "--pin-stdin",
                  "--key",
                  key.toString(),
                  "--approval",
                  tmp.resolve("a1.json").toString(),
                  "--approval",
                  tmp.resolve("a3.json").toString(),
                  "--wallet",
                  fresh.toString(),
                  "--reshare",
                  tmp.resolve("reshared").toString(),
                  "--node",
                  url)));

      var after = new DidMipResolver(node.ledger()).state(dids.get(0)).orElseThrow();
      assertThat(after.signingKey()).isNotEqualTo(before.signingKey());
      assertThat(Files.exists(tmp.resolve("reshared").resolve(stem(dids.get(2))))).isTrue();
      ok(
          run(
              "975310\n",
              args(
                  new String[] {"passport", "unlock"},
                  new String[] {"deepface/img5.jpg", "deepface/img6.jpg"},
                  "--pin-stdin",
                  "--wallet",
                  fresh.toString())));
    }
  }

  static String stem(String did) {
    return did.substring(did.lastIndexOf(':') + 1) + ".share.json";
  }
}
