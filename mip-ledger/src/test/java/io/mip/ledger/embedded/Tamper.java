package io.mip.ledger.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Changes a stored ledger behind the ledger's back, as an attacker with file access would. */
final class Tamper {
  private Tamper() {}

  /** Flips the low bit of byte {@code index} of a column (text or blob) in one row. */
  static void flip(Path dataDir, String table, String column, String where, int index)
      throws SQLException {
    try (Connection c = connect(dataDir)) {
      byte[] v;
      try (PreparedStatement ps =
              c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE " + where);
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row " + where);
        }
        v = rs.getBytes(1);
      }
      boolean text = isText(c, table, column, where);
      v[index] ^= 1;
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + where)) {
        if (text) {
          ps.setString(1, new String(v, java.nio.charset.StandardCharsets.UTF_8));
        } else {
          ps.setBytes(1, v);
        }
        if (ps.executeUpdate() != 1) {
          throw new IllegalStateException("not one row " + where);
        }
      }
    }
  }

  /** Runs one SQL statement against the ledger file. */
  static void sql(Path dataDir, String sql) throws SQLException {
    try (Connection c = connect(dataDir)) {
      c.createStatement().executeUpdate(sql);
    }
  }

  private static boolean isText(Connection c, String table, String column, String where)
      throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT typeof(" + column + ") FROM " + table + " WHERE " + where);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1).equals("text");
    }
  }

  private static Connection connect(Path dataDir) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("ledger.db"));
  }
}
