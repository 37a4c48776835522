package io.mip.profile;

import java.util.Objects;

/**
 * A wrapped content key together with the record it opens: what a person uploads when granting an
 * app access to existing records.
 *
 * @param record the record
 * @param key the content key sealed to one recipient
 */
public record RecordKey(RecordId record, WrappedKey key) {
  /** Checks nulls. */
  public RecordKey {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(key, "key");
  }
}
