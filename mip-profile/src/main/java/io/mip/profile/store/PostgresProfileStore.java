package io.mip.profile.store;

import io.mip.profile.store.internal.Database;
import io.mip.profile.store.internal.Dialect;
import io.mip.profile.store.internal.SqlProfileStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ProfileStore} for nodes beyond one machine: PostgreSQL 12 or newer, with the same
 * tables as the SQLite store ({@code profile_*}) in the connection's current schema. One writer
 * connection commits concurrent writes in groups; four reader connections serve reads.
 *
 * <p>Deleted rows stay in PostgreSQL's heap until {@code VACUUM} reclaims them; wrapped keys in
 * such rows are still sealed to their recipients (docs/profile.md, erasure).
 */
public final class PostgresProfileStore {
  private static final int READERS = 4;

  private PostgresProfileStore() {}

  /**
   * Opens the store at a JDBC URL such as {@code
   * jdbc:postgresql://127.0.0.1:54329/mip?user=mip&password=mip}, creating missing tables.
   */
  public static ProfileStore open(String jdbcUrl) {
    try {
      Connection writer = DriverManager.getConnection(jdbcUrl);
      Dialect.POSTGRES.createSchema(writer);
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(DriverManager.getConnection(jdbcUrl));
      }
      return new SqlProfileStore(new Database(writer, readers, "profile-postgres"));
    } catch (SQLException e) {
      throw new ProfileStoreException("cannot open PostgreSQL profile store", e);
    }
  }
}
