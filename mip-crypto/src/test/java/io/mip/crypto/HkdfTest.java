package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HKDF-SHA256 against RFC 5869 appendix A.1 to A.3. */
class HkdfTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "RFC 5869 A.{index}")
  @CsvSource({
    // A.1: basic test case
    "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b,000102030405060708090a0b0c,"
        + "f0f1f2f3f4f5f6f7f8f9,42,"
        + "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5,"
        + "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
    // A.2: longer inputs and outputs
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c"
        + "2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f,"
        + "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a"
        + "8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf,"
        + "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9da"
        + "dbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff,82,"
        + "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244,"
        + "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41"
        + "c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
    // A.3: zero-length salt and info
    "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b,'','',42,"
        + "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04,"
        + "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
  })
  void derive_rfc5869Vector_matchesPrkAndOkm(
      String ikm, String salt, String info, int length, String prk, String okm) {
    byte[] ikmBytes = HEX.parseHex(ikm);
    byte[] saltBytes = HEX.parseHex(salt);
    byte[] infoBytes = HEX.parseHex(info);

    assertThat(HEX.formatHex(Hkdf.extract(saltBytes, ikmBytes))).isEqualTo(prk);
    assertThat(HEX.formatHex(Hkdf.expand(HEX.parseHex(prk), infoBytes, length))).isEqualTo(okm);
    assertThat(HEX.formatHex(Hkdf.derive(saltBytes, ikmBytes, infoBytes, length))).isEqualTo(okm);
  }

  @Test
  void extract_nullSalt_equalsZeroSalt() {
    byte[] ikm = "input".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Hkdf.extract(null, ikm)).isEqualTo(Hkdf.extract(new byte[32], ikm));
  }

  @Test
  void expand_maximumLength_isAcceptedAndPrefixConsistent() {
    byte[] prk = Hkdf.extract(null, new byte[32]);
    byte[] full = Hkdf.expand(prk, null, Hkdf.MAX_OUTPUT_LENGTH);
    assertThat(full).hasSize(8160);
    assertThat(Hkdf.expand(prk, null, 100)).isEqualTo(java.util.Arrays.copyOf(full, 100));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 8161})
  void expand_lengthOutOfRange_throws(int length) {
    byte[] prk = new byte[32];
    assertThatThrownBy(() -> Hkdf.expand(prk, null, length))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void expand_shortPrk_throws() {
    assertThatThrownBy(() -> Hkdf.expand(new byte[31], null, 32))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extract_oversizedInput_throws() {
    byte[] big = new byte[Hkdf.MAX_INPUT_LENGTH + 1];
    assertThatThrownBy(() -> Hkdf.extract(null, big)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hkdf.extract(big, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hkdf.expand(new byte[32], big, 32))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
