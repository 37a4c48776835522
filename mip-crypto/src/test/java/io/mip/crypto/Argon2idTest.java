package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argon2id against RFC 9106 section 5.3, and the parameter floor. */
class Argon2idTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] PIN = "482915".getBytes(StandardCharsets.UTF_8);

  /** RFC 9106 section 5.3: Argon2id v=0x13, m=32 KiB, t=3, p=4, with secret and associated data. */
  @Test
  void compute_rfc9106Section53Vector_matchesTag() {
    byte[] tag =
        Argon2id.compute(
            filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04), 32, 3, 4, 32);
    assertThat(HEX.formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void deriveKey_sameInputs_giveTheSameKey() {
    byte[] salt = Argon2id.newSalt();
    byte[] kFace = filled(32, 0x42);
    AesGcmKey a = Argon2id.deriveKey(PIN, salt, kFace, Argon2idParameters.MINIMUM);
    AesGcmKey b = Argon2id.deriveKey(PIN, salt, kFace, Argon2idParameters.MINIMUM);

    byte[] sealed = a.encrypt("seed".getBytes(StandardCharsets.UTF_8), null);
    assertThat(b.decrypt(sealed, null).isSuccess()).isTrue();
  }

  @Test
  void deriveKey_otherPinSaltOrSecret_giveOtherKeys() {
    byte[] salt = Argon2id.newSalt();
    byte[] kFace = filled(32, 0x42);
    Argon2idParameters params = Argon2idParameters.MINIMUM;
    byte[] base = raw(Argon2id.deriveKey(PIN, salt, kFace, params));

    byte[] otherPin =
        raw(Argon2id.deriveKey("482916".getBytes(StandardCharsets.UTF_8), salt, kFace, params));
    byte[] otherSalt = raw(Argon2id.deriveKey(PIN, Argon2id.newSalt(), kFace, params));
    byte[] otherSecret = raw(Argon2id.deriveKey(PIN, salt, filled(32, 0x43), params));
    byte[] noSecret = raw(Argon2id.deriveKey(PIN, salt, params));

    assertThat(otherPin).isNotEqualTo(base);
    assertThat(otherSalt).isNotEqualTo(base);
    assertThat(otherSecret).isNotEqualTo(base);
    assertThat(noSecret).isNotEqualTo(base);
  }

  @Test
  void deriveKey_matchesRawComputeWithTheSameCosts() {
    byte[] salt = filled(16, 0x07);
    byte[] expected = Argon2id.compute(PIN, salt, new byte[0], new byte[0], 19 * 1024, 2, 1, 32);
    assertThat(raw(Argon2id.deriveKey(PIN, salt, Argon2idParameters.MINIMUM))).isEqualTo(expected);
  }

  @Test
  void deriveKey_shortSalt_throws() {
    assertThatThrownBy(() -> Argon2id.deriveKey(PIN, new byte[15], Argon2idParameters.MINIMUM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Argon2id.deriveKey(PIN, null, Argon2idParameters.MINIMUM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Argon2id.deriveKey(PIN, new byte[16], null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "m={0} KiB, t={1}, p={2}")
  @CsvSource({
    "19455, 2, 1", // just under 19 MiB
    "32, 3, 4", // the RFC 9106 test-vector costs
    "19456, 1, 1", // one pass needs 46 MiB
    "47103, 1, 1",
    "19456, 0, 1",
    "19456, 65, 1",
    "19456, 2, 0",
    "19456, 2, 17",
    "1048577, 2, 1" // over 1 GiB
  })
  void constructor_weakOrAbusiveParameters_throw(int memoryKiB, int iterations, int parallelism) {
    assertThatThrownBy(() -> new Argon2idParameters(memoryKiB, iterations, parallelism))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Argon2idParameters.builder()
                    .memoryKiB(memoryKiB)
                    .iterations(iterations)
                    .parallelism(parallelism)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_acceptableParameters_buildRecord() {
    assertThat(Argon2idParameters.builder().build())
        .isEqualTo(Argon2idParameters.RFC_9106_LOW_MEMORY)
        .isEqualTo(new Argon2idParameters(65536, 3, 4));
    assertThat(Argon2idParameters.builder().memoryKiB(47104).iterations(1).parallelism(2).build())
        .isEqualTo(new Argon2idParameters(47104, 1, 2));
  }

  private static byte[] raw(AesGcmKey key) {
    return key.exportSecret(SecretKeyAccess.insecureSecretAccess());
  }

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
