package io.mip.profile.store.internal;

import io.mip.profile.RecordId;
import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.store.AccessLogStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link AccessLogStore} on SQL; appends run on the single writer, so chains never fork. */
final class SqlAccessLog implements AccessLogStore {
  private final Database db;

  SqlAccessLog(Database db) {
    this.db = db;
  }

  @Override
  public AccessLogEntry append(String owner, String app, RecordId record, Instant time) {
    return db.write(
        c -> {
          long seq = 1;
          String prev = AccessLogEntry.GENESIS;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seq, hash FROM profile_access_log WHERE owner = ?"
                      + " ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
              }
            }
          }
          AccessLogEntry e = new AccessLogEntry(seq, time, app, record, prev);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO profile_access_log(owner, seq, time_ms, app, record_id, prev, hash)"
                      + " VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, owner);
            ps.setLong(2, e.seq());
            ps.setLong(3, e.time().toEpochMilli());
            ps.setString(4, e.app());
            ps.setString(5, e.record().value());
            ps.setString(6, e.prev());
            ps.setString(7, e.hash());
            ps.executeUpdate();
          }
          SqlRecords.queueLeaf(c, e.anchorLeaf());
          return e;
        });
  }

  @Override
  public List<AccessLogEntry> entries(String owner, long afterSeq, int limit) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seq, time_ms, app, record_id, prev FROM profile_access_log"
                      + " WHERE owner = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, owner);
            ps.setLong(2, afterSeq);
            ps.setInt(3, limit);
            List<AccessLogEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AccessLogEntry(
                        rs.getLong(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        new RecordId(rs.getString(4)),
                        rs.getString(5)));
              }
            }
            return out;
          }
        });
  }
}
