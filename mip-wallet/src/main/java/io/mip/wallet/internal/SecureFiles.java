package io.mip.wallet.internal;

import io.mip.crypto.SecretFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole-file reads with a size limit, and atomic writes of files only their owner can read (the
 * wallet's unchecked face of {@link SecretFiles}).
 *
 * <p>A write goes to a temporary file in the target's folder, created with mode 600 (on POSIX file
 * systems), is flushed to disk, then renamed over the target in one step, so a crash leaves the old
 * or the new file, never a mix, and the content is never readable by others, even briefly.
 */
public final class SecureFiles {
  private SecureFiles() {}

  /**
   * Writes {@code content} to {@code target} atomically with mode 600.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void writeAtomically(Path target, byte[] content) {
    Path abs = target.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
      SecretFiles.replace(abs, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + abs, e);
    }
  }

  /**
   * Reads a whole file, refusing files larger than {@code maxBytes}.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if the file is larger than {@code maxBytes}
   */
  public static byte[] read(Path file, int maxBytes) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] data = in.readNBytes(maxBytes + 1);
      if (data.length > maxBytes) {
        throw new IllegalArgumentException(file + " is larger than " + maxBytes + " bytes");
      }
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
