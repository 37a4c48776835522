package io.mip.profile.store;

import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import io.mip.profile.store.internal.Database;
import io.mip.profile.store.internal.LegacyBlobFiles;
import io.mip.profile.store.internal.PackFiles;
import io.mip.profile.store.internal.PackFiles.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded {@link BlobStore}: ciphertexts appended back to back to pack files ({@code
 * <dir>/pack-00000001.bin}, a new pack once one would pass the size limit), located by a SQLite
 * index ({@code <dir>/packs.db}: sha-256, pack, offset, length; WAL, {@code synchronous=FULL},
 * {@code secure_delete=ON}).
 *
 * <p>Writes are group-committed: concurrent {@link #put}s queue on one writer thread, which appends
 * a group's ciphertexts to the current pack, forces the pack once ({@code fdatasync}), then commits
 * their index rows and the pack's new committed end in one SQLite transaction (one more {@code
 * fsync}); a caller returns only after both. An acknowledged blob therefore survives kill -9 and
 * power loss; bytes appended but never indexed (a torn tail) are truncated on the next open.
 *
 * <p>{@link #delete} overwrites the ciphertext in place with zeros and forces the pack before the
 * index row goes, so erasure is physical on file systems that overwrite in place (ext4, xfs; not
 * copy-on-write ones such as btrfs or ZFS, nor below the file system on flash). Reads return the
 * bytes as found; callers check them against the id, so bytes altered in a pack are detected.
 *
 * <p>Blobs written by the former one-file-per-blob layout ({@link FileBlobStore}) in {@code dir}
 * are moved into packs on open. Refuses blobs larger than {@link
 * ProfileLimits#MAX_CIPHERTEXT_BYTES}. Thread-safe.
 */
public final class PackBlobStore implements BlobStore {
  /** Default size at which a new pack is started: 64 MiB. */
  public static final long DEFAULT_PACK_BYTES = 64L * 1024 * 1024;

  private static final int READERS = 4;
  private static final String FIND =
      "SELECT pack, byte_offset, byte_length FROM blob_locations WHERE sha256 = ?";

  private final Database db;
  private final PackFiles packs;

  private PackBlobStore(Database db, PackFiles packs) {
    this.db = db;
    this.packs = packs;
  }

  /** Opens (creating if needed) the store in {@code dir} with {@link #DEFAULT_PACK_BYTES} packs. */
  public static PackBlobStore open(Path dir) {
    return open(dir, DEFAULT_PACK_BYTES);
  }

  /** Opens (creating if needed) the store in {@code dir}; packs roll over at {@code packBytes}. */
  public static PackBlobStore open(Path dir, long packBytes) {
    if (packBytes < ProfileLimits.MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException("packs must hold at least one largest record");
    }
    Path abs = dir.toAbsolutePath();
    List<Connection> opened = new ArrayList<>();
    try {
      Files.createDirectories(abs);
      boolean indexIsNew = !Files.exists(abs.resolve("packs.db"));
      String url = "jdbc:sqlite:" + abs.resolve("packs.db");
      Connection writer = connect(url, opened);
      createSchema(writer);
      PackFiles packs = PackFiles.open(abs, packBytes, committedEnds(writer), indexIsNew);
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(connect(url, opened));
      }
      Database db =
          new Database(writer, readers, "profile-packs", c -> recordEnds(c, packs.force()));
      PackBlobStore store = new PackBlobStore(db, packs);
      try {
        LegacyBlobFiles.moveInto(abs, store::putAll);
      } catch (IOException | RuntimeException e) {
        store.close();
        throw new ProfileStoreException("cannot move blob files into packs in " + dir, e);
      }
      return store;
    } catch (SQLException | IOException | RuntimeException e) {
      opened.forEach(PackBlobStore::closeQuietly);
      throw e instanceof ProfileStoreException pse
          ? pse
          : new ProfileStoreException("cannot open pack blob store " + dir, e);
    }
  }

  @Override
  public RecordId put(byte[] bytes) {
    if (bytes == null || bytes.length > ProfileLimits.MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException("blob missing or larger than the record limit");
    }
    RecordId id = RecordId.of(bytes);
    byte[] hash = id.hashBytes();
    db.write(c -> append(c, hash, bytes));
    return id;
  }

  /** Stores several blobs in one group commit (used to move legacy files in). */
  private void putAll(List<byte[]> blobs) {
    db.write(
        c -> {
          for (byte[] b : blobs) {
            append(c, RecordId.of(b).hashBytes(), b);
          }
          return null;
        });
  }

  private Void append(Connection c, byte[] hash, byte[] bytes) throws SQLException {
    if (find(c, hash).isPresent()) {
      return null;
    }
    Slot slot = packs.append(bytes);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO blob_locations(sha256, pack, byte_offset, byte_length)"
                + " VALUES (?, ?, ?, ?)")) {
      ps.setBytes(1, hash);
      ps.setLong(2, slot.pack());
      ps.setLong(3, slot.offset());
      ps.setInt(4, slot.length());
      ps.executeUpdate();
    }
    return null;
  }

  @Override
  public Optional<byte[]> get(RecordId id) {
    byte[] hash = id.hashBytes();
    Optional<Slot> slot = db.read(c -> find(c, hash));
    if (slot.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = packs.read(slot.get());
    if (!id.matches(bytes) && db.read(c -> find(c, hash)).isEmpty()) {
      return Optional.empty(); // deleted (zeroed) while we read it
    }
    return Optional.of(bytes);
  }

  @Override
  public boolean delete(RecordId id) {
    byte[] hash = id.hashBytes();
    return db.write(
        c -> {
          Optional<Slot> slot = find(c, hash);
          if (slot.isEmpty()) {
            return false;
          }
          packs.zero(slot.get());
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM blob_locations WHERE sha256 = ?")) {
            ps.setBytes(1, hash);
            ps.executeUpdate();
          }
          return true;
        });
  }

  /** Returns where a blob is stored (file, offset, length), or empty if there is none. */
  public Optional<BlobLocation> locate(RecordId id) {
    byte[] hash = id.hashBytes();
    return db.read(c -> find(c, hash))
        .map(s -> new BlobLocation(packs.path(s.pack()), s.offset(), s.length()));
  }

  private static Optional<Slot> find(Connection c, byte[] hash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setBytes(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Slot(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
            : Optional.empty();
      }
    }
  }

  private static void recordEnds(Connection c, Map<Long, Long> ends) throws SQLException {
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
  }

  private static Map<Long, Long> committedEnds(Connection c) throws SQLException {
    Map<Long, Long> ends = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pack, committed_end FROM blob_packs")) {
      while (rs.next()) {
        ends.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return ends;
  }

  private static void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute(
          "CREATE TABLE IF NOT EXISTS blob_packs(pack INTEGER PRIMARY KEY,"
              + " committed_end INTEGER NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS blob_locations(sha256 BLOB PRIMARY KEY,"
              + " pack INTEGER NOT NULL, byte_offset INTEGER NOT NULL,"
              + " byte_length INTEGER NOT NULL) WITHOUT ROWID");
    }
  }

  private static Connection connect(String url, List<Connection> opened) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    opened.add(c);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=10000");
      s.execute("PRAGMA synchronous=FULL");
      s.execute("PRAGMA secure_delete=ON");
    }
    return c;
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Already failing.
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } finally {
      packs.close();
    }
  }
}
