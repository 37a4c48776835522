package io.mip.profile.store.internal;

import io.mip.profile.Category;
import io.mip.profile.RecordId;
import io.mip.profile.RecordKey;
import io.mip.profile.RecordMetadata;
import io.mip.profile.WrappedKey;
import io.mip.profile.anchor.Leaves;
import io.mip.profile.store.RecordIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RecordIndex} on SQL. */
final class SqlRecords implements RecordIndex {
  private static final String COLUMNS =
      "id, owner, category, schema_id, depositor, size, deposited_ms";

  private final Database db;

  SqlRecords(Database db) {
    this.db = db;
  }

  @Override
  public boolean add(RecordMetadata r, List<WrappedKey> keys) {
    return db.write(c -> insert(c, r, keys));
  }

  /** Inserts a record, its wrapped keys and its anchor leaf; false if the record exists. */
  static boolean insert(Connection c, RecordMetadata r, List<WrappedKey> keys) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO profile_records("
                + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING")) {
      ps.setString(1, r.id().value());
      ps.setString(2, r.owner());
      ps.setString(3, r.category().value());
      ps.setString(4, r.schema());
      ps.setString(5, r.depositor());
      ps.setLong(6, r.size());
      ps.setLong(7, r.depositedAt().toEpochMilli());
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    if (!keys.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO profile_keys(record_id, recipient, sealed) VALUES (?, ?, ?)"
                  + " ON CONFLICT(record_id, recipient) DO UPDATE SET sealed = excluded.sealed")) {
        for (WrappedKey k : keys) {
          ps.setString(1, r.id().value());
          ps.setString(2, k.recipient());
          ps.setBytes(3, k.sealed());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    queueLeaf(c, Leaves.record(r.id().hashBytes()));
    return true;
  }

  static void queueLeaf(Connection c, byte[] leaf) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO profile_leaves(leaf) VALUES (?)")) {
      ps.setBytes(1, leaf);
      ps.executeUpdate();
    }
  }

  static void upsertKeys(Connection c, List<RecordKey> keys) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO profile_keys(record_id, recipient, sealed)"
                + " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM profile_records WHERE id = ?)"
                + " ON CONFLICT(record_id, recipient) DO UPDATE SET sealed = excluded.sealed")) {
      for (RecordKey k : keys) {
        ps.setString(1, k.record().value());
        ps.setString(2, k.key().recipient());
        ps.setBytes(3, k.key().sealed());
        ps.setString(4, k.record().value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public Optional<RecordMetadata> find(RecordId id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM profile_records WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<RecordMetadata> byOwner(String owner) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM profile_records WHERE owner = ? ORDER BY ord")) {
            ps.setString(1, owner);
            List<RecordMetadata> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(row(rs));
              }
            }
            return out;
          }
        });
  }

  private static RecordMetadata row(ResultSet rs) throws SQLException {
    return new RecordMetadata(
        new RecordId(rs.getString(1)),
        rs.getString(2),
        new Category(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        Instant.ofEpochMilli(rs.getLong(7)));
  }

  @Override
  public Optional<WrappedKey> key(RecordId record, String recipient) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT sealed FROM profile_keys WHERE record_id = ? AND recipient = ?")) {
            ps.setString(1, record.value());
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new WrappedKey(recipient, rs.getBytes(1)))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public Map<RecordId, WrappedKey> keysOf(String owner, String recipient) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT k.record_id, k.sealed FROM profile_keys k"
                      + " JOIN profile_records r ON r.id = k.record_id"
                      + " WHERE r.owner = ? AND k.recipient = ?")) {
            ps.setString(1, owner);
            ps.setString(2, recipient);
            Map<RecordId, WrappedKey> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(new RecordId(rs.getString(1)), new WrappedKey(recipient, rs.getBytes(2)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public List<WrappedKey> keys(RecordId record) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT recipient, sealed FROM profile_keys WHERE record_id = ?"
                      + " ORDER BY recipient")) {
            ps.setString(1, record.value());
            List<WrappedKey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new WrappedKey(rs.getString(1), rs.getBytes(2)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void putKeys(List<RecordKey> keys) {
    db.write(
        c -> {
          upsertKeys(c, keys);
          return null;
        });
  }

  @Override
  public int deleteKeys(String recipient, List<RecordId> records) {
    if (records.isEmpty()) {
      return 0;
    }
    return db.write(
        c -> {
          int n = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM profile_keys WHERE record_id = ? AND recipient = ?")) {
            for (RecordId r : records) {
              ps.setString(1, r.value());
              ps.setString(2, recipient);
              n += ps.executeUpdate();
            }
          }
          return n;
        });
  }

  @Override
  public boolean delete(RecordId id) {
    return db.write(c -> deleteRecord(c, id.value()));
  }

  static boolean deleteRecord(Connection c, String id) throws SQLException {
    try (PreparedStatement keys =
            c.prepareStatement("DELETE FROM profile_keys WHERE record_id = ?");
        PreparedStatement rec = c.prepareStatement("DELETE FROM profile_records WHERE id = ?")) {
      keys.setString(1, id);
      keys.executeUpdate();
      rec.setString(1, id);
      return rec.executeUpdate() > 0;
    }
  }
}
