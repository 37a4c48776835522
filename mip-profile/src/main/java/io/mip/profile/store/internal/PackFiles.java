package io.mip.profile.store.internal;

import io.mip.profile.store.ProfileStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pack files of a {@code PackBlobStore}: append-only files {@code pack-NNNNNNNN.bin} that hold
 * ciphertexts back to back. One writer thread appends, zeroes and forces; any thread reads.
 *
 * <p>Recovery on open, against the committed ends recorded in the index: a pack longer than its
 * committed end has a torn tail (bytes appended but never indexed) and is truncated; a pack the
 * index does not know holds only unindexed bytes and is deleted. After a failed {@code force} the
 * packs refuse every further write (the page cache can no longer be trusted), until reopened.
 */
public final class PackFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PackFiles.class);
  private static final Pattern NAME = Pattern.compile("pack-(\\d{8})\\.bin");
  private static final int ZERO_CHUNK = 64 * 1024;

  /** Where a blob sits. */
  public record Slot(long pack, long offset, int length) {}

  private final Path dir;
  private final long limit;
  private final Map<Long, FileChannel> channels = new ConcurrentHashMap<>();
  private final Set<Long> dirty = new HashSet<>();
  private long current;
  private long end;
  private volatile boolean failed;

  private PackFiles(Path dir, long limit, long current, long end) {
    this.dir = dir;
    this.limit = limit;
    this.current = current;
    this.end = end;
  }

  /**
   * Opens the packs in {@code dir}, recovering against {@code committedEnds} (pack number to the
   * end the index recorded); new blobs go to a pack once it would pass {@code limit} bytes. Refuses
   * to open packs whose index was just created ({@code indexIsNew}): their blobs would be lost.
   */
  public static PackFiles open(
      Path dir, long limit, Map<Long, Long> committedEnds, boolean indexIsNew) {
    try {
      Map<Long, Path> onDisk = new HashMap<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "pack-*.bin")) {
        for (Path p : files) {
          Matcher m = NAME.matcher(p.getFileName().toString());
          if (m.matches()) {
            onDisk.put(Long.parseLong(m.group(1)), p);
          }
        }
      }
      if (indexIsNew && !onDisk.isEmpty()) {
        throw new ProfileStoreException(
            dir + " holds pack files but no index (packs.db); restore it before opening", null);
      }
      long current = 1;
      long end = 0;
      for (Map.Entry<Long, Long> e : committedEnds.entrySet()) {
        if (e.getKey() >= current) {
          current = e.getKey();
          end = e.getValue();
        }
      }
      for (Map.Entry<Long, Path> e : onDisk.entrySet()) {
        Long committed = committedEnds.get(e.getKey());
        if (committed != null) {
          recoverTail(e.getValue(), committed);
        } else if (e.getKey() > current || committedEnds.isEmpty()) {
          LOG.warn("removing pack {}: created by a write that never committed", e.getValue());
          Files.delete(e.getValue());
        } else {
          LOG.error("pack {} is not in the index; left as it is", e.getValue());
        }
      }
      PackFiles packs = new PackFiles(dir, limit, current, end);
      forceDirectory(dir);
      return packs;
    } catch (IOException e) {
      throw new ProfileStoreException("cannot open pack files in " + dir, e);
    }
  }

  private static void recoverTail(Path pack, long committed) throws IOException {
    try (FileChannel ch = FileChannel.open(pack, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size > committed) {
        LOG.info("truncating torn tail of {}: {} bytes never indexed", pack, size - committed);
        ch.truncate(committed);
        ch.force(true);
      } else if (size < committed) {
        LOG.error(
            "{} is {} bytes shorter than indexed; its last blobs will fail their hash",
            pack,
            committed - size);
      }
    }
  }

  /** Returns the file of pack {@code pack}. */
  public Path path(long pack) {
    return dir.resolve(String.format("pack-%08d.bin", pack));
  }

  /** Appends {@code bytes} to the current pack (writer thread only); not yet forced. */
  public Slot append(byte[] bytes) {
    checkUsable();
    try {
      if (end > 0 && end + bytes.length > limit) {
        current++;
        end = 0;
      }
      FileChannel ch = channels.get(current);
      if (ch == null) {
        boolean created = !Files.exists(path(current));
        ch = channel(current, true);
        if (created) {
          forceDirectory(dir); // the new pack's name must survive a crash too
        }
      }
      writeFully(ch, ByteBuffer.wrap(bytes), end);
      Slot slot = new Slot(current, end, bytes.length);
      end += bytes.length;
      dirty.add(current);
      return slot;
    } catch (IOException e) {
      throw new ProfileStoreException("cannot append to pack " + current, e);
    }
  }

  /** Overwrites a blob's bytes with zeros in place (writer thread only); not yet forced. */
  public void zero(Slot slot) {
    checkUsable();
    try {
      FileChannel ch = channel(slot.pack(), false);
      ByteBuffer zeros = ByteBuffer.allocate(Math.min(ZERO_CHUNK, Math.max(1, slot.length())));
      long pos = slot.offset();
      long stop = slot.offset() + slot.length();
      while (pos < stop) {
        zeros.clear().limit((int) Math.min(zeros.capacity(), stop - pos));
        pos += writeFully(ch, zeros, pos);
      }
      dirty.add(slot.pack());
    } catch (IOException e) {
      throw new ProfileStoreException("cannot overwrite blob in pack " + slot.pack(), e);
    }
  }

  /**
   * Forces every pack written since the last call (writer thread only) and returns their ends to
   * record: pack number to committed end (the current pack's append position, or the file size).
   */
  public Map<Long, Long> force() {
    Map<Long, Long> ends = new HashMap<>();
    try {
      for (long pack : dirty) {
        FileChannel ch = channel(pack, false);
        ch.force(false);
        ends.put(pack, pack == current ? end : ch.size());
      }
      dirty.clear();
      return ends;
    } catch (IOException e) {
      failed = true;
      throw new ProfileStoreException("cannot force pack files; refusing further writes", e);
    }
  }

  /** Reads a blob's bytes as stored (fewer if the pack is shorter than the index says). */
  public byte[] read(Slot slot) {
    try {
      FileChannel ch = channel(slot.pack(), false);
      ByteBuffer buf = ByteBuffer.allocate(slot.length());
      long pos = slot.offset();
      while (buf.hasRemaining()) {
        int n = ch.read(buf, pos);
        if (n < 0) {
          break;
        }
        pos += n;
      }
      byte[] out = new byte[buf.position()];
      buf.flip().get(out);
      return out;
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (IOException e) {
      throw new ProfileStoreException("cannot read pack " + slot.pack(), e);
    }
  }

  private void checkUsable() {
    if (failed) {
      throw new ProfileStoreException("pack files failed to force earlier; reopen the store", null);
    }
  }

  private FileChannel channel(long pack, boolean create) throws IOException {
    FileChannel ch = channels.get(pack);
    if (ch != null) {
      return ch;
    }
    synchronized (channels) {
      ch = channels.get(pack);
      if (ch == null) {
        ch =
            create
                ? FileChannel.open(
                    path(pack),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE)
                : FileChannel.open(path(pack), StandardOpenOption.READ, StandardOpenOption.WRITE);
        channels.put(pack, ch);
      }
      return ch;
    }
  }

  private static int writeFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      total += ch.write(buf, pos + total);
    }
    return total;
  }

  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  @Override
  public void close() {
    synchronized (channels) {
      for (FileChannel ch : channels.values()) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // Closing anyway; every acknowledged write was forced.
        }
      }
      channels.clear();
    }
  }
}
