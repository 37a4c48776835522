package io.mip.profile.store.internal;

import io.mip.ledger.OperationId;
import io.mip.profile.anchor.AnchorBatch;
import io.mip.profile.anchor.LeafPosition;
import io.mip.profile.anchor.PendingLeaf;
import io.mip.profile.store.AnchorStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AnchorStore} on SQL. */
final class SqlAnchors implements AnchorStore {
  private final Database db;

  SqlAnchors(Database db) {
    this.db = db;
  }

  @Override
  public List<PendingLeaf> pending(int limit) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, leaf FROM profile_leaves WHERE batch IS NULL ORDER BY id LIMIT ?")) {
            ps.setInt(1, limit);
            List<PendingLeaf> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new PendingLeaf(rs.getLong(1), rs.getBytes(2)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void seal(AnchorBatch b, List<Long> leafIds) {
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO profile_batches(seq, root, size, op_id, time_ms)"
                      + " VALUES (?,?,?,?,?)")) {
            ps.setLong(1, b.seq());
            ps.setString(2, b.root());
            ps.setInt(3, b.size());
            ps.setString(4, b.operation().value());
            ps.setLong(5, b.time().toEpochMilli());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE profile_leaves SET batch = ?, idx = ? WHERE id = ? AND batch IS NULL")) {
            for (int i = 0; i < leafIds.size(); i++) {
              ps.setLong(1, b.seq());
              ps.setInt(2, i);
              ps.setLong(3, leafIds.get(i));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Optional<AnchorBatch> last() {
    return batchWhere("ORDER BY seq DESC LIMIT 1");
  }

  @Override
  public Optional<AnchorBatch> batch(long seq) {
    return batchWhere("WHERE seq = " + seq);
  }

  private Optional<AnchorBatch> batchWhere(String clause) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT seq, root, size, op_id, time_ms FROM profile_batches " + clause);
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(batchRow(rs)) : Optional.empty();
          }
        });
  }

  private static AnchorBatch batchRow(ResultSet rs) throws SQLException {
    return new AnchorBatch(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        new OperationId(rs.getString(4)),
        Instant.ofEpochMilli(rs.getLong(5)));
  }

  @Override
  public List<byte[]> leaves(long seq) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT leaf FROM profile_leaves WHERE batch = ? ORDER BY idx")) {
            ps.setLong(1, seq);
            List<byte[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getBytes(1));
              }
            }
            return out;
          }
        });
  }

  @Override
  public Optional<LeafPosition> position(byte[] leaf) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT batch, idx FROM profile_leaves WHERE leaf = ? AND batch IS NOT NULL"
                      + " ORDER BY batch LIMIT 1")) {
            ps.setBytes(1, leaf);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new LeafPosition(rs.getLong(1), rs.getInt(2)))
                  : Optional.empty();
            }
          }
        });
  }
}
