package io.mip.profile.store.internal;

import io.mip.profile.ProfileLimits;
import io.mip.profile.store.ProfileStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves blobs of the former one-file-per-blob layout ({@code <dir>/ab/<hex sha-256>}) into a pack
 * store: each batch is handed to the store (which returns once it is durable), then each moved file
 * is overwritten with zeros, forced and unlinked, so no second copy of a ciphertext lingers.
 */
public final class LegacyBlobFiles {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyBlobFiles.class);
  private static final Pattern FAN_OUT = Pattern.compile("[0-9a-f]{2}");
  private static final Pattern BLOB = Pattern.compile("[0-9a-f]{64}");
  private static final int BATCH_FILES = 256;
  private static final long BATCH_BYTES = 16L * 1024 * 1024;

  private LegacyBlobFiles() {}

  /** Moves every legacy blob file in {@code dir} into {@code store}; returns how many. */
  public static int moveInto(Path dir, Consumer<List<byte[]>> store) throws IOException {
    List<Path> fanOuts = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (Files.isDirectory(p) && FAN_OUT.matcher(p.getFileName().toString()).matches()) {
          fanOuts.add(p);
        }
      }
    }
    int moved = 0;
    for (Path fanOut : fanOuts) {
      moved += moveDirectory(fanOut, store);
      try (DirectoryStream<Path> left = Files.newDirectoryStream(fanOut)) {
        if (!left.iterator().hasNext()) {
          Files.delete(fanOut);
        }
      }
    }
    Path tmp = dir.resolve("tmp");
    if (Files.isDirectory(tmp)) {
      try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*.part")) {
        for (Path part : parts) {
          shred(part);
        }
      }
      Files.deleteIfExists(tmp);
    }
    if (moved > 0) {
      LOG.info("moved {} blob files into packs in {}", moved, dir);
    }
    return moved;
  }

  private static int moveDirectory(Path fanOut, Consumer<List<byte[]>> store) throws IOException {
    List<Path> files = new ArrayList<>();
    List<byte[]> batch = new ArrayList<>();
    long bytes = 0;
    int moved = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(fanOut)) {
      for (Path p : ds) {
        if (!BLOB.matcher(p.getFileName().toString()).matches()) {
          continue;
        }
        if (Files.size(p) > ProfileLimits.MAX_CIPHERTEXT_BYTES) {
          throw new ProfileStoreException("legacy blob larger than the record limit: " + p, null);
        }
        byte[] b = Files.readAllBytes(p);
        files.add(p);
        batch.add(b);
        bytes += b.length;
        if (batch.size() >= BATCH_FILES || bytes >= BATCH_BYTES) {
          moved += flush(files, batch, store);
          bytes = 0;
        }
      }
    }
    return moved + flush(files, batch, store);
  }

  private static int flush(List<Path> files, List<byte[]> batch, Consumer<List<byte[]>> store)
      throws IOException {
    if (batch.isEmpty()) {
      return 0;
    }
    store.accept(List.copyOf(batch));
    for (Path p : files) {
      shred(p);
    }
    int n = files.size();
    files.clear();
    batch.clear();
    return n;
  }

  private static void shred(Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
      for (long pos = 0; pos < size; ) {
        zeros.clear().limit((int) Math.min(zeros.capacity(), size - pos));
        pos += ch.write(zeros, pos);
      }
      ch.force(false);
    }
    Files.delete(p);
  }
}
