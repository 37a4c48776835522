package io.mip.ledger.embedded.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens the ledger's SQLite file with the settings durability depends on, and owns the schema. */
public final class Sqlite {
  /** The database file name inside the data directory. */
  public static final String FILE = "ledger.db";

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS blocks(height INTEGER PRIMARY KEY, header TEXT NOT NULL,"
        + " hash TEXT NOT NULL, signature TEXT NOT NULL, time_ms INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS operations(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
        + " stream TEXT NOT NULL, block_height INTEGER NOT NULL, canonical BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS operations_stream ON operations(stream, seq)",
    "CREATE INDEX IF NOT EXISTS operations_block ON operations(block_height)"
  };

  private Sqlite() {}

  /**
   * Opens the read-write connection: WAL journal, {@code synchronous=FULL} so a commit is on disk
   * when it returns, and the schema created if missing. Automatic checkpoints are off: a {@link
   * io.mip.ledger.embedded.WalCheckpointer} copies the WAL into the database in the background, so
   * commits only append to the WAL and sync it.
   */
  public static Connection openWriter(Path dataDir) throws SQLException {
    SQLiteConfig config = durable();
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection c = open(dataDir, config);
    try (Statement s = c.createStatement()) {
      for (String sql : SCHEMA) {
        s.execute(sql);
      }
      s.execute("PRAGMA wal_autocheckpoint = 0");
      s.execute("PRAGMA journal_size_limit = 67108864");
    }
    return c;
  }

  /** Opens the connection the background checkpointer uses (syncs before and after copying). */
  public static Connection openCheckpointer(Path dataDir) throws SQLException {
    return open(dataDir, durable());
  }

  private static SQLiteConfig durable() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(10_000);
    return config;
  }

  /** Opens a read-only connection (no schema changes, no writes possible). */
  public static Connection openReader(Path dataDir) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    return open(dataDir, config);
  }

  private static Connection open(Path dataDir, SQLiteConfig config) throws SQLException {
    String url = "jdbc:sqlite:" + dataDir.resolve(FILE).toAbsolutePath();
    return DriverManager.getConnection(url, config.toProperties());
  }
}
