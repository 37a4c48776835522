package io.mip.profile;

import java.util.Objects;

/**
 * A record served to a reader: metadata, the ciphertext, and the content key wrapped to the reader.
 * Open it with {@link ProfileReader#open}.
 *
 * @param metadata the record's metadata
 * @param ciphertext the stored ciphertext (checked against the id by the node and again by the
 *     reader)
 * @param key the content key sealed to the reader
 */
public record ServedRecord(RecordMetadata metadata, byte[] ciphertext, WrappedKey key) {
  /** Checks nulls and copies. */
  public ServedRecord {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(key, "key");
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }
}
