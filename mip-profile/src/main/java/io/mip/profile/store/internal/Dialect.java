package io.mip.profile.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The SQL differences between SQLite and PostgreSQL that the profile store meets. */
public enum Dialect {
  /** SQLite 3.24+ (upsert). */
  SQLITE("BLOB", "INTEGER PRIMARY KEY AUTOINCREMENT"),
  /** PostgreSQL 12+. */
  POSTGRES("BYTEA", "BIGSERIAL PRIMARY KEY");

  private final String blob;
  private final String serial;

  Dialect(String blob, String serial) {
    this.blob = blob;
    this.serial = serial;
  }

  private List<String> schema() {
    return List.of(
        "CREATE TABLE IF NOT EXISTS profile_records(ord "
            + serial
            + ", id TEXT NOT NULL UNIQUE, owner TEXT NOT NULL, category TEXT NOT NULL,"
            + " schema_id TEXT NOT NULL, depositor TEXT NOT NULL, size BIGINT NOT NULL,"
            + " deposited_ms BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS profile_records_owner ON profile_records(owner, ord)",
        "CREATE TABLE IF NOT EXISTS profile_keys(record_id TEXT NOT NULL,"
            + " recipient TEXT NOT NULL, sealed "
            + blob
            + " NOT NULL, PRIMARY KEY(record_id, recipient))",
        "CREATE TABLE IF NOT EXISTS profile_grants(ord "
            + serial
            + ", id TEXT NOT NULL UNIQUE, owner TEXT NOT NULL, app TEXT NOT NULL,"
            + " doc TEXT NOT NULL, grant_op TEXT NOT NULL, ended_ms BIGINT, revoke_op TEXT)",
        "CREATE INDEX IF NOT EXISTS profile_grants_owner ON profile_grants(owner, app, ord)",
        "CREATE TABLE IF NOT EXISTS profile_access_log(owner TEXT NOT NULL, seq BIGINT NOT NULL,"
            + " time_ms BIGINT NOT NULL, app TEXT NOT NULL, record_id TEXT NOT NULL,"
            + " prev TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY(owner, seq))",
        "CREATE TABLE IF NOT EXISTS profile_leaves(id "
            + serial
            + ", leaf "
            + blob
            + " NOT NULL, batch BIGINT, idx INTEGER)",
        "CREATE INDEX IF NOT EXISTS profile_leaves_leaf ON profile_leaves(leaf)",
        "CREATE INDEX IF NOT EXISTS profile_leaves_batch ON profile_leaves(batch, idx)",
        "CREATE TABLE IF NOT EXISTS profile_batches(seq BIGINT PRIMARY KEY, root TEXT NOT NULL,"
            + " size INTEGER NOT NULL, op_id TEXT NOT NULL, time_ms BIGINT NOT NULL)");
  }

  /** Creates the tables and indexes that are missing, and commits. */
  public void createSchema(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String ddl : schema()) {
        s.execute(ddl);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
