package io.mip.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The RFC 9180 machinery behind {@link Hpke}: DHKEM(X25519, HKDF-SHA256) (section 4.1), the labeled
 * HKDF functions (section 4), the base-mode key schedule (section 5.1) and single-shot encryption
 * with sequence number 0 (sections 5.2 and 6.1). Package private; the AEAD is AES-GCM with a key
 * length chosen by the suite so tests can check the RFC's AES-128-GCM vectors too.
 */
final class HpkeSuite {
  static final int KEM_X25519_HKDF_SHA256 = 0x0020;
  static final int KDF_HKDF_SHA256 = 0x0001;
  static final int AEAD_AES_128_GCM = 0x0001;
  static final int AEAD_AES_256_GCM = 0x0002;

  static final int N_SECRET = 32;
  static final int N_ENC = 32;
  static final int N_NONCE = 12;
  static final int N_HASH = 32;
  static final int MODE_BASE = 0x00;

  /** The suite MIP uses: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM. */
  static final HpkeSuite X25519_SHA256_AES256GCM = new HpkeSuite(AEAD_AES_256_GCM, 32);

  private static final byte[] VERSION = ascii("HPKE-v1");
  private static final byte[] KEM_SUITE_ID = concat(ascii("KEM"), i2osp2(KEM_X25519_HKDF_SHA256));

  private final byte[] suiteId;
  private final int keyLength;

  HpkeSuite(int aeadId, int keyLength) {
    this.suiteId =
        concat(
            ascii("HPKE"), i2osp2(KEM_X25519_HKDF_SHA256), i2osp2(KDF_HKDF_SHA256), i2osp2(aeadId));
    this.keyLength = keyLength;
  }

  /** Output of the key schedule (RFC 9180 section 5.1). */
  record Context(byte[] key, byte[] baseNonce, byte[] exporterSecret) {}

  /** Result of Encap (RFC 9180 section 4.1). */
  record Encapsulation(byte[] sharedSecret, byte[] enc) {}

  /** DeriveKeyPair for X25519 (RFC 9180 section 7.1.3); returns the private scalar. */
  static byte[] deriveX25519Scalar(byte[] ikm) {
    byte[] dkpPrk = labeledExtract(KEM_SUITE_ID, new byte[0], "dkp_prk", ikm);
    return labeledExpand(KEM_SUITE_ID, dkpPrk, "sk", new byte[0], 32);
  }

  /** Encap(pkR) with the given ephemeral key; {@code null} if DH gives the all-zero value. */
  static Encapsulation encap(X25519PublicKey pkR, X25519PrivateKey skE) {
    byte[] dh = skE.agree(pkR).orElse(null);
    if (dh == null) {
      return null;
    }
    byte[] enc = skE.publicKey().toBytes();
    return new Encapsulation(extractAndExpand(dh, concat(enc, pkR.encoded())), enc);
  }

  /** Decap(enc, skR); {@code null} if DH gives the all-zero value. */
  static byte[] decap(X25519PublicKey pkE, X25519PrivateKey skR) {
    byte[] dh = skR.agree(pkE).orElse(null);
    if (dh == null) {
      return null;
    }
    return extractAndExpand(dh, concat(pkE.encoded(), skR.publicKey().encoded()));
  }

  private static byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
    byte[] eaePrk = labeledExtract(KEM_SUITE_ID, new byte[0], "eae_prk", dh);
    return labeledExpand(KEM_SUITE_ID, eaePrk, "shared_secret", kemContext, N_SECRET);
  }

  /** KeySchedule in base mode: psk and psk_id are empty (RFC 9180 section 5.1). */
  Context keySchedule(byte[] sharedSecret, byte[] info) {
    byte[] pskIdHash = labeledExtract(suiteId, new byte[0], "psk_id_hash", new byte[0]);
    byte[] infoHash = labeledExtract(suiteId, new byte[0], "info_hash", info);
    byte[] context = concat(new byte[] {MODE_BASE}, pskIdHash, infoHash);
    byte[] secret = labeledExtract(suiteId, sharedSecret, "secret", new byte[0]);
    return new Context(
        labeledExpand(suiteId, secret, "key", context, keyLength),
        labeledExpand(suiteId, secret, "base_nonce", context, N_NONCE),
        labeledExpand(suiteId, secret, "exp", context, N_HASH));
  }

  /** Single-shot Seal with sequence number 0, so the nonce is base_nonce (section 5.2). */
  byte[] sealFirst(Context ctx, byte[] aad, byte[] plaintext) {
    return AesGcm.seal(ctx.key(), ctx.baseNonce(), aad, plaintext);
  }

  /** Single-shot Open with sequence number 0; {@code null} when the tag does not verify. */
  byte[] openFirst(Context ctx, byte[] aad, byte[] ciphertext) {
    return AesGcm.open(ctx.key(), ctx.baseNonce(), aad, ciphertext, 0);
  }

  private static byte[] labeledExtract(byte[] suiteId, byte[] salt, String label, byte[] ikm) {
    return Hkdf.extract(salt, concat(VERSION, suiteId, ascii(label), ikm));
  }

  private static byte[] labeledExpand(
      byte[] suiteId, byte[] prk, String label, byte[] info, int length) {
    byte[] labeledInfo = concat(i2osp2(length), VERSION, suiteId, ascii(label), info);
    return Hkdf.expand(prk, labeledInfo, length);
  }

  private static byte[] i2osp2(int value) {
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
