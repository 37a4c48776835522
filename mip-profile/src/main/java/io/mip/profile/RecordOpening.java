package io.mip.profile;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of opening a record: the record in clear with its metadata, or why it could not be
 * opened. Every failure means the reader was given something other than what the depositor sealed
 * (or a key for someone else); none reveals plaintext.
 *
 * @param record the opened record, on success
 * @param failure why not, otherwise
 */
public record RecordOpening(Optional<OpenedRecord> record, Optional<Failure> failure) {
  /** Why a record did not open. */
  public enum Failure {
    /** The ciphertext does not hash to the record id (altered in storage or transit). */
    HASH_MISMATCH,
    /** The wrapped key does not open with the reader's key. */
    KEY_UNWRAP_FAILED,
    /** The ciphertext does not authenticate under the metadata it was served with. */
    DECRYPTION_FAILED,
    /** The plaintext is not a record envelope, or names another category or schema. */
    MALFORMED_ENVELOPE
  }

  /** A record and its metadata, in clear. */
  public record OpenedRecord(RecordMetadata metadata, RecordEnvelope envelope) {
    /** Checks nulls. */
    public OpenedRecord {
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /** Checks that exactly one side is present. */
  public RecordOpening {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(failure, "failure");
    if (record.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("exactly one of record and failure must be present");
    }
  }

  static RecordOpening opened(RecordMetadata m, RecordEnvelope e) {
    return new RecordOpening(Optional.of(new OpenedRecord(m, e)), Optional.empty());
  }

  static RecordOpening failed(Failure f) {
    return new RecordOpening(Optional.empty(), Optional.of(f));
  }

  /** Returns whether the record opened. */
  public boolean isOpened() {
    return record.isPresent();
  }
}
