package io.mip.profile.store.internal;

import io.mip.profile.store.internal.PackFiles.Slot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL side of the pack blob store: {@code blob_locations(sha256, pack, byte_offset,
 * byte_length)} and {@code blob_packs(pack, committed_end)}, in SQLite. Every method runs on a
 * connection the caller holds (a group-commit work, or a reader).
 */
public final class PackIndex {
  private static final String FIND =
      "SELECT pack, byte_offset, byte_length FROM blob_locations WHERE sha256 = ?";

  private PackIndex() {}

  /** Creates the tables if missing; returns whether they were missing (a new index). */
  public static boolean createSchema(Connection c) throws SQLException {
    boolean existed;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'blob_packs'")) {
      existed = rs.next() && rs.getInt(1) > 0;
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS blob_packs(pack INTEGER PRIMARY KEY,"
              + " committed_end INTEGER NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS blob_locations(sha256 BLOB PRIMARY KEY,"
              + " pack INTEGER NOT NULL, byte_offset INTEGER NOT NULL,"
              + " byte_length INTEGER NOT NULL) WITHOUT ROWID");
    }
    return !existed;
  }

  /** Returns where the blob with this SHA-256 is, or empty. */
  public static Optional<Slot> find(Connection c, byte[] sha256) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setBytes(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Slot(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
            : Optional.empty();
      }
    }
  }

  /**
   * Appends {@code bytes} to the packs and records their location, unless a blob with this SHA-256
   * is already stored. Forcing happens in the group's commit hook ({@link #commitHook}).
   */
  public static void append(Connection c, PackFiles packs, byte[] sha256, byte[] bytes)
      throws SQLException {
    if (find(c, sha256).isPresent()) {
      return;
    }
    Slot slot = packs.append(bytes);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO blob_locations(sha256, pack, byte_offset, byte_length)"
                + " VALUES (?, ?, ?, ?)")) {
      ps.setBytes(1, sha256);
      ps.setLong(2, slot.pack());
      ps.setLong(3, slot.offset());
      ps.setInt(4, slot.length());
      ps.executeUpdate();
    }
  }

  /** Zeroes a blob's bytes in its pack and deletes its location; returns whether it existed. */
  public static boolean delete(Connection c, PackFiles packs, byte[] sha256) throws SQLException {
    Optional<Slot> slot = find(c, sha256);
    if (slot.isEmpty()) {
      return false;
    }
    packs.zero(slot.get());
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM blob_locations WHERE sha256 = ?")) {
      ps.setBytes(1, sha256);
      ps.executeUpdate();
    }
    return true;
  }

  /** The hook that forces the packs a group wrote and records their ends before it commits. */
  public static Database.CommitHook commitHook(PackFiles packs) {
    return c -> {
      Map<Long, Long> ends = packs.force();
      if (ends.isEmpty()) {
        return;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO blob_packs(pack, committed_end) VALUES (?, ?)"
                  + " ON CONFLICT(pack) DO UPDATE SET committed_end = excluded.committed_end")) {
        for (Map.Entry<Long, Long> e : ends.entrySet()) {
          ps.setLong(1, e.getKey());
          ps.setLong(2, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    };
  }

  /** Returns each pack's committed end. */
  public static Map<Long, Long> committedEnds(Connection c) throws SQLException {
    Map<Long, Long> ends = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pack, committed_end FROM blob_packs")) {
      while (rs.next()) {
        ends.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return ends;
  }
}
