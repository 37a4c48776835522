package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** X25519 against RFC 7748 sections 5.2 and 6.1, RFC 9180 DeriveKeyPair and did:key vectors. */
class X25519Test {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 7748 section 5.2, the two single-step vectors. */
  @ParameterizedTest
  @CsvSource({
    "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4,"
        + "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c,"
        + "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
    "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d,"
        + "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493,"
        + "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
  })
  void agree_rfc7748Section52Vector_matches(String scalar, String u, String expected) {
    X25519PrivateKey key = X25519PrivateKey.fromBytes(HEX.parseHex(scalar));
    byte[] uBytes = HEX.parseHex(u);
    // Vector 2's u has the high bit set, which RFC 7748 masks and MIP's parser refuses.
    uBytes[31] &= 0x7f;
    byte[] shared = key.agree(X25519PublicKey.fromBytes(uBytes)).orElseThrow();
    assertThat(HEX.formatHex(shared)).isEqualTo(expected);
  }

  /** RFC 7748 section 5.2, the iterated test after 1 and 1,000 iterations. */
  @Test
  void scalarMult_rfc7748Iterated_matchesAfter1And1000() {
    byte[] k = new byte[32];
    k[0] = 9;
    byte[] u = k.clone();
    for (int i = 1; i <= 1000; i++) {
      byte[] out = X25519PrivateKey.fromBytes(k).agree(X25519PublicKey.fromBytes(u)).orElseThrow();
      u = k;
      k = out;
      if (i == 1) {
        assertThat(HEX.formatHex(k))
            .isEqualTo("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
      }
    }
    assertThat(HEX.formatHex(k))
        .isEqualTo("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
  }

  /** RFC 7748 section 6.1: Alice's and Bob's keys and their shared secret. */
  @Test
  void agree_rfc7748Section61_bothSidesGetTheVector() {
    X25519PrivateKey alice =
        X25519PrivateKey.fromBytes(
            HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    X25519PrivateKey bob =
        X25519PrivateKey.fromBytes(
            HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    assertThat(HEX.formatHex(alice.publicKey().toBytes()))
        .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    assertThat(HEX.formatHex(bob.publicKey().toBytes()))
        .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    assertThat(HEX.formatHex(alice.agree(bob.publicKey()).orElseThrow())).isEqualTo(shared);
    assertThat(HEX.formatHex(bob.agree(alice.publicKey()).orElseThrow())).isEqualTo(shared);
  }

  /**
   * The canonical encodings of the points of order 1, 2, 4 and 8 (RFC 7748 section 6.1 says their
   * agreement is all zeros): 0, 1, the two order-8 points, and p - 1.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
      })
  void fromBytes_lowOrderPoint_throws(String hex) {
    byte[] point = HEX.parseHex(hex);
    // Independent check that BouncyCastle's agreement with this point is indeed all zeros.
    byte[] out = new byte[32];
    boolean ok =
        X25519.calculateAgreement(
            X25519PrivateKey.generate().exportSecret(SecretKeyAccess.insecureSecretAccess()),
            0,
            point,
            0,
            out,
            0);
    assertThat(ok).isFalse();
    assertThatThrownBy(() -> X25519PublicKey.fromBytes(point))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("low-order");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // p, p + 1: non-canonical encodings of 0 and 1
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        // 9 with the high bit set
        "0900000000000000000000000000000000000000000000000000000000000080"
      })
  void fromBytes_nonCanonicalEncoding_throws(String hex) {
    assertThatThrownBy(() -> X25519PublicKey.fromBytes(HEX.parseHex(hex)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("canonical");
  }

  @Test
  void fromBytes_wrongLength_throws() {
    assertThatThrownBy(() -> X25519PublicKey.fromBytes(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> X25519PrivateKey.fromBytes(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> X25519PublicKey.fromBytes(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** RFC 9180 A.1.1: DeriveKeyPair(ikmR) and DeriveKeyPair(ikmE). */
  @ParameterizedTest
  @CsvSource({
    "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037,"
        + "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8,"
        + "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
    "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234,"
        + "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736,"
        + "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431"
  })
  void deriveFromSeed_rfc9180A11_matchesSkAndPk(String ikm, String sk, String pk) {
    X25519PrivateKey key = X25519PrivateKey.deriveFromSeed(HEX.parseHex(ikm));
    assertThat(HEX.formatHex(key.exportSecret(SecretKeyAccess.insecureSecretAccess())))
        .isEqualTo(sk);
    assertThat(HEX.formatHex(key.publicKey().toBytes())).isEqualTo(pk);
  }

  @Test
  void deriveFromSeed_shortOrLongSeed_throws() {
    assertThatThrownBy(() -> X25519PrivateKey.deriveFromSeed(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> X25519PrivateKey.deriveFromSeed(new byte[1025]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** did:key spec x25519.json and the keyAgreement keys of ed25519-x25519.json. */
  @ParameterizedTest
  @CsvSource({
    "z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F,4Dy8E9UaZscuPUf2GLxV44RCNL7oxmEXXkgWXaug1WKV",
    "z6LStiZsmxiK4odS4Sb6JmdRFuJ6e1SYP157gtiCyJKfrYha,J3PiFeuSyLugy4DKn87TwK5cnruRgPtxouzXUqg99Avp",
    "z6LSoMdmJz2Djah2P4L9taDmtqeJ6wwd2HhKZvNToBmvaczQ,CgTbngDMe7yHHfxPMvhpaFRpFoQWKgXAgwenJj8PsFDe",
    "z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW,7By6kV2t2d188odEM4ExAve1UithKT6dLva4dwsDT3ak"
  })
  void fromMultibase_didKeyVector_roundTrips(String multibase, String base58) {
    X25519PublicKey key = X25519PublicKey.fromMultibase(multibase);
    assertThat(key.toBytes()).isEqualTo(Multibase.unbase58(base58));
    assertThat(key.toMultibase()).isEqualTo(multibase);
  }

  /** did:key ed25519-x25519.json: the key agreement private key maps to its public key. */
  @Test
  void publicKey_didKeyKeyAgreementPrivateKey_matchesPublicKey() {
    X25519PrivateKey key =
        X25519PrivateKey.fromBytes(
            Multibase.unbase58("6QN8DfuN9hjgHgPvLXqgzqYE3jRRGRrmJQZkd5tL8paR"));
    assertThat(key.publicKey().toMultibase())
        .isEqualTo("z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW");
  }

  @Test
  void exportSecret_roundTripsAndRequiresToken() {
    X25519PrivateKey key = X25519PrivateKey.generate();
    byte[] secret = key.exportSecret(SecretKeyAccess.insecureSecretAccess());
    assertThat(X25519PrivateKey.fromBytes(secret).publicKey()).isEqualTo(key.publicKey());
    assertThatThrownBy(() -> key.exportSecret(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(key.toString()).startsWith("X25519PrivateKey[public=z6LS");
  }
}
