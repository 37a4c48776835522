package io.mip.profile;

import io.mip.crypto.Base64Url;
import io.mip.profile.internal.Checks;
import java.util.Arrays;

/**
 * A record's content key sealed to one recipient with HPKE (RFC 9180 base mode, DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256, AES-256-GCM): the KEM output {@code enc} followed by the sealed key.
 * Only the holder of the recipient's X25519 key-agreement key can open it. Deleting every wrapped
 * key of a record (and its ciphertext) is how the node crypto-shreds it.
 *
 * @param recipient the DID the key is sealed to (the owner, or an app under a grant)
 * @param sealed {@code enc || ciphertext}; copied in and out
 */
public record WrappedKey(String recipient, byte[] sealed) {
  /** Validates and copies. */
  public WrappedKey {
    Checks.did(recipient, "recipient");
    if (sealed == null
        || sealed.length < 33
        || sealed.length > ProfileLimits.MAX_WRAPPED_KEY_BYTES) {
      throw new IllegalArgumentException("wrapped key has an impossible length");
    }
    sealed = sealed.clone();
  }

  @Override
  public byte[] sealed() {
    return sealed.clone();
  }

  /** Returns {@link #sealed()} as base64url. */
  public String sealedBase64() {
    return Base64Url.encode(sealed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrappedKey other
        && recipient.equals(other.recipient)
        && Arrays.equals(sealed, other.sealed);
  }

  @Override
  public int hashCode() {
    return 31 * recipient.hashCode() + Arrays.hashCode(sealed);
  }

  @Override
  public String toString() {
    return "WrappedKey[" + recipient + "]";
  }
}
