package io.mip.profile;

import io.mip.crypto.AesGcmKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.profile.internal.KeyWrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The depositor's side of a record: encrypts a {@link RecordEnvelope} under a fresh random 256-bit
 * content key with AES-256-GCM, the {@link RecordBinding} as associated data, and wraps the content
 * key with HPKE (RFC 9180) to each recipient's X25519 key-agreement key.
 *
 * <p>Security guarantees: only holders of a recipient private key can read the record; the node
 * (which sees the binding, the ciphertext and the wrapped keys) learns the category, schema id,
 * parties and size, nothing else. A content key is used for exactly one record.
 */
public final class RecordSealer {
  private RecordSealer() {}

  /**
   * Seals a record.
   *
   * @param envelope the record in clear
   * @param owner the person's DID
   * @param ownerKey the person's key-agreement key (from their DID document)
   * @param depositor the depositing app's DID
   * @param alsoTo apps with a live include-future grant for the category, with their key-agreement
   *     keys
   */
  public static Deposit seal(
      RecordEnvelope envelope,
      String owner,
      X25519PublicKey ownerKey,
      String depositor,
      Map<String, X25519PublicKey> alsoTo) {
    Objects.requireNonNull(ownerKey, "ownerKey");
    RecordBinding binding =
        new RecordBinding(owner, envelope.category(), envelope.schema(), depositor);
    byte[] plaintext = envelope.toBytes();
    if (plaintext.length > RecordEnvelope.MAX_BYTES) {
      throw new IllegalArgumentException("record is larger than " + RecordEnvelope.MAX_BYTES);
    }
    AesGcmKey contentKey = AesGcmKey.generate();
    byte[] ciphertext = contentKey.encrypt(plaintext, binding.aad());
    RecordId id = RecordId.of(ciphertext);
    Map<String, X25519PublicKey> recipients = new LinkedHashMap<>();
    recipients.put(owner, ownerKey);
    alsoTo.forEach(recipients::putIfAbsent);
    List<WrappedKey> keys = new ArrayList<>();
    recipients.forEach((did, key) -> keys.add(KeyWrap.wrap(contentKey, id, did, key)));
    return new Deposit(binding, ciphertext, keys);
  }
}
