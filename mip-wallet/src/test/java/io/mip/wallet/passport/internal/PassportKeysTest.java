package io.mip.wallet.passport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.AesGcmKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The key schedule is a file format: changing a label would lock every existing passport out. The
 * expected values were computed independently with Python's {@code cryptography} package (HKDF and
 * Ed25519 from the RFC 5869 and RFC 8032 implementations there).
 */
class PassportKeysTest {
  static final byte[] SEED = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      SEED[i] = (byte) i;
    }
  }

  @Test
  void signing_knownSeed_matchesIndependentComputation() {
    assertThat(hex(PassportKeys.signing(SEED, 0).publicKey().toBytes()))
        .isEqualTo("a0595d0d07127e27214be5c9b765cb2bc71cea26c09b2b6b7424166eb92b947b");
    assertThat(hex(PassportKeys.signing(SEED, 1).publicKey().toBytes()))
        .isEqualTo("571accb1444a7f137f95e094c55309629baf34896eb3b9df7bef2d0a5e533c26");
  }

  @Test
  void faceCheck_knownKey_matchesIndependentComputation() {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) 7);

    assertThat(PassportKeys.faceCheck(k)).isEqualTo(0x41);
  }

  @Test
  void backupAuth_knownKek_matchesIndependentComputation() {
    byte[] sevens = new byte[32];
    Arrays.fill(sevens, (byte) 7);

    assertThat(hex(PassportKeys.backupAuth(SEED).publicKey().toBytes()))
        .isEqualTo("24f7ff3d534e95ff9913a73c0c22fa5adf690df78249e57ea6114b9089fa53b3");
    assertThat(hex(PassportKeys.backupAuth(sevens).publicKey().toBytes()))
        .isEqualTo("9d41803795f28912a9569df18e2ef2056f78ec1249f51db14eaa5a0483fcdcbb");
    assertThat(PassportKeys.BACKUP_AUTH_LABEL).isEqualTo("mip/passport-backup-auth/v1");
  }

  @Test
  void backupAuth_aesKeyObject_sameAsItsBytesAndNotTheSigningKey() {
    var kek = AesGcmKey.fromBytes(SEED);

    assertThat(PassportKeys.backupAuth(kek).publicKey())
        .isEqualTo(PassportKeys.backupAuth(SEED).publicKey())
        .isNotEqualTo(PassportKeys.signing(SEED, 0).publicKey());
  }

  @Test
  void agreement_sameSeedAndEpoch_sameKeyAndEpochsDiffer() {
    assertThat(PassportKeys.agreement(SEED, 3).publicKey())
        .isEqualTo(PassportKeys.agreement(SEED.clone(), 3).publicKey())
        .isNotEqualTo(PassportKeys.agreement(SEED, 4).publicKey());
  }

  @Test
  void sealAad_bindsDidVersionAndEpoch() {
    String aad = new String(PassportKeys.sealAad("did:mip:x", 1, 2), StandardCharsets.UTF_8);

    assertThat(aad)
        .isEqualTo(
            "{\"did\":\"did:mip:x\",\"epoch\":2,\"purpose\":\"mip/passport-seed/v1\",\"v\":1}");
  }

  @Test
  void signing_wrongSeedLengthOrNegativeEpoch_refused() {
    assertThatThrownBy(() -> PassportKeys.signing(new byte[31], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PassportKeys.signing(SEED, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
