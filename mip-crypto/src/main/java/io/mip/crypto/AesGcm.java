package io.mip.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM (NIST SP 800-38D) with a 96-bit nonce and a 128-bit tag, on raw key bytes. Package
 * private: {@link AesGcmKey} and {@link HpkeSuite} are the only callers.
 */
final class AesGcm {
  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;

  private AesGcm() {}

  /** Returns ciphertext || tag. The caller guarantees the (key, nonce) pair is never reused. */
  static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
      cipher.updateAAD(aad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** Returns the plaintext, or {@code null} when the tag does not verify. */
  static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext, int offset) {
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
      cipher.updateAAD(aad);
      return cipher.doFinal(ciphertext, offset, ciphertext.length - offset);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    return cipher;
  }
}
