package io.mip.profile;

import io.mip.crypto.AesGcmKey;
import io.mip.crypto.Decryption;
import io.mip.crypto.X25519PrivateKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.profile.internal.KeyWrap;
import java.util.Objects;
import java.util.Optional;

/**
 * The reader's side of a record, for the person (wallet) and for apps under a grant: checks the
 * ciphertext against its content address, unwraps the content key with the reader's X25519 key,
 * decrypts with the metadata as associated data, and checks the envelope's own labels. Also
 * re-wraps a content key for an app, which the person does when granting.
 *
 * <p>Security guarantees: a record opens only if the node served exactly the bytes the depositor
 * sealed, under exactly the owner, category, schema and depositor the depositor bound.
 */
public final class ProfileReader {
  private final String reader;
  private final X25519PrivateKey key;

  /**
   * Creates a reader.
   *
   * @param readerDid the DID the wrapped keys are addressed to
   * @param key its X25519 key-agreement private key
   */
  public ProfileReader(String readerDid, X25519PrivateKey key) {
    this.reader = Objects.requireNonNull(readerDid, "readerDid");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** Returns the reader's DID. */
  public String did() {
    return reader;
  }

  /** Opens a record served as {@code metadata}, {@code ciphertext} and the reader's wrapped key. */
  public RecordOpening open(RecordMetadata metadata, byte[] ciphertext, WrappedKey wrapped) {
    if (!metadata.id().matches(ciphertext)) {
      return RecordOpening.failed(RecordOpening.Failure.HASH_MISMATCH);
    }
    Optional<AesGcmKey> contentKey = unwrap(metadata.id(), wrapped);
    if (contentKey.isEmpty()) {
      return RecordOpening.failed(RecordOpening.Failure.KEY_UNWRAP_FAILED);
    }
    Decryption d = contentKey.get().decrypt(ciphertext, metadata.binding().aad());
    if (!d.isSuccess()) {
      return RecordOpening.failed(RecordOpening.Failure.DECRYPTION_FAILED);
    }
    RecordEnvelope envelope;
    try {
      envelope = RecordEnvelope.fromBytes(d.plaintext());
    } catch (IllegalArgumentException e) {
      return RecordOpening.failed(RecordOpening.Failure.MALFORMED_ENVELOPE);
    }
    if (!envelope.category().equals(metadata.category())
        || !envelope.schema().equals(metadata.schema())) {
      return RecordOpening.failed(RecordOpening.Failure.MALFORMED_ENVELOPE);
    }
    return RecordOpening.opened(metadata, envelope);
  }

  /**
   * Re-wraps the content key of a record to an app, after checking that the record opens under the
   * metadata the grant was matched against (so a node that relabelled a record gets nothing).
   * Returns empty if the record does not open.
   */
  public Optional<WrappedKey> rewrap(
      RecordMetadata metadata,
      byte[] ciphertext,
      WrappedKey mine,
      String appDid,
      X25519PublicKey appKey) {
    if (!open(metadata, ciphertext, mine).isOpened()) {
      return Optional.empty();
    }
    return unwrap(metadata.id(), mine).map(k -> KeyWrap.wrap(k, metadata.id(), appDid, appKey));
  }

  private Optional<AesGcmKey> unwrap(RecordId id, WrappedKey wrapped) {
    if (!wrapped.recipient().equals(reader)) {
      return Optional.empty();
    }
    return KeyWrap.unwrap(wrapped, id, key);
  }
}
