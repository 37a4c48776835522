package io.mip.profile.store;

import io.mip.profile.RecordId;
import java.time.Instant;
import java.util.List;

/**
 * Everything the node keeps about profiles besides ciphertexts: record metadata and wrapped keys,
 * grants, access logs and anchors. It never holds plaintext or a content key in clear.
 *
 * <p>Implementations: {@link SqliteProfileStore} (embedded default) and {@link
 * PostgresProfileStore}; both pass the same contract tests. Writes are durable when a method
 * returns. Thread-safe.
 */
public interface ProfileStore extends AutoCloseable {
  /** Record metadata and wrapped keys. */
  RecordIndex records();

  /** Consent grants. */
  GrantStore grants();

  /** Access logs. */
  AccessLogStore accessLog();

  /** Anchor leaves and batches. */
  AnchorStore anchors();

  /**
   * Erases a person's profile atomically: every record's metadata and wrapped keys, the access log;
   * ends every grant at {@code at}. Returns the erased records' ids (their blobs are the caller's
   * to delete). Anchored hashes stay.
   */
  List<RecordId> erase(String owner, Instant at);

  /** Releases resources. */
  @Override
  void close();
}
