package io.mip.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Small files that hold secrets (key files, wallet files, server secrets): the one place MIP writes
 * and reads them.
 *
 * <p>Guarantees: a write goes to a temporary file in the target's folder created with mode 600 (on
 * POSIX file systems), is flushed to disk, then renamed to the target in one step, so a crash
 * leaves the old file or the new one, never a mix, and the content is never readable by others, not
 * even briefly. A read refuses a file that group or others may access (on POSIX) and one larger
 * than its limit, before reading any of it. Messages name the file, never its content.
 */
public final class SecretFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SecretFiles() {}

  /**
   * Writes {@code content} to a new file; never replaces one.
   *
   * @throws FileAlreadyExistsException if {@code file} exists
   */
  public static void writeNew(Path file, byte[] content) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    Path tmp = writeTemp(file, content);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes {@code content} to {@code file}, replacing an older version in one step (or, on a file
   * system that cannot rename atomically, in a plain replace).
   */
  public static void replace(Path file, byte[] content) throws IOException {
    Path tmp = writeTemp(file, content);
    try {
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Creates {@code dir} and its missing parents, the new ones private to their owner (700). */
  public static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Reads the whole of a secret file.
   *
   * @param what how messages name the file, such as {@code "key file"}
   * @throws IOException if the file cannot be read, may be accessed by group or others, or is
   *     larger than {@code maxBytes}
   */
  public static byte[] read(Path file, int maxBytes, String what) throws IOException {
    if (Files.size(file) > maxBytes) {
      throw new IOException(what + " " + file + " is larger than " + maxBytes + " bytes");
    }
    if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
      throw new IOException(what + " " + file + " is accessible to group or others; chmod 600 it");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(maxBytes + 1);
      if (b.length > maxBytes) {
        throw new IOException(what + " " + file + " is larger than " + maxBytes + " bytes");
      }
      return b;
    }
  }

  private static Path writeTemp(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    FileAttribute<?>[] attrs =
        posix(dir)
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
