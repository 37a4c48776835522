package io.mip.profile.store.internal;

import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.profile.RecordKey;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.store.GrantStore;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link GrantStore} on SQL. */
final class SqlGrants implements GrantStore {
  private static final String COLUMNS = "doc, grant_op, ended_ms, revoke_op";

  private final Database db;

  SqlGrants(Database db) {
    this.db = db;
  }

  @Override
  public boolean add(StoredGrant g, List<RecordKey> keys) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO profile_grants(id, owner, app, doc, grant_op, ended_ms, revoke_op)"
                      + " VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING")) {
            ps.setString(1, g.id());
            ps.setString(2, g.grant().person());
            ps.setString(3, g.grant().app());
            ps.setString(4, g.grant().toJson().toString());
            ps.setString(5, g.grantOperation().value());
            if (g.endedAt().isPresent()) {
              ps.setLong(6, g.endedAt().get().toEpochMilli());
            } else {
              ps.setNull(6, java.sql.Types.BIGINT);
            }
            ps.setString(7, g.revokeOperation().map(OperationId::value).orElse(null));
            if (ps.executeUpdate() == 0) {
              return false;
            }
          }
          SqlRecords.upsertKeys(c, keys);
          return true;
        });
  }

  @Override
  public Optional<StoredGrant> find(String id) {
    List<StoredGrant> found = query("WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<StoredGrant> byOwner(String owner) {
    return query("WHERE owner = ? ORDER BY ord", owner);
  }

  @Override
  public List<StoredGrant> byOwnerAndApp(String owner, String app) {
    return query("WHERE owner = ? AND app = ? ORDER BY ord", owner, app);
  }

  private List<StoredGrant> query(String where, String... args) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM profile_grants " + where)) {
            for (int i = 0; i < args.length; i++) {
              ps.setString(i + 1, args[i]);
            }
            List<StoredGrant> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(row(rs));
              }
            }
            return out;
          }
        });
  }

  private static StoredGrant row(ResultSet rs) throws SQLException {
    ConsentGrant grant;
    try {
      grant = ConsentGrant.fromJson(Operation.json().readTree(rs.getString(1)));
    } catch (IOException | IllegalArgumentException e) {
      throw new SQLException("stored grant is unreadable: " + e.getMessage(), e);
    }
    long ended = rs.getLong(3);
    Optional<Instant> endedAt =
        rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended));
    String revoke = rs.getString(4);
    return new StoredGrant(
        grant,
        new OperationId(rs.getString(2)),
        endedAt,
        Optional.ofNullable(revoke).map(OperationId::new));
  }

  @Override
  public boolean end(String id, Instant at, Optional<OperationId> revokeOperation) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE profile_grants SET ended_ms = ?, revoke_op = ?"
                      + " WHERE id = ? AND ended_ms IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, revokeOperation.map(OperationId::value).orElse(null));
            ps.setString(3, id);
            return ps.executeUpdate() > 0;
          }
        });
  }
}
