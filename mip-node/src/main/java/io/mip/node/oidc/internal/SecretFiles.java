package io.mip.node.oidc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Small files that hold secrets: created once with mode 600 (on POSIX file systems), synced, moved
 * into place atomically; read only when no one but the owner may access them. Messages name the
 * file, never its content.
 */
final class SecretFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private SecretFiles() {}

  static void writeNew(Path file, byte[] content) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    Path dir = file.toAbsolutePath().getParent();
    Path tmp =
        posix(dir)
            ? Files.createTempFile(
                dir, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
            : Files.createTempFile(dir, ".secret", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static byte[] read(Path file, int limit) throws IOException {
    if (posix(file.toAbsolutePath().getParent())) {
      Set<PosixFilePermission> perms =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      if (!OWNER_ONLY.containsAll(perms)) {
        throw new IOException(
            "secret file "
                + file
                + " may be read by others ("
                + PosixFilePermissions.toString(perms)
                + "); chmod 600 it");
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(limit + 1);
      if (b.length > limit) {
        throw new IOException("secret file " + file + " is larger than " + limit + " bytes");
      }
      return b;
    }
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
