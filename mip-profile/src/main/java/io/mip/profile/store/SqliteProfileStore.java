package io.mip.profile.store;

import io.mip.profile.store.internal.Dialect;
import io.mip.profile.store.internal.SqlProfileStore;
import io.mip.profile.store.internal.SqliteFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The embedded {@link ProfileStore}: one SQLite file in WAL mode with {@code synchronous=FULL} (a
 * returned write survives power loss) and {@code secure_delete=ON} (deleted rows, wrapped keys
 * among them, are overwritten with zeros rather than left in free pages). One writer connection
 * commits concurrent writes in groups; four reader connections serve reads. {@link
 * ProfileStorage#embedded} opens it together with the pack blob store in one database.
 */
public final class SqliteProfileStore {
  private SqliteProfileStore() {}

  /** Opens (creating if needed) the store in {@code file}. */
  public static ProfileStore open(Path file) {
    SqliteFiles.Connections cs = null;
    try {
      cs = SqliteFiles.open(file);
      Dialect.SQLITE.createSchema(cs.writer());
      return new SqlProfileStore(cs.start("profile-sqlite", c -> {}));
    } catch (SQLException | IOException e) {
      if (cs != null) {
        cs.closeQuietly();
      }
      throw new ProfileStoreException("cannot open profile store " + file, e);
    }
  }
}
