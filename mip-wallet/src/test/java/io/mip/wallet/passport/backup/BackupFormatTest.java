package io.mip.wallet.passport.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Argon2idParameters;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.face.FaceTemplate;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.face.binding.HelperData;
import io.mip.wallet.internal.JsonFields;
import io.mip.wallet.passport.AttemptState;
import io.mip.wallet.passport.Passport;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backup wire formats: the public part is signed by the DID key and carries nothing a PIN could
 * be tested against; uploads, challenges and answers parse strictly within their size limits.
 */
class BackupFormatTest {
  static Ed25519PrivateKey didKey;
  static Passport passport;

  @BeforeAll
  static void passport() {
    didKey = Ed25519PrivateKey.generate();
    String did =
        DidMipOperations.didOf(
            DidMipOperations.create(didKey, X25519PrivateKey.generate().publicKey(), List.of()));
    Random r = new Random(5);
    List<FaceTemplate> captures = new ArrayList<>();
    float[] base = new float[512];
    for (int i = 0; i < base.length; i++) {
      base[i] = (float) r.nextGaussian();
    }
    for (int c = 0; c < 3; c++) {
      float[] v = base.clone();
      for (int i = 0; i < v.length; i++) {
        v[i] += (float) (0.1 * r.nextGaussian());
      }
      captures.add(FaceTemplate.of(v));
    }
    HelperData helper = new FaceKeyBinding().enrol(captures, new SecureRandom()).helperData();
    passport =
        new Passport(
            Passport.VERSION,
            did,
            2,
            Instant.parse("2026-03-01T10:00:00.123Z"),
            helper,
            77,
            3,
            2,
            Argon2idParameters.MINIMUM,
            new byte[16],
            new byte[Passport.SEALED_SEED_LENGTH],
            AttemptState.CLEAR,
            null);
  }

  @Test
  void of_signedByDidKey_verifiesAndSurvivesJson() {
    PassportBackup b = PassportBackup.of(passport, didKey.signer());

    PassportBackup parsed = PassportBackup.fromJson(JsonFields.parseObject(b.toBytes(), "backup"));

    assertThat(parsed.verifies(didKey.publicKey())).isTrue();
    assertThat(parsed.statement()).isEqualTo(b.statement());
    assertThat(parsed.did()).isEqualTo(passport.did());
    assertThat(parsed.epoch()).isEqualTo(2);
    assertThat(parsed.created()).isEqualTo(passport.created());
    assertThat(parsed.faceCheck()).isEqualTo(77);
    assertThat(parsed.salt()).isEqualTo(passport.salt());
    assertThat(parsed.verifies(Ed25519PrivateKey.generate().publicKey())).isFalse();
  }

  @Test
  void verifies_fieldChanged_false() {
    PassportBackup b = PassportBackup.of(passport, didKey.signer());
    PassportBackup changed =
        new PassportBackup(
            b.did(),
            b.epoch(),
            b.created(),
            b.faceHelper(),
            (b.faceCheck() + 1) % 256,
            b.captures(),
            b.judgedReal(),
            b.kdf(),
            b.salt(),
            b.proof());

    assertThat(changed.verifies(didKey.publicKey())).isFalse();
  }

  @Test
  void toJson_publicFieldsOnly() {
    ObjectNode json = PassportBackup.of(passport, didKey.signer()).toJson();
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);

    assertThat(names)
        .containsExactly("type", "v", "did", "epoch", "created", "face", "pin", "proof");
    assertThat(json.toString()).doesNotContain("sealed").doesNotContain("auth");
  }

  @Test
  void fromJson_weakArgon2OrUnknownVersion_refused() {
    ObjectNode weak = PassportBackup.of(passport, didKey.signer()).toJson();
    ((ObjectNode) weak.get("pin")).put("memoryKiB", 1024);
    ObjectNode v2 = PassportBackup.of(passport, didKey.signer()).toJson().put("v", 2);

    assertThatThrownBy(() -> PassportBackup.fromJson(weak))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PassportBackup.fromJson(v2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void upload_roundTripsAndFitsTheLimit() {
    var auth = Ed25519PrivateKey.generate().publicKey();
    byte[] sealed = new byte[Passport.SEALED_SEED_LENGTH];
    sealed[0] = 9;
    BackupUpload u = new BackupUpload(PassportBackup.of(passport, didKey.signer()), auth, sealed);

    byte[] body = u.toBytes();
    BackupUpload parsed = BackupUpload.parse(body);

    assertThat(body.length).isLessThan(BackupUpload.MAX_BYTES).isGreaterThan(1_300_000);
    assertThat(parsed.authKey()).isEqualTo(auth);
    assertThat(parsed.sealedSeed()).isEqualTo(sealed);
    assertThat(parsed.backup().verifies(didKey.publicKey())).isTrue();
  }

  @Test
  void upload_tooLargeOrWrongSealedLength_refused() {
    byte[] huge = new byte[BackupUpload.MAX_BYTES + 1];
    JsonNode json =
        JsonFields.parseObject(
            new BackupUpload(
                    PassportBackup.of(passport, didKey.signer()),
                    didKey.publicKey(),
                    new byte[Passport.SEALED_SEED_LENGTH])
                .toBytes(),
            "upload");
    ((ObjectNode) json.get("seed")).put("sealed", "AAAA");

    assertThatThrownBy(() -> BackupUpload.parse(huge)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackupUpload.parse(JsonFields.compact(json)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void challengeMessage_isTheJcsOfPurposeAudienceDidEpochNonce() {
    RestoreChallenge c =
        new RestoreChallenge(
            passport.did(),
            1,
            "mip-node-backup:00",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            Instant.EPOCH);

    assertThat(new String(c.message(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"audience\":\"mip-node-backup:00\",\"did\":\""
                + passport.did()
                + "\",\"epoch\":1,\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\","
                + "\"purpose\":\"mip/passport-backup-restore/v1\"}");
    assertThat(RestoreChallenge.fromJson(c.toJson())).isEqualTo(c);
  }

  @Test
  void restoreRequest_malformed_refused() {
    assertThatThrownBy(() -> new RestoreRequest("short", new byte[64]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RestoreRequest("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new byte[63]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RestoreRequest.parse(new byte[RestoreRequest.MAX_BYTES + 1]))
        .isInstanceOf(IllegalArgumentException.class);
    RestoreRequest ok =
        new RestoreRequest("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new byte[64]);
    assertThat(RestoreRequest.parse(ok.toBytes()).nonce()).isEqualTo(ok.nonce());
  }
}
