package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Multibase base58btc and multicodec key prefixes (did:key, W3C Multikey). */
class MultibaseTest {
  private static final HexFormat HEX = HexFormat.of();

  /** draft-msporny-base58 section 5 examples, and leading zero bytes as leading '1's. */
  @ParameterizedTest
  @CsvSource({
    "48656c6c6f20576f726c6421, z2NEpo7TZRRrLZSi2U",
    "0000287fb4cd, z11233QC4",
    "0000000000, z11111",
    "'', z"
  })
  void encodeBase58Btc_knownValue_matchesAndRoundTrips(String hex, String expected) {
    byte[] data = HEX.parseHex(hex);
    assertThat(Multibase.encodeBase58Btc(data)).isEqualTo(expected);
    if (!expected.equals("z")) {
      assertThat(Multibase.decode(expected)).isEqualTo(data);
    }
  }

  @Test
  void encodeBase58Btc_quickBrownFox_matchesDraftExample() {
    byte[] fox = "The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII);
    assertThat(Multibase.encodeBase58Btc(fox))
        .isEqualTo("zUSm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "z", "m", "f00", "z0OIl", "zé"})
  void decode_notBase58Btc_throws(String input) {
    assertThatThrownBy(() -> Multibase.decode(input)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_overlongInput_throws() {
    assertThatThrownBy(() -> Multibase.decode("z" + "2".repeat(5000)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeMultibase_wrongCodecOrLength_throws() {
    String ed = Ed25519PrivateKey.generate().publicKey().toMultibase();
    assertThat(ed).startsWith("z6Mk");
    assertThatThrownBy(() -> Multicodec.X25519_PUB.decodeMultibase(ed))
        .isInstanceOf(IllegalArgumentException.class);
    String shortKey = Multibase.encodeBase58Btc(HEX.parseHex("ed01" + "00".repeat(31)));
    assertThatThrownBy(() -> Multicodec.ED25519_PUB.decodeMultibase(shortKey))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Multicodec.ED25519_PUB.encodeMultibase(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void x25519Multibase_startsWithZ6LS() {
    assertThat(X25519PrivateKey.generate().publicKey().toMultibase()).startsWith("z6LS");
  }
}
