package io.mip.wallet.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Argon2idParameters;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.face.FaceTemplate;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.face.binding.HelperData;
import io.mip.wallet.internal.JsonFields;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file format without faces: synthetic helper data, random sealed bytes. */
class PassportFileTest {
  static HelperData helper;
  static String did;

  @TempDir Path dir;

  @BeforeAll
  static void helperData() {
    Random r = new Random(1);
    List<FaceTemplate> t = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      float[] v = new float[512];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) r.nextGaussian();
      }
      t.add(FaceTemplate.of(v));
    }
    helper = new FaceKeyBinding().enrol(t, new SecureRandom()).helperData();
    did =
        DidMipOperations.didOf(
            DidMipOperations.create(
                Ed25519PrivateKey.generate(), X25519PrivateKey.generate().publicKey(), List.of()));
  }

  static Passport sample() {
    return new Passport(
        Passport.VERSION,
        did,
        2,
        Instant.parse("2026-01-01T00:00:00Z"),
        helper,
        200,
        3,
        1,
        PassportSettings.DEFAULT_KDF,
        new byte[16],
        new byte[Passport.SEALED_SEED_LENGTH],
        new AttemptState(4, Instant.parse("2026-01-01T00:01:00Z")),
        null);
  }

  @Test
  void writeRead_sample_roundTripsEveryField() throws Exception {
    Path f = dir.resolve("p.passport");
    PassportFile.write(f, sample());

    Passport back = PassportFile.read(f);

    assertThat(back.did()).isEqualTo(did);
    assertThat(back.epoch()).isEqualTo(2);
    assertThat(back.faceCheck()).isEqualTo(200);
    assertThat(back.kdf()).isEqualTo(PassportSettings.DEFAULT_KDF);
    assertThat(back.attempts()).isEqualTo(sample().attempts());
    assertThat(back.faceHelper().toJson()).isEqualTo(helper.toJson());
    assertThat(back.guardianSet()).isEmpty();
    assertThat(Files.getPosixFilePermissions(f))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(PassportFile.serialize(back)).isEqualTo(Files.readAllBytes(f));
  }

  @Test
  void parse_argon2MemoryLoweredInTheFile_refused() {
    ObjectNode o = json();
    ((ObjectNode) o.get("pin")).put("memoryKiB", 1024);

    assertThatThrownBy(() -> PassportFile.parse(JsonFields.write(o)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Argon2id");
  }

  @Test
  void parse_unknownVersionOrType_refused() {
    ObjectNode v2 = json().put("v", 2);
    ObjectNode other = json().put("type", "something-else");

    assertThatThrownBy(() -> PassportFile.parse(JsonFields.write(v2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PassportFile.parse(JsonFields.write(other)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_duplicateKey_refused() {
    String text = new String(PassportFile.serialize(sample()), StandardCharsets.UTF_8);
    String dup = text.replaceFirst("\"epoch\" : 2", "\"epoch\" : 2, \"epoch\" : 3");
    assertThat(dup).isNotEqualTo(text);

    assertThatThrownBy(() -> PassportFile.parse(dup.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_truncatedSealedSeedOrFaceCheckOutOfRange_refused() {
    ObjectNode shortSeed = json();
    ((ObjectNode) shortSeed.get("seed")).put("sealed", "AAAA");
    ObjectNode check = json();
    ((ObjectNode) check.get("face")).put("check", 256);

    assertThatThrownBy(() -> PassportFile.parse(JsonFields.write(shortSeed)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PassportFile.parse(JsonFields.write(check)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void read_fileLargerThanLimit_refused() throws Exception {
    Path f = dir.resolve("big.passport");
    Files.write(f, new byte[PassportFile.MAX_BYTES + 1]);

    assertThatThrownBy(() -> PassportFile.read(f)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_weakArgon2ParametersCannotBeBuilt() {
    assertThatThrownBy(() -> new Argon2idParameters(8 * 1024, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ObjectNode json() {
    return (ObjectNode) JsonFields.parseObject(PassportFile.serialize(sample()), "passport");
  }
}
