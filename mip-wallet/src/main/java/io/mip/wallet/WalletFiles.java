package io.mip.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.wallet.internal.JsonFields;
import io.mip.wallet.internal.SecureFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads and writes the wallet's small JSON files (guardian shares, recovery requests, recovery
 * keys, approvals) the way the passport file is handled: strict parsing with a size limit, atomic
 * writes, mode 600.
 */
public final class WalletFiles {
  /** Largest JSON file {@link #readObject} accepts. */
  public static final int MAX_BYTES = 1024 * 1024;

  private WalletFiles() {}

  /**
   * Reads one JSON object; duplicate keys, trailing data and files over {@link #MAX_BYTES} are
   * refused.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it is not one JSON object within the limit
   */
  public static JsonNode readObject(Path file) {
    return JsonFields.parseObject(SecureFiles.read(file, MAX_BYTES), file.getFileName().toString());
  }

  /**
   * Writes a JSON value atomically with mode 600.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void writeObject(Path file, JsonNode value) {
    SecureFiles.writeAtomically(file, JsonFields.write(value));
  }
}
