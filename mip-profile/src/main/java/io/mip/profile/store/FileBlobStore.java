package io.mip.profile.store;

import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link BlobStore} with one file per blob (the embedded layout before {@link PackBlobStore},
 * which moves such files into packs on open): one file per blob, named by the lower-case hex
 * SHA-256 of its bytes, under a two-character fan-out directory ({@code <dir>/ab/abcdef...}). A
 * blob is written to a temporary file, forced to disk, then atomically renamed, so a reader never
 * sees a partial blob and a returned {@link #put} survives a crash.
 *
 * <p>Refuses blobs larger than {@link ProfileLimits#MAX_CIPHERTEXT_BYTES}; on read, a file larger
 * than that is reported as-is up to the limit plus one byte, and fails the caller's hash check.
 */
public final class FileBlobStore implements BlobStore {
  private final Path dir;
  private final Path tmp;

  private FileBlobStore(Path dir) {
    this.dir = dir;
    this.tmp = dir.resolve("tmp");
  }

  /** Opens (creating if needed) the store in {@code dir}. */
  public static FileBlobStore open(Path dir) {
    try {
      Path abs = dir.toAbsolutePath();
      Files.createDirectories(abs.resolve("tmp"));
      return new FileBlobStore(abs);
    } catch (IOException e) {
      throw new ProfileStoreException("cannot open blob store " + dir, e);
    }
  }

  /** Returns the file that holds (or would hold) the blob {@code id}. */
  public Path pathOf(RecordId id) {
    String hex = HexFormat.of().formatHex(id.hashBytes());
    return dir.resolve(hex.substring(0, 2)).resolve(hex);
  }

  @Override
  public RecordId put(byte[] bytes) {
    if (bytes == null || bytes.length > ProfileLimits.MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException("blob missing or larger than the record limit");
    }
    RecordId id = RecordId.of(bytes);
    Path target = pathOf(id);
    if (Files.exists(target)) {
      return id;
    }
    Path temp = tmp.resolve(UUID.randomUUID() + ".part");
    try {
      Files.createDirectories(target.getParent());
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return id;
    } catch (FileAlreadyExistsException e) {
      return id;
    } catch (IOException e) {
      throw new ProfileStoreException("cannot write blob " + id, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // A leftover temporary file holds ciphertext only; the next open may remove it.
      }
    }
  }

  @Override
  public Optional<byte[]> get(RecordId id) {
    Path p = pathOf(id);
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      long size = Math.min(ch.size(), ProfileLimits.MAX_CIPHERTEXT_BYTES + 1L);
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // keep reading
      }
      return Optional.of(buf.array());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ProfileStoreException("cannot read blob " + id, e);
    }
  }

  @Override
  public boolean delete(RecordId id) {
    try {
      return Files.deleteIfExists(pathOf(id));
    } catch (IOException e) {
      throw new ProfileStoreException("cannot delete blob " + id, e);
    }
  }

  @Override
  public void close() {
    // Nothing held open.
  }
}
