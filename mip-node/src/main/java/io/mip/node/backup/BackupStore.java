package io.mip.node.backup;

import io.mip.wallet.passport.AttemptState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The backups and restore attempt counters of one node: one SQLite file ({@value #FILE}) in WAL
 * mode with {@code synchronous=FULL} (a returned write survives power loss, so a counted failure
 * survives a crash or restart) and {@code secure_delete=ON} (a deleted or replaced backup is
 * overwritten, not left in free pages). The directory is mode 700 and the file mode 600: it holds
 * sealed seeds and backup verifiers, with which the operator could search PINs offline
 * (docs/passport.md, "Backup and restore on a new device").
 *
 * <p>Thread-safe: one connection, every method synchronized (backups are rare and small).
 */
final class BackupStore implements AutoCloseable {
  /** The database file inside the feature's directory. */
  static final String FILE = "backups.db";

  /**
   * One stored backup.
   *
   * @param did the DID
   * @param epoch its key epoch
   * @param signerKey multibase of the DID key that signed the upload (the DID's key then)
   * @param publicJson the public part as served, compact JSON
   * @param authKey multibase of the backup authentication public key
   * @param sealed the sealed seed
   */
  record Stored(
      String did, int epoch, String signerKey, byte[] publicJson, String authKey, byte[] sealed) {}

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS backups(did TEXT PRIMARY KEY, epoch INTEGER NOT NULL,"
        + " signer_key TEXT NOT NULL, public_json BLOB NOT NULL, auth_key TEXT NOT NULL,"
        + " sealed BLOB NOT NULL, updated_ms INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS restore_attempts(did TEXT PRIMARY KEY,"
        + " failures INTEGER NOT NULL, locked_until_ms INTEGER)"
  };

  private final Connection db;
  private final String audience;

  private BackupStore(Connection db, String audience) {
    this.db = db;
    this.audience = audience;
  }

  /** Opens (creating if needed) the store in {@code dir}. */
  static BackupStore open(Path dir) {
    Path file = dir.resolve(FILE).toAbsolutePath();
    try {
      createPrivate(dir, file);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA secure_delete=ON");
        s.execute("PRAGMA busy_timeout=10000");
        for (String sql : SCHEMA) {
          s.execute(sql);
        }
      }
      return new BackupStore(c, audience(c));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the backup store " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the backup store " + file, e);
    }
  }

  /** The audience signed requests must name: {@code mip-node-backup:<random id>}, kept forever. */
  String audience() {
    return audience;
  }

  synchronized Optional<Stored> get(String did) {
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT epoch, signer_key, public_json, auth_key, sealed FROM backups WHERE did = ?")) {
      q.setString(1, did);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Stored(
                did, r.getInt(1), r.getString(2), r.getBytes(3), r.getString(4), r.getBytes(5)));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Stores {@code b}, replacing the DID's earlier backup; returns whether one was replaced. */
  synchronized boolean put(Stored b, Instant now) {
    boolean existed = get(b.did()).isPresent();
    try (PreparedStatement u =
        db.prepareStatement(
            "INSERT OR REPLACE INTO backups(did, epoch, signer_key, public_json, auth_key, sealed,"
                + " updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      u.setString(1, b.did());
      u.setInt(2, b.epoch());
      u.setString(3, b.signerKey());
      u.setBytes(4, b.publicJson());
      u.setString(5, b.authKey());
      u.setBytes(6, b.sealed());
      u.setLong(7, now.toEpochMilli());
      u.executeUpdate();
      return existed;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Deletes the DID's backup; returns whether there was one. */
  synchronized boolean delete(String did) {
    try (PreparedStatement u = db.prepareStatement("DELETE FROM backups WHERE did = ?")) {
      u.setString(1, did);
      return u.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Returns the DID's restore attempt counter ({@link AttemptState#CLEAR} if none). */
  synchronized AttemptState attempts(String did) {
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT failures, locked_until_ms FROM restore_attempts WHERE did = ?")) {
      q.setString(1, did);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          return AttemptState.CLEAR;
        }
        long until = r.getLong(2);
        return new AttemptState(r.getInt(1), r.wasNull() ? null : Instant.ofEpochMilli(until));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Writes the DID's restore attempt counter (durably, before it returns). */
  synchronized void saveAttempts(String did, AttemptState state) {
    String sql =
        state.failures() == 0 && state.lockedUntil() == null
            ? "DELETE FROM restore_attempts WHERE did = ?"
            : "INSERT OR REPLACE INTO restore_attempts(did, failures, locked_until_ms)"
                + " VALUES (?, ?, ?)";
    try (PreparedStatement u = db.prepareStatement(sql)) {
      u.setString(1, did);
      if (state.failures() != 0 || state.lockedUntil() != null) {
        u.setInt(2, state.failures());
        if (state.lockedUntil() == null) {
          u.setNull(3, java.sql.Types.INTEGER);
        } else {
          u.setLong(3, state.lockedUntil().toEpochMilli());
        }
      }
      u.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static String audience(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
      q.setString(1, "audience");
      try (ResultSet r = q.executeQuery()) {
        if (r.next()) {
          return r.getString(1);
        }
      }
    }
    byte[] id = new byte[16];
    new SecureRandom().nextBytes(id);
    String a = "mip-node-backup:" + HexFormat.of().formatHex(id);
    try (PreparedStatement u = c.prepareStatement("INSERT INTO meta(name, value) VALUES (?, ?)")) {
      u.setString(1, "audience");
      u.setString(2, a);
      u.executeUpdate();
    }
    return a;
  }

  private static void createPrivate(Path dir, Path file) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    if (!Files.exists(file) && posix) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
  }

  private static IllegalStateException failure(SQLException e) {
    return new IllegalStateException("backup store failure", e);
  }
}
