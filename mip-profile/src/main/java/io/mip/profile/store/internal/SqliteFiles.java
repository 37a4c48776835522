package io.mip.profile.store.internal;

import io.mip.ledger.embedded.WalCheckpointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite connections as the profile stores use them: WAL, {@code synchronous=FULL} (a commit
 * survives power loss), {@code secure_delete=ON} (deleted rows are overwritten), a 10 s busy
 * timeout; the writer keeps a 32 MiB page cache so group commits do not re-read index pages, and
 * leaves checkpoints to a {@link WalCheckpointer} on its own connection.
 */
public final class SqliteFiles {
  /** Reader connections per database. */
  public static final int READERS = 4;

  private SqliteFiles() {}

  /**
   * An open writer connection (auto-commit on), its readers and the checkpointer's connection, not
   * yet in a {@link Database}.
   */
  public record Connections(Connection writer, List<Connection> readers, Connection checkpoints) {
    /** Closes all of them, ignoring failures. */
    public void closeQuietly() {
      readers.forEach(SqliteFiles::close);
      close(checkpoints);
      close(writer);
    }

    /** Starts a group-commit database over these, with {@code hook}, and its checkpointer. */
    public Database start(String name, Database.CommitHook hook) throws SQLException {
      Database db = new Database(writer, readers, name, hook);
      return db.closing(new WalCheckpointer(checkpoints, name, Duration.ofMillis(500)));
    }
  }

  /** Opens (creating if needed) {@code file} in WAL mode with a writer and {@link #READERS}. */
  public static Connections open(Path file) throws SQLException, IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    Connection writer = connect(url);
    List<Connection> readers = new ArrayList<>();
    Connection checkpoints = null;
    try {
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA cache_size=-32768");
        s.execute("PRAGMA wal_autocheckpoint=0");
        s.execute("PRAGMA journal_size_limit=67108864");
      }
      for (int i = 0; i < READERS; i++) {
        readers.add(connect(url));
      }
      checkpoints = connect(url);
      return new Connections(writer, readers, checkpoints);
    } catch (SQLException e) {
      readers.forEach(SqliteFiles::close);
      if (checkpoints != null) {
        close(checkpoints);
      }
      close(writer);
      throw e;
    }
  }

  private static Connection connect(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=10000");
      s.execute("PRAGMA synchronous=FULL");
      s.execute("PRAGMA secure_delete=ON");
      s.execute("PRAGMA foreign_keys=ON");
    } catch (SQLException e) {
      close(c);
      throw e;
    }
    return c;
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing anyway.
    }
  }
}
