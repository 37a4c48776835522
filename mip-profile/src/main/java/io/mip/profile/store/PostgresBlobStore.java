package io.mip.profile.store;

import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import io.mip.profile.store.internal.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link BlobStore} on PostgreSQL: table {@code profile_blobs(id, bytes BYTEA)} in the
 * connection's current schema. Writes are group-committed like {@link PostgresProfileStore}'s.
 */
public final class PostgresBlobStore implements BlobStore {
  private static final int READERS = 4;

  private final Database db;

  private PostgresBlobStore(Database db) {
    this.db = db;
  }

  /** Opens the store at a JDBC URL, creating the table if missing. */
  public static PostgresBlobStore open(String jdbcUrl) {
    try {
      Connection writer = DriverManager.getConnection(jdbcUrl);
      try (Statement s = writer.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS profile_blobs(id TEXT PRIMARY KEY, bytes BYTEA NOT NULL)");
      }
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(DriverManager.getConnection(jdbcUrl));
      }
      return new PostgresBlobStore(new Database(writer, readers, "blobs-postgres"));
    } catch (SQLException e) {
      throw new ProfileStoreException("cannot open PostgreSQL blob store", e);
    }
  }

  @Override
  public RecordId put(byte[] bytes) {
    if (bytes == null || bytes.length > ProfileLimits.MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException("blob missing or larger than the record limit");
    }
    RecordId id = RecordId.of(bytes);
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO profile_blobs(id, bytes) VALUES (?, ?) ON CONFLICT(id) DO NOTHING")) {
            ps.setString(1, id.value());
            ps.setBytes(2, bytes);
            return ps.executeUpdate();
          }
        });
    return id;
  }

  @Override
  public Optional<byte[]> get(RecordId id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT bytes FROM profile_blobs WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public boolean delete(RecordId id) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM profile_blobs WHERE id = ?")) {
            ps.setString(1, id.value());
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public void close() {
    db.close();
  }
}
