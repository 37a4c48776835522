package io.mip.profile.store;

import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import io.mip.profile.RecordMetadata;
import io.mip.profile.WrappedKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The pair of stores a node's profile service runs on, and how a deposit is written to both.
 *
 * @param blobs ciphertexts, content-addressed
 * @param index metadata, wrapped keys, grants, access logs, anchors
 * @param writer stores a new record's ciphertext and index rows (see {@link #storeRecord})
 */
public record ProfileStorage(BlobStore blobs, ProfileStore index, RecordWriter writer)
    implements AutoCloseable {
  /** Writes a deposit: its ciphertext into the blob store and its rows into the index. */
  @FunctionalInterface
  public interface RecordWriter {
    /**
     * Stores {@code ciphertext} (whose id is {@code record.id()}) and adds {@code record} with its
     * keys, both durably; returns false if the record existed (nothing added to the index).
     */
    boolean store(RecordMetadata record, byte[] ciphertext, List<WrappedKey> keys);
  }

  /** Checks nulls. */
  public ProfileStorage {
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(writer, "writer");
  }

  /** Two independent stores: a deposit stores the blob, then adds the index rows. */
  public ProfileStorage(BlobStore blobs, ProfileStore index) {
    this(blobs, index, sequential(blobs, index));
  }

  private static RecordWriter sequential(BlobStore blobs, ProfileStore index) {
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(index, "index");
    return (record, ciphertext, keys) -> {
      RecordId stored = blobs.put(ciphertext);
      if (!stored.equals(record.id())) {
        throw new IllegalArgumentException("record id is not the ciphertext's hash");
      }
      return index.records().add(record, keys);
    };
  }

  /**
   * The embedded default: SQLite in {@code <dir>/profile.db} holding the index and the blob
   * locations, pack files under {@code <dir>/blobs} ({@link PackBlobStore}); a deposit's blob and
   * rows commit in one transaction.
   */
  public static ProfileStorage embedded(Path dir) {
    return EmbeddedStorage.open(dir);
  }

  /** Both stores in the PostgreSQL database at {@code jdbcUrl}. */
  public static ProfileStorage postgres(String jdbcUrl) {
    PostgresBlobStore blobs = PostgresBlobStore.open(jdbcUrl);
    try {
      return new ProfileStorage(blobs, PostgresProfileStore.open(jdbcUrl));
    } catch (RuntimeException e) {
      blobs.close();
      throw e;
    }
  }

  /**
   * Stores a new record's ciphertext, metadata and wrapped keys (and queues its anchor leaf), all
   * durable on return; returns false if a record with that id exists.
   *
   * @throws IllegalArgumentException if the ciphertext is over the record limit or does not hash to
   *     {@code record.id()}
   */
  public boolean storeRecord(RecordMetadata record, byte[] ciphertext, List<WrappedKey> keys) {
    if (ciphertext.length > ProfileLimits.MAX_CIPHERTEXT_BYTES
        || !record.id().matches(ciphertext)) {
      throw new IllegalArgumentException("ciphertext over the limit or not the record's bytes");
    }
    return writer.store(record, ciphertext, keys);
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      blobs.close();
    }
  }
}
