package io.mip.wallet.passport.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.AesGcmKey;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Hkdf;
import io.mip.crypto.Jcs;
import io.mip.crypto.SecretKeyAccess;
import io.mip.crypto.X25519PrivateKey;
import io.mip.face.binding.FaceKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The passport's key schedule (docs/passport.md, "Keys"). All labels are fixed ASCII strings; the
 * epoch is part of every key label so that one seed never gives the same key at two epochs.
 *
 * <pre>
 * signing   = Ed25519.fromSeed(HKDF-SHA256(ikm = seed, info = "mip/passport/v1/ed25519/epoch/" + e, 32))
 * agreement = X25519.deriveFromSeed(HKDF-SHA256(ikm = seed, info = "mip/passport/v1/x25519/epoch/" + e, 32))
 * faceCheck = HKDF-SHA256(ikm = K_face, info = "mip/face-check/v1", 1)[0]
 * sealAad   = JCS({"purpose":"mip/passport-seed/v1","did":did,"v":version,"epoch":e})
 * backupAuth = Ed25519.fromSeed(HKDF-SHA256(ikm = KEK, info = "mip/passport-backup-auth/v1", 32))
 * </pre>
 */
public final class PassportKeys {
  /** Length of the passport seed, in bytes. */
  public static final int SEED_LENGTH = 32;

  /** Highest epoch accepted. */
  public static final int MAX_EPOCH = 1_000_000;

  /** HKDF info of the backup authentication key; part of the backup format. */
  public static final String BACKUP_AUTH_LABEL = "mip/passport-backup-auth/v1";

  private static final SecureRandom RANDOM = new SecureRandom();

  private PassportKeys() {}

  /** Returns 32 fresh random bytes for a new passport seed. */
  public static byte[] newSeed() {
    byte[] seed = new byte[SEED_LENGTH];
    RANDOM.nextBytes(seed);
    return seed;
  }

  /** Derives the Ed25519 signing key of {@code epoch}. */
  public static Ed25519PrivateKey signing(byte[] seed, int epoch) {
    byte[] okm = Hkdf.derive(null, requireSeed(seed), label("ed25519", epoch), 32);
    try {
      return Ed25519PrivateKey.fromSeed(okm);
    } finally {
      Arrays.fill(okm, (byte) 0);
    }
  }

  /** Derives the X25519 key agreement key of {@code epoch}. */
  public static X25519PrivateKey agreement(byte[] seed, int epoch) {
    byte[] okm = Hkdf.derive(null, requireSeed(seed), label("x25519", epoch), 32);
    try {
      return X25519PrivateKey.deriveFromSeed(okm);
    } finally {
      Arrays.fill(okm, (byte) 0);
    }
  }

  /**
   * Returns the 8-bit face check value of a face key: the first byte of HKDF(K_face,
   * "mip/face-check/v1"). Only 8 bits on purpose (docs/passport.md, "Face check").
   */
  public static int faceCheck(FaceKey faceKey) {
    byte[] k = faceKey.exportSecret(SecretKeyAccess.insecureSecretAccess());
    try {
      return faceCheck(k);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  static int faceCheck(byte[] faceKey) {
    return Hkdf.derive(null, faceKey, ascii("mip/face-check/v1"), 1)[0] & 0xff;
  }

  /**
   * Derives the backup authentication key from the KEK (docs/passport.md, "Backup and restore on a
   * new device"): the node keeps only its public half and releases the sealed seed to whoever signs
   * a fresh challenge with it, i.e. to whoever has the face and the PIN.
   */
  public static Ed25519PrivateKey backupAuth(AesGcmKey kek) {
    byte[] k = kek.exportSecret(SecretKeyAccess.insecureSecretAccess());
    try {
      return backupAuth(k);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  static Ed25519PrivateKey backupAuth(byte[] kek) {
    if (kek == null || kek.length != AesGcmKey.KEY_LENGTH) {
      throw new IllegalArgumentException("the KEK must be 32 bytes");
    }
    byte[] okm = Hkdf.derive(null, kek, ascii(BACKUP_AUTH_LABEL), 32);
    try {
      return Ed25519PrivateKey.fromSeed(okm);
    } finally {
      Arrays.fill(okm, (byte) 0);
    }
  }

  /** Returns the associated data the sealed seed is bound to. */
  public static byte[] sealAad(String did, int version, int epoch) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("purpose", "mip/passport-seed/v1");
    o.put("did", did);
    o.put("v", version);
    o.put("epoch", epoch);
    return Jcs.canonicalize(o);
  }

  private static byte[] label(String algorithm, int epoch) {
    if (epoch < 0 || epoch > MAX_EPOCH) {
      throw new IllegalArgumentException("epoch out of range");
    }
    return ascii("mip/passport/v1/" + algorithm + "/epoch/" + epoch);
  }

  private static byte[] requireSeed(byte[] seed) {
    if (seed == null || seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException("passport seed must be 32 bytes");
    }
    return seed;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
