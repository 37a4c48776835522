package io.mip.profile.store.internal;

import io.mip.profile.RecordId;
import io.mip.profile.RecordMetadata;
import io.mip.profile.WrappedKey;
import io.mip.profile.store.AccessLogStore;
import io.mip.profile.store.AnchorStore;
import io.mip.profile.store.GrantStore;
import io.mip.profile.store.ProfileStore;
import io.mip.profile.store.RecordIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link ProfileStore} over one {@link Database}; the SQLite and PostgreSQL stores are this. */
public final class SqlProfileStore implements ProfileStore {
  private final Database db;
  private final SqlRecords records;
  private final SqlGrants grants;
  private final SqlAccessLog accessLog;
  private final SqlAnchors anchors;

  /** Creates the store over {@code db}; the schema must exist. */
  public SqlProfileStore(Database db) {
    this.db = db;
    this.records = new SqlRecords(db);
    this.grants = new SqlGrants(db);
    this.accessLog = new SqlAccessLog(db);
    this.anchors = new SqlAnchors(db);
  }

  /**
   * Inserts a record, its wrapped keys and its anchor leaf within a work of this store's database
   * (see {@link io.mip.profile.store.RecordIndex#add}); false if the record exists.
   */
  public static boolean insertRecord(Connection c, RecordMetadata r, List<WrappedKey> keys)
      throws SQLException {
    return SqlRecords.insert(c, r, keys);
  }

  @Override
  public RecordIndex records() {
    return records;
  }

  @Override
  public GrantStore grants() {
    return grants;
  }

  @Override
  public AccessLogStore accessLog() {
    return accessLog;
  }

  @Override
  public AnchorStore anchors() {
    return anchors;
  }

  @Override
  public List<RecordId> erase(String owner, Instant at) {
    return db.write(
        c -> {
          List<RecordId> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id FROM profile_records WHERE owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(new RecordId(rs.getString(1)));
              }
            }
          }
          for (RecordId id : ids) {
            SqlRecords.deleteRecord(c, id.value());
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM profile_access_log WHERE owner = ?")) {
            ps.setString(1, owner);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE profile_grants SET ended_ms = ? WHERE owner = ? AND ended_ms IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, owner);
            ps.executeUpdate();
          }
          return ids;
        });
  }

  @Override
  public void close() {
    db.close();
  }
}
