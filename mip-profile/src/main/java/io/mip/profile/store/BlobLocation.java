package io.mip.profile.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link PackBlobStore} keeps a blob: {@code length} bytes at {@code offset} in {@code
 * file}. For operators and tests (for example to check that erasure overwrote the bytes).
 *
 * @param file the pack file
 * @param offset the blob's first byte in the file
 * @param length the blob's length
 */
public record BlobLocation(Path file, long offset, int length) {
  /** Checks the values. */
  public BlobLocation {
    Objects.requireNonNull(file, "file");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
  }
}
