package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AES-256-GCM: known answers from the GCM specification and the sealed format. */
class AesGcmKeyTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] AAD = "header".getBytes(StandardCharsets.UTF_8);

  /**
   * McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 13, 14 and 16 (AES-256,
   * 96-bit IV), also in NIST's GCM validation data.
   */
  @ParameterizedTest(name = "GCM test case {index}")
  @CsvSource({
    "0000000000000000000000000000000000000000000000000000000000000000,"
        + "000000000000000000000000,'','','','530f8afbc74536b9a963b4f1c4cb738b'",
    "0000000000000000000000000000000000000000000000000000000000000000,"
        + "000000000000000000000000,00000000000000000000000000000000,'',"
        + "cea7403d4d606b6e074ec5d3baf39d18,d0d1c8a799996bf0265b98b5d48ab919",
    "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308,"
        + "cafebabefacedbaddecaf888,"
        + "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e"
        + "2449a6b525b16aedf5aa0de657ba637b39,"
        + "feedfacedeadbeeffeedfacedeadbeefabaddad2,"
        + "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b"
        + "1056828838c5f61e6393ba7a0abcc9f662,"
        + "76fc6ece0f4e1768cddf8853bb2d551b"
  })
  void seal_gcmSpecVector_matchesCiphertextAndTag(
      String key, String iv, String pt, String aad, String ct, String tag) {
    byte[] sealed =
        AesGcm.seal(HEX.parseHex(key), HEX.parseHex(iv), HEX.parseHex(aad), HEX.parseHex(pt));
    assertThat(HEX.formatHex(sealed)).isEqualTo(ct + tag);

    // The same bytes in AesGcmKey's format (nonce || ct || tag) decrypt through the public API.
    byte[] framed = HEX.parseHex(iv + ct + tag);
    Decryption result = AesGcmKey.fromBytes(HEX.parseHex(key)).decrypt(framed, HEX.parseHex(aad));
    assertThat(HEX.formatHex(result.plaintext())).isEqualTo(pt);
  }

  @Test
  void decrypt_ofEncrypt_returnsPlaintext() {
    AesGcmKey key = AesGcmKey.generate();
    byte[] plaintext = "the passport seed".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = key.encrypt(plaintext, AAD);

    assertThat(sealed).hasSize(plaintext.length + AesGcmKey.OVERHEAD);
    Decryption result = key.decrypt(sealed, AAD);
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.plaintext()).isEqualTo(plaintext);
    assertThat(result.failure()).isEmpty();
  }

  @Test
  void encrypt_samePlaintextTwice_usesFreshNonces() {
    AesGcmKey key = AesGcmKey.generate();
    byte[] a = key.encrypt(new byte[16], null);
    byte[] b = key.encrypt(new byte[16], null);
    assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void decrypt_anyFlippedBit_failsAuthentication() {
    AesGcmKey key = AesGcmKey.generate();
    byte[] sealed = key.encrypt("tamper me".getBytes(StandardCharsets.UTF_8), AAD);
    for (int i = 0; i < sealed.length; i++) {
      byte[] bad = sealed.clone();
      bad[i] ^= 0x80;
      Decryption result = key.decrypt(bad, AAD);
      assertThat(result.failure())
          .as("byte %d (nonce, ciphertext or tag)", i)
          .contains(Decryption.Failure.AUTHENTICATION_FAILED);
    }
  }

  @Test
  void decrypt_wrongAadOrKey_failsAuthentication() {
    AesGcmKey key = AesGcmKey.generate();
    byte[] sealed = key.encrypt(new byte[] {1, 2, 3}, AAD);
    assertThat(key.decrypt(sealed, "other".getBytes(StandardCharsets.UTF_8)).failure())
        .contains(Decryption.Failure.AUTHENTICATION_FAILED);
    assertThat(key.decrypt(sealed, null).failure())
        .contains(Decryption.Failure.AUTHENTICATION_FAILED);
    assertThat(AesGcmKey.generate().decrypt(sealed, AAD).failure())
        .contains(Decryption.Failure.AUTHENTICATION_FAILED);
  }

  @Test
  void decrypt_truncatedInput_isMalformed() {
    AesGcmKey key = AesGcmKey.generate();
    assertThat(key.decrypt(new byte[AesGcmKey.OVERHEAD - 1], null).failure())
        .contains(Decryption.Failure.MALFORMED);
    assertThat(key.decrypt(null, null).failure()).contains(Decryption.Failure.MALFORMED);
    Decryption failed = key.decrypt(new byte[3], null);
    assertThat(failed.toOptional()).isEmpty();
    assertThatThrownBy(failed::plaintext).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void decrypt_emptyPlaintext_roundTrips() {
    AesGcmKey key = AesGcmKey.generate();
    byte[] sealed = key.encrypt(new byte[0], null);
    assertThat(sealed).hasSize(AesGcmKey.OVERHEAD);
    assertThat(key.decrypt(sealed, new byte[0]).plaintext()).isEmpty();
  }

  @Test
  void encrypt_oversizedInput_throws() {
    AesGcmKey key = AesGcmKey.generate();
    assertThatThrownBy(() -> key.encrypt(new byte[1], new byte[AesGcmKey.MAX_AAD_LENGTH + 1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> key.encrypt(null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromBytes_wrongLength_throws() {
    assertThatThrownBy(() -> AesGcmKey.fromBytes(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AesGcmKey.fromBytes(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exportSecret_roundTripsRequiresTokenAndIsNotPrinted() {
    AesGcmKey key = AesGcmKey.generate();
    byte[] raw = key.exportSecret(SecretKeyAccess.insecureSecretAccess());
    byte[] sealed = key.encrypt(new byte[] {42}, null);
    assertThat(AesGcmKey.fromBytes(raw).decrypt(sealed, null).plaintext()).containsExactly(42);
    assertThatThrownBy(() -> key.exportSecret(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(key.toString()).doesNotContain(HEX.formatHex(raw));
  }
}
