package io.mip.profile.store;

import io.mip.profile.RecordId;
import java.util.Optional;

/**
 * Content-addressed storage of record ciphertexts: each blob is stored under the SHA-256 of its
 * bytes ({@link RecordId}). The store returns bytes as found; callers check them against the id
 * (the node does on every read), so a blob altered in storage is detected, not served.
 *
 * <p>Implementations: {@link PackBlobStore} (embedded default), {@link PostgresBlobStore}, and
 * {@link FileBlobStore} (the former embedded layout, one file per blob). Thread-safe.
 */
public interface BlobStore extends AutoCloseable {
  /** Stores {@code bytes} durably and returns their id; storing the same bytes again is a no-op. */
  RecordId put(byte[] bytes);

  /** Returns the stored bytes, or empty if there is no blob with that id. */
  Optional<byte[]> get(RecordId id);

  /**
   * Deletes a blob; returns whether there was one. {@link PackBlobStore} overwrites its bytes with
   * zeros first.
   */
  boolean delete(RecordId id);

  /** Releases resources. */
  @Override
  void close();
}
