package io.mip.profile.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The pair of stores a node's profile service runs on.
 *
 * @param blobs ciphertexts, content-addressed
 * @param index metadata, wrapped keys, grants, access logs, anchors
 */
public record ProfileStorage(BlobStore blobs, ProfileStore index) implements AutoCloseable {
  /** Checks nulls. */
  public ProfileStorage {
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(index, "index");
  }

  /**
   * The embedded default: pack files under {@code <dir>/blobs} ({@link PackBlobStore}) and SQLite
   * in {@code <dir>/profile.db}.
   */
  public static ProfileStorage embedded(Path dir) {
    PackBlobStore blobs = PackBlobStore.open(dir.resolve("blobs"));
    try {
      return new ProfileStorage(blobs, SqliteProfileStore.open(dir.resolve("profile.db")));
    } catch (RuntimeException e) {
      blobs.close();
      throw e;
    }
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

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      blobs.close();
    }
  }
}
