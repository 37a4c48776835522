package io.mip.profile.store;

import io.mip.profile.RecordId;
import io.mip.profile.RecordKey;
import io.mip.profile.RecordMetadata;
import io.mip.profile.WrappedKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Record metadata and wrapped content keys. Part of a {@link ProfileStore}. */
public interface RecordIndex {
  /**
   * Adds a record with its wrapped keys and queues its anchor leaf, atomically. Returns false (and
   * changes nothing) if a record with that id exists.
   */
  boolean add(RecordMetadata record, List<WrappedKey> keys);

  /** Returns a record's metadata. */
  Optional<RecordMetadata> find(RecordId id);

  /** Returns a person's records, oldest first. */
  List<RecordMetadata> byOwner(String owner);

  /** Returns the content key of {@code record} wrapped to {@code recipient}. */
  Optional<WrappedKey> key(RecordId record, String recipient);

  /** Returns the keys wrapped to {@code recipient} of all of {@code owner}'s records. */
  Map<RecordId, WrappedKey> keysOf(String owner, String recipient);

  /** Returns every wrapped key of {@code record}. */
  List<WrappedKey> keys(RecordId record);

  /** Adds or replaces wrapped keys (of records that exist; others are skipped). */
  void putKeys(List<RecordKey> keys);

  /** Deletes {@code recipient}'s wrapped keys of the given records; returns how many. */
  int deleteKeys(String recipient, List<RecordId> records);

  /** Deletes a record's metadata and every wrapped key of it; returns whether it existed. */
  boolean delete(RecordId id);
}
