package io.mip.profile.store;

import io.mip.profile.store.internal.Database;
import io.mip.profile.store.internal.Dialect;
import io.mip.profile.store.internal.SqlProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded {@link ProfileStore}: one SQLite file in WAL mode with {@code synchronous=FULL} (a
 * returned write survives power loss) and {@code secure_delete=ON} (deleted rows, wrapped keys
 * among them, are overwritten with zeros rather than left in free pages). One writer connection
 * commits concurrent writes in groups; four reader connections serve reads.
 */
public final class SqliteProfileStore {
  private static final int READERS = 4;

  private SqliteProfileStore() {}

  /** Opens (creating if needed) the store in {@code file}. */
  public static ProfileStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      String url = "jdbc:sqlite:" + file.toAbsolutePath();
      Connection writer = connect(url);
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
      }
      Dialect.SQLITE.createSchema(writer);
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(connect(url));
      }
      return new SqlProfileStore(new Database(writer, readers, "profile-sqlite"));
    } catch (SQLException | java.io.IOException e) {
      throw new ProfileStoreException("cannot open profile store " + file, e);
    }
  }

  private static Connection connect(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=10000");
      s.execute("PRAGMA synchronous=FULL");
      s.execute("PRAGMA secure_delete=ON");
      s.execute("PRAGMA foreign_keys=ON");
    }
    return c;
  }
}
