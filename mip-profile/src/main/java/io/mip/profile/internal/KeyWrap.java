package io.mip.profile.internal;

import io.mip.crypto.AesGcmKey;
import io.mip.crypto.Decryption;
import io.mip.crypto.Hpke;
import io.mip.crypto.SecretKeyAccess;
import io.mip.crypto.X25519PrivateKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.profile.RecordId;
import io.mip.profile.WrappedKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Seals and opens content keys with HPKE (RFC 9180, base mode, DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-256-GCM). {@code info} names the purpose and version; {@code aad} binds the
 * record id and the recipient DID, so a wrapped key moved to another record or recipient fails to
 * open.
 */
public final class KeyWrap {
  private static final byte[] INFO = "mip/profile/content-key/v1".getBytes(StandardCharsets.UTF_8);

  private KeyWrap() {}

  private static byte[] aad(RecordId record, String recipient) {
    return ("mip:key:" + record.value() + ":" + recipient).getBytes(StandardCharsets.UTF_8);
  }

  /** Seals {@code contentKey} for {@code recipient}. */
  public static WrappedKey wrap(
      AesGcmKey contentKey, RecordId record, String recipient, X25519PublicKey recipientKey) {
    byte[] raw = contentKey.exportSecret(SecretKeyAccess.insecureSecretAccess());
    try {
      Hpke.Sealed sealed = Hpke.seal(recipientKey, INFO, aad(record, recipient), raw);
      return new WrappedKey(recipient, sealed.toBytes());
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Opens a wrapped key with the recipient's private key; empty if it does not authenticate. */
  public static Optional<AesGcmKey> unwrap(
      WrappedKey wrapped, RecordId record, X25519PrivateKey recipientKey) {
    Hpke.Sealed sealed;
    try {
      sealed = Hpke.Sealed.fromBytes(wrapped.sealed());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Decryption d = Hpke.open(recipientKey, sealed, INFO, aad(record, wrapped.recipient()));
    if (!d.isSuccess()) {
      return Optional.empty();
    }
    byte[] raw = d.plaintext();
    try {
      return raw.length == AesGcmKey.KEY_LENGTH
          ? Optional.of(AesGcmKey.fromBytes(raw))
          : Optional.empty();
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }
}
