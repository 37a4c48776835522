package io.mip.profile;

import java.util.Objects;

/**
 * A record as listed or served to one reader: its metadata and the content key wrapped to that
 * reader.
 *
 * @param metadata the record's metadata
 * @param key the content key sealed to the reader
 */
public record RecordListing(RecordMetadata metadata, WrappedKey key) {
  /** Checks nulls. */
  public RecordListing {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(key, "key");
  }
}
