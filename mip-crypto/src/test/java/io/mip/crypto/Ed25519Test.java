package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ed25519 against RFC 8032 section 7.1 and the did:key test vectors. */
class Ed25519Test {
  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  /** RFC 8032 section 7.1, TEST 1, TEST 2, TEST 3 and TEST SHA(abc). */
  @ParameterizedTest(name = "RFC 8032 7.1 vector {index}")
  @CsvSource({
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
        + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,'',"
        + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc6"
        + "1e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
        + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
        + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e45"
        + "8f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
        + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,af82,"
        + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae"
        + "67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42,"
        + "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf,"
        + "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836"
        + "ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f,"
        + "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfd"
        + "fbc7c66431e0303dca179c138ac17ad9bef1177331a704"
  })
  void sign_rfc8032Vector_matchesPublicKeyAndSignature(
      String seed, String publicKey, String message, String signature) {
    checkVector(seed, publicKey, HEX.parseHex(message), signature);
  }

  /** RFC 8032 section 7.1, TEST 1024 (a 1023-byte message). */
  @Test
  void sign_rfc8032Test1024_matchesSignature() throws IOException {
    byte[] message;
    try (InputStream in = getClass().getResourceAsStream("rfc8032-test1024-message.hex")) {
      message = HEX.parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
    }
    assertThat(message).hasSize(1023);
    checkVector(
        "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
        "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
        message,
        "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
            + "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03");
  }

  private static void checkVector(String seed, String publicKey, byte[] message, String sig) {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(HEX.parseHex(seed));
    assertThat(HEX.formatHex(key.publicKey().toBytes())).isEqualTo(publicKey);
    assertThat(HEX.formatHex(key.signer().sign(message))).isEqualTo(sig);
    Ed25519PublicKey parsed = Ed25519PublicKey.fromBytes(HEX.parseHex(publicKey));
    assertThat(parsed.verifier().verify(message, HEX.parseHex(sig))).isTrue();
  }

  /** did:key spec test vectors (ed25519-x25519.json): seed 00..00 and 00..01. */
  @ParameterizedTest
  @CsvSource({
    "0000000000000000000000000000000000000000000000000000000000000000,"
        + "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp,"
        + "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS",
    "0000000000000000000000000000000000000000000000000000000000000001,"
        + "z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG,"
        + "6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt"
  })
  void toMultibase_didKeyVector_matchesSpec(String seed, String multibase, String base58) {
    Ed25519PublicKey key = Ed25519PrivateKey.fromSeed(HEX.parseHex(seed)).publicKey();
    assertThat(key.toMultibase()).isEqualTo(multibase);
    assertThat(key.toBytes()).isEqualTo(Multibase.unbase58(base58));
    assertThat(Ed25519PublicKey.fromMultibase(multibase)).isEqualTo(key);
  }

  @Test
  void verify_signatureWithSPlusL_isRejectedAsNonCanonical() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    byte[] message = "canonical".getBytes(StandardCharsets.UTF_8);
    byte[] sig = key.signer().sign(message);
    byte[] malleable = sig.clone();
    BigInteger s = littleEndian(sig, 32);
    byte[] sPlusL = toLittleEndian(s.add(L));
    System.arraycopy(sPlusL, 0, malleable, 32, 32);

    assertThat(key.publicKey().verifier().verify(message, sig)).isTrue();
    assertThat(key.publicKey().verifier().verify(message, malleable)).isFalse();
  }

  @Test
  void verify_tamperedMessageOrSignature_isFalse() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    byte[] message = "message".getBytes(StandardCharsets.UTF_8);
    byte[] sig = key.signer().sign(message);
    Verifier verifier = key.publicKey().verifier();
    for (int i = 0; i < sig.length; i++) {
      byte[] bad = sig.clone();
      bad[i] ^= 0x01;
      assertThat(verifier.verify(message, bad)).as("flipped signature byte %d", i).isFalse();
    }
    assertThat(verifier.verify("messagE".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    assertThat(Ed25519PrivateKey.generate().publicKey().verifier().verify(message, sig)).isFalse();
  }

  @Test
  void verify_wrongLengthOrNull_isFalseWithoutThrowing() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    byte[] sig = key.signer().sign(new byte[0]);
    Verifier verifier = key.publicKey().verifier();
    assertThat(verifier.verify(new byte[0], new byte[63])).isFalse();
    assertThat(verifier.verify(new byte[0], new byte[65])).isFalse();
    assertThat(verifier.verify(new byte[0], null)).isFalse();
    assertThat(verifier.verify(null, sig)).isFalse();
  }

  @Test
  void fromBytes_wrongLengthOrNotAPoint_throws() {
    assertThatThrownBy(() -> Ed25519PublicKey.fromBytes(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ed25519PrivateKey.fromSeed(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class);
    // y = p is a non-canonical encoding of y = 0 (RFC 8032 section 5.1.3 step 1).
    byte[] nonCanonical =
        HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertThatThrownBy(() -> Ed25519PublicKey.fromBytes(nonCanonical))
        .isInstanceOf(IllegalArgumentException.class);
    // y = 1 is the neutral element, a small-order point.
    byte[] identity = new byte[32];
    identity[0] = 1;
    assertThatThrownBy(() -> Ed25519PublicKey.fromBytes(identity))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromMultibase_x25519Key_throws() {
    String x25519 = X25519PrivateKey.generate().publicKey().toMultibase();
    assertThatThrownBy(() -> Ed25519PublicKey.fromMultibase(x25519))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exportSeed_roundTripsAndRequiresToken() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    byte[] seed = key.exportSeed(SecretKeyAccess.insecureSecretAccess());
    assertThat(Ed25519PrivateKey.fromSeed(seed).publicKey()).isEqualTo(key.publicKey());
    assertThatThrownBy(() -> key.exportSeed(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(key.toString()).doesNotContain(HEX.formatHex(seed));
  }

  private static BigInteger littleEndian(byte[] b, int offset) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[31 - i] = b[offset + i];
    }
    return new BigInteger(1, be);
  }

  private static byte[] toLittleEndian(BigInteger v) {
    byte[] out = new byte[32];
    byte[] be = v.toByteArray();
    for (int i = 0; i < be.length && i < 32; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }
}
