package io.mip.profile.store;

import io.mip.profile.store.internal.Database;
import io.mip.profile.store.internal.Dialect;
import io.mip.profile.store.internal.PackFiles;
import io.mip.profile.store.internal.PackIndex;
import io.mip.profile.store.internal.SqlProfileStore;
import io.mip.profile.store.internal.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Builds {@link ProfileStorage#embedded}: the profile index and the pack blob store's locations in
 * one SQLite database ({@code <dir>/profile.db}), pack files in {@code <dir>/blobs}, and one writer
 * thread whose group commit forces the packs a group appended to, then commits. A deposit's
 * ciphertext, location, metadata, wrapped keys and anchor leaf are one work in one transaction.
 */
final class EmbeddedStorage {
  private EmbeddedStorage() {}

  static ProfileStorage open(Path dir) {
    Path blobDir = dir.toAbsolutePath().resolve("blobs");
    SqliteFiles.Connections cs = null;
    try {
      Files.createDirectories(blobDir);
      cs = SqliteFiles.open(dir.resolve("profile.db"));
      Dialect.SQLITE.createSchema(cs.writer());
      boolean indexIsNew = PackIndex.createSchema(cs.writer());
      PackFiles packs =
          PackBlobStore.openPacks(
              blobDir, PackBlobStore.DEFAULT_PACK_BYTES, cs.writer(), indexIsNew);
      Database db = cs.start("profile-sqlite", PackIndex.commitHook(packs));
      PackBlobStore blobs = new PackBlobStore(db, packs).withLegacyFilesMoved(blobDir);
      SqlProfileStore index = new SqlProfileStore(db);
      return new ProfileStorage(
          blobs,
          index,
          (record, ciphertext, keys) ->
              db.write(
                  c -> {
                    blobs.append(c, record.id().hashBytes(), ciphertext);
                    return SqlProfileStore.insertRecord(c, record, keys);
                  }));
    } catch (SQLException | IOException | RuntimeException e) {
      if (cs != null) {
        cs.closeQuietly();
      }
      throw e instanceof ProfileStoreException pse
          ? pse
          : new ProfileStoreException("cannot open profile storage in " + dir, e);
    }
  }
}
