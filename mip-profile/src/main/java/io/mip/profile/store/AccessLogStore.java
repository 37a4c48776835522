package io.mip.profile.store;

import io.mip.profile.RecordId;
import io.mip.profile.accesslog.AccessLogEntry;
import java.time.Instant;
import java.util.List;

/** Per-person access logs (hash chains). Part of a {@link ProfileStore}. */
public interface AccessLogStore {
  /**
   * Appends an entry to {@code owner}'s log, chaining it to the current head, and queues its anchor
   * leaf, atomically. Appends to one log are serialised.
   */
  AccessLogEntry append(String owner, String app, RecordId record, Instant time);

  /** Returns entries of {@code owner}'s log with {@code seq > afterSeq}, at most {@code limit}. */
  List<AccessLogEntry> entries(String owner, long afterSeq, int limit);
}
