package io.mip.face.binding;

import io.mip.crypto.SecretKeyAccess;
import java.util.Objects;

/**
 * The 32-byte face key K_face = HKDF-SHA256(codeword) (RFC 5869; salt absent, info {@code
 * mip/face-key/v1}).
 *
 * <p>Security guarantees: the bytes leave only through {@link #exportSecret(SecretKeyAccess)} (the
 * wallet passes them to Argon2id as its secret input); {@link #toString()} never prints them. There
 * is deliberately no way to ask whether a key is "right": a face that does not match yields a
 * different key, and the wallet learns so only when AES-GCM unsealing fails.
 */
public final class FaceKey {
  /** Key length in bytes. */
  public static final int LENGTH = 32;

  private final byte[] key;

  FaceKey(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("face key must be 32 bytes");
    }
    this.key = key.clone();
  }

  /** Exports the 32 key bytes. Every call is a place where secret material leaves. */
  public byte[] exportSecret(SecretKeyAccess access) {
    Objects.requireNonNull(access, "access");
    if (access != SecretKeyAccess.insecureSecretAccess()) {
      throw new IllegalArgumentException("secret key access token required");
    }
    return key.clone();
  }

  @Override
  public String toString() {
    return "FaceKey[redacted]";
  }
}
