package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

/**
 * HPKE against RFC 9180 appendix A (A.1.1 end to end with AES-128-GCM, A.2.1 key schedule with a
 * 32-byte key), the AES-256-GCM suite's test-vectors.json entry, and BouncyCastle's independent
 * HPKE in both directions.
 */
class HpkeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] INFO = HEX.parseHex("4f6465206f6e2061204772656369616e2055726e");
  private static final byte[] PT =
      HEX.parseHex("4265617574792069732074727574682c20747275746820626561757479");
  private static final byte[] AAD0 = HEX.parseHex("436f756e742d30");

  /** RFC 9180 A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode. */
  @Test
  void suite_rfc9180A11_matchesEveryIntermediateAndFirstCiphertext() {
    HpkeSuite suite = new HpkeSuite(HpkeSuite.AEAD_AES_128_GCM, 16);
    X25519PrivateKey skE =
        X25519PrivateKey.deriveFromSeed(
            HEX.parseHex("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234"));
    X25519PrivateKey skR =
        X25519PrivateKey.deriveFromSeed(
            HEX.parseHex("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037"));

    HpkeSuite.Encapsulation encap = HpkeSuite.encap(skR.publicKey(), skE);
    assertThat(HEX.formatHex(encap.enc()))
        .isEqualTo("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
    assertThat(HEX.formatHex(encap.sharedSecret()))
        .isEqualTo("fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc");
    assertThat(HpkeSuite.decap(X25519PublicKey.fromBytes(encap.enc()), skR))
        .isEqualTo(encap.sharedSecret());

    HpkeSuite.Context ctx = suite.keySchedule(encap.sharedSecret(), INFO);
    assertThat(HEX.formatHex(ctx.key())).isEqualTo("4531685d41d65f03dc48f6b8302c05b0");
    assertThat(HEX.formatHex(ctx.baseNonce())).isEqualTo("56d890e5accaaf011cff4b7d");
    assertThat(HEX.formatHex(ctx.exporterSecret()))
        .isEqualTo("45ff1c2e220db587171952c0592d5f5ebe103f1561a2614e38f2ffd47e99e3f8");

    byte[] ct = suite.sealFirst(ctx, AAD0, PT);
    assertThat(HEX.formatHex(ct))
        .isEqualTo(
            "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9"
                + "6d8770ac83d07bea87e13c512a");
    assertThat(suite.openFirst(ctx, AAD0, ct)).isEqualTo(PT);
  }

  /** RFC 9180 A.2.1: the key schedule with a 32-byte AEAD key (suite id with AEAD 0x0003). */
  @Test
  void suite_rfc9180A21_matchesSharedSecretKeyAndNonce() {
    HpkeSuite suite = new HpkeSuite(0x0003, 32);
    X25519PrivateKey skE =
        X25519PrivateKey.deriveFromSeed(
            HEX.parseHex("909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b"));
    X25519PrivateKey skR =
        X25519PrivateKey.deriveFromSeed(
            HEX.parseHex("1ac01f181fdf9f352797655161c58b75c656a6cc2716dcb66372da835542e1df"));
    assertThat(HEX.formatHex(skR.publicKey().toBytes()))
        .isEqualTo("4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a");

    HpkeSuite.Encapsulation encap = HpkeSuite.encap(skR.publicKey(), skE);
    assertThat(HEX.formatHex(encap.enc()))
        .isEqualTo("1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a");
    assertThat(HEX.formatHex(encap.sharedSecret()))
        .isEqualTo("0bbe78490412b4bbea4812666f7916932b828bba79942424abb65244930d69a7");
    HpkeSuite.Context ctx = suite.keySchedule(encap.sharedSecret(), INFO);
    assertThat(HEX.formatHex(ctx.key()))
        .isEqualTo("ad2744de8e17f4ebba575b3f5f5a8fa1f69c2a07f6e7500bc60ca6e3e3ec1c91");
    assertThat(HEX.formatHex(ctx.baseNonce())).isEqualTo("5c4d98150661b848853b547f");
    assertThat(HEX.formatHex(ctx.exporterSecret()))
        .isEqualTo("a3b010d4994890e2c6968a36f64470d3c824c8f5029942feb11e7a74b2921922");
  }

  /**
   * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, base mode: the RFC's appendix prints no
   * vector for this suite; this one is the RFC 9180 test-vectors.json entry as carried by
   * BoringSSL's hpke_test_vectors.txt (also used by Tink), which gives pkRm, skEm and the first
   * ciphertext.
   */
  @Test
  void seal_aes256SuiteVector_matchesCiphertext() {
    X25519PublicKey pkR =
        X25519PublicKey.fromBytes(
            HEX.parseHex("ac66bae9ffa270cf4a89ed9f274e30c0456babae2572aaaf002ff0d8884ab018"));
    X25519PrivateKey skE =
        X25519PrivateKey.fromBytes(
            HEX.parseHex("28e212563a8b6f068af7ff17400ff1baf23612b7a738bbaf5dfb321b2b5b431a"));

    Hpke.Sealed sealed = Hpke.seal(pkR, INFO, AAD0, PT, skE);

    assertThat(sealed.enc()).isEqualTo(skE.publicKey().toBytes());
    assertThat(HEX.formatHex(sealed.ciphertext()))
        .isEqualTo(
            "23ded2d5d90ea89d975dac4792b297240f194952d7421aacbff0474100052b6b"
                + "b8aa58d18ef6c42b6960e2e28f");
  }

  @Test
  void open_ofSeal_returnsPlaintext() {
    X25519PrivateKey recipient = X25519PrivateKey.generate();
    Hpke.Sealed sealed = Hpke.seal(recipient.publicKey(), INFO, AAD0, PT);

    assertThat(sealed.enc()).hasSize(Hpke.ENC_LENGTH);
    assertThat(sealed.ciphertext()).hasSize(PT.length + Hpke.TAG_LENGTH);
    assertThat(Hpke.open(recipient, sealed, INFO, AAD0).plaintext()).isEqualTo(PT);
    Hpke.Sealed reparsed = Hpke.Sealed.fromBytes(sealed.toBytes());
    assertThat(reparsed).isEqualTo(sealed);
    assertThat(Hpke.open(recipient, reparsed.enc(), INFO, AAD0, reparsed.ciphertext()).plaintext())
        .isEqualTo(PT);
  }

  /** Our AES-256-GCM suite interoperates with BouncyCastle's RFC 9180 implementation. */
  @Test
  void seal_aes256Suite_interoperatesWithBouncyCastleBothWays() throws InvalidCipherTextException {
    HPKE bc =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    X25519PrivateKey recipient = X25519PrivateKey.generate();
    byte[] sk = recipient.exportSecret(SecretKeyAccess.insecureSecretAccess());
    byte[] pk = recipient.publicKey().toBytes();
    AsymmetricCipherKeyPair bcRecipient = bc.deserializePrivateKey(sk, pk);

    Hpke.Sealed ours = Hpke.seal(recipient.publicKey(), INFO, AAD0, PT);
    byte[] openedByBc =
        bc.open(ours.enc(), bcRecipient, INFO, AAD0, ours.ciphertext(), null, null, null);
    assertThat(openedByBc).isEqualTo(PT);

    byte[][] theirs = bc.seal(bc.deserializePublicKey(pk), INFO, AAD0, PT, null, null, null);
    Decryption openedByUs = Hpke.open(recipient, theirs[1], INFO, AAD0, theirs[0]);
    assertThat(openedByUs.plaintext()).isEqualTo(PT);
  }

  @Test
  void open_wrongKeyInfoOrAad_failsAuthentication() {
    X25519PrivateKey recipient = X25519PrivateKey.generate();
    Hpke.Sealed sealed = Hpke.seal(recipient.publicKey(), INFO, AAD0, PT);
    byte[] other = "other".getBytes(StandardCharsets.UTF_8);

    assertThat(Hpke.open(X25519PrivateKey.generate(), sealed, INFO, AAD0).failure())
        .contains(Decryption.Failure.AUTHENTICATION_FAILED);
    assertThat(Hpke.open(recipient, sealed, other, AAD0).failure())
        .contains(Decryption.Failure.AUTHENTICATION_FAILED);
    assertThat(Hpke.open(recipient, sealed, INFO, other).failure())
        .contains(Decryption.Failure.AUTHENTICATION_FAILED);
  }

  @Test
  void open_anyFlippedBitInEncOrCiphertext_fails() {
    X25519PrivateKey recipient = X25519PrivateKey.generate();
    byte[] wire = Hpke.seal(recipient.publicKey(), INFO, AAD0, PT).toBytes();
    for (int i = 0; i < wire.length; i++) {
      byte[] bad = wire.clone();
      bad[i] ^= 0x01;
      Decryption result = Hpke.open(recipient, Hpke.Sealed.fromBytes(bad), INFO, AAD0);
      assertThat(result.isSuccess()).as("flipped byte %d", i).isFalse();
    }
  }

  @Test
  void open_lowOrderEnc_isInvalidEncapsulatedKey() {
    X25519PrivateKey recipient = X25519PrivateKey.generate();
    byte[] ct = Hpke.seal(recipient.publicKey(), INFO, AAD0, PT).ciphertext();
    byte[] lowOrder =
        HEX.parseHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
    assertThat(Hpke.open(recipient, lowOrder, INFO, AAD0, ct).failure())
        .contains(Decryption.Failure.INVALID_ENCAPSULATED_KEY);
    assertThat(Hpke.open(recipient, new byte[32], INFO, AAD0, ct).failure())
        .contains(Decryption.Failure.INVALID_ENCAPSULATED_KEY);
  }

  @Test
  void open_badLengths_isMalformed() {
    X25519PrivateKey recipient = X25519PrivateKey.generate();
    Hpke.Sealed sealed = Hpke.seal(recipient.publicKey(), INFO, AAD0, PT);
    assertThat(Hpke.open(recipient, sealed.enc(), INFO, AAD0, new byte[15]).failure())
        .contains(Decryption.Failure.MALFORMED);
    assertThat(Hpke.open(recipient, null, INFO, AAD0, sealed.ciphertext()).failure())
        .contains(Decryption.Failure.MALFORMED);
    assertThat(
            Hpke.open(recipient, sealed.enc(), new byte[Hpke.MAX_INFO_LENGTH + 1], AAD0, PT)
                .failure())
        .contains(Decryption.Failure.MALFORMED);
    assertThatThrownBy(() -> Hpke.Sealed.fromBytes(new byte[47]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seal_oversizedInfo_throws() {
    X25519PublicKey pk = X25519PrivateKey.generate().publicKey();
    assertThatThrownBy(() -> Hpke.seal(pk, new byte[Hpke.MAX_INFO_LENGTH + 1], null, PT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hpke.seal(pk, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seal_twice_usesFreshEphemeralKeys() {
    X25519PublicKey pk = X25519PrivateKey.generate().publicKey();
    assertThat(Hpke.seal(pk, null, null, PT).enc())
        .isNotEqualTo(Hpke.seal(pk, null, null, PT).enc());
  }
}
