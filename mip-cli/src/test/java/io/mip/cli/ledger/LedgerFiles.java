package io.mip.cli.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads and tampers with an embedded ledger's SQLite file, as an attacker with disk access. */
public final class LedgerFiles {
  private LedgerFiles() {}

  /**
   * Appends a space to the stored canonical bytes of operation {@code seq} and returns the height
   * of the block that holds it.
   */
  public static long tamperOperation(Path dataDir, long seq) throws SQLException {
    try (Connection c = connect(dataDir)) {
      long height;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT block_height FROM operations WHERE seq = ?")) {
        ps.setLong(1, seq);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no operation " + seq);
          }
          height = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE operations SET canonical = canonical || X'20' WHERE seq = ?")) {
        ps.setLong(1, seq);
        if (ps.executeUpdate() != 1) {
          throw new IllegalStateException("not one row");
        }
      }
      return height;
    }
  }

  private static Connection connect(Path dataDir) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dataDir.resolve("ledger").resolve("ledger.db"));
  }
}
