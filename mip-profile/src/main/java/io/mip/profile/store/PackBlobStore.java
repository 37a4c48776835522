package io.mip.profile.store;

import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import io.mip.profile.store.internal.Database;
import io.mip.profile.store.internal.LegacyBlobFiles;
import io.mip.profile.store.internal.PackFiles;
import io.mip.profile.store.internal.PackFiles.Slot;
import io.mip.profile.store.internal.PackIndex;
import io.mip.profile.store.internal.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The embedded {@link BlobStore}: ciphertexts appended back to back to pack files ({@code
 * <dir>/pack-00000001.bin}, a new pack once one would pass the size limit), located by a SQLite
 * index (sha-256, pack, offset, length; WAL, {@code synchronous=FULL}, {@code secure_delete=ON}):
 * {@code <dir>/packs.db} when opened alone, the profile index's own database in {@link
 * ProfileStorage#embedded}, where a deposit's blob and index rows commit in one transaction.
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

  private final Database db;
  private final PackFiles packs;

  PackBlobStore(Database db, PackFiles packs) {
    this.db = db;
    this.packs = packs;
  }

  /** Opens (creating if needed) the store in {@code dir} with {@link #DEFAULT_PACK_BYTES} packs. */
  public static PackBlobStore open(Path dir) {
    return open(dir, DEFAULT_PACK_BYTES);
  }

  /** Opens (creating if needed) the store in {@code dir}; packs roll over at {@code packBytes}. */
  public static PackBlobStore open(Path dir, long packBytes) {
    Path abs = dir.toAbsolutePath();
    SqliteFiles.Connections cs = null;
    try {
      Files.createDirectories(abs);
      cs = SqliteFiles.open(abs.resolve("packs.db"));
      boolean indexIsNew = PackIndex.createSchema(cs.writer());
      PackFiles packs = openPacks(abs, packBytes, cs.writer(), indexIsNew);
      Database db = cs.start("profile-packs", PackIndex.commitHook(packs));
      return new PackBlobStore(db, packs).withLegacyFilesMoved(abs);
    } catch (SQLException | IOException | RuntimeException e) {
      if (cs != null) {
        cs.closeQuietly();
      }
      throw e instanceof ProfileStoreException pse
          ? pse
          : new ProfileStoreException("cannot open pack blob store " + dir, e);
    }
  }

  /** Opens the pack files in {@code dir} against the index on {@code c}. */
  static PackFiles openPacks(Path dir, long packBytes, Connection c, boolean indexIsNew)
      throws SQLException {
    if (packBytes < ProfileLimits.MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException("packs must hold at least one largest record");
    }
    return PackFiles.open(dir, packBytes, PackIndex.committedEnds(c), indexIsNew);
  }

  /** Moves blob files of the former layout in {@code dir} into packs; closes this on failure. */
  PackBlobStore withLegacyFilesMoved(Path dir) {
    try {
      LegacyBlobFiles.moveInto(dir, this::putAll);
      return this;
    } catch (IOException | RuntimeException e) {
      close();
      throw new ProfileStoreException("cannot move blob files into packs in " + dir, e);
    }
  }

  @Override
  public RecordId put(byte[] bytes) {
    if (bytes == null || bytes.length > ProfileLimits.MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException("blob missing or larger than the record limit");
    }
    RecordId id = RecordId.of(bytes);
    byte[] hash = id.hashBytes();
    db.write(
        c -> {
          PackIndex.append(c, packs, hash, bytes);
          return null;
        });
    return id;
  }

  /** Appends within a group-commit work of this store's database (the caller checked the size). */
  void append(Connection c, byte[] sha256, byte[] bytes) throws SQLException {
    PackIndex.append(c, packs, sha256, bytes);
  }

  private void putAll(List<byte[]> blobs) {
    db.write(
        c -> {
          for (byte[] b : blobs) {
            PackIndex.append(c, packs, RecordId.of(b).hashBytes(), b);
          }
          return null;
        });
  }

  @Override
  public Optional<byte[]> get(RecordId id) {
    byte[] hash = id.hashBytes();
    Optional<Slot> slot = db.read(c -> PackIndex.find(c, hash));
    if (slot.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = packs.read(slot.get());
    if (!id.matches(bytes) && db.read(c -> PackIndex.find(c, hash)).isEmpty()) {
      return Optional.empty(); // deleted (zeroed) while we read it
    }
    return Optional.of(bytes);
  }

  @Override
  public boolean delete(RecordId id) {
    byte[] hash = id.hashBytes();
    return db.write(c -> PackIndex.delete(c, packs, hash));
  }

  /** Returns where a blob is stored (file, offset, length), or empty if there is none. */
  public Optional<BlobLocation> locate(RecordId id) {
    byte[] hash = id.hashBytes();
    return db.read(c -> PackIndex.find(c, hash))
        .map(s -> new BlobLocation(packs.path(s.pack()), s.offset(), s.length()));
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
