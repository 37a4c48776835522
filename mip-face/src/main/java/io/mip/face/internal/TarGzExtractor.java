package io.mip.face.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader for gzip-compressed ustar archives (npm tarballs). It extracts only regular-file
 * entries whose full name is in an allow-list, into one folder under their base name, and never
 * follows entry paths, so a hostile archive cannot write elsewhere.
 */
public final class TarGzExtractor {
  private static final int BLOCK = 512;
  private static final long MAX_ENTRY = 256L * 1024 * 1024;

  private TarGzExtractor() {}

  /**
   * Extracts the wanted entries into {@code dir}; returns base name to hex SHA-256 of what was
   * written.
   *
   * @throws IOException if the archive is malformed or an entry exceeds 256 MiB
   */
  public static Map<String, String> extract(InputStream gz, Set<String> wanted, Path dir)
      throws IOException {
    Map<String, String> hashes = new HashMap<>();
    try (InputStream in = new GZIPInputStream(gz, 1 << 16)) {
      byte[] header = new byte[BLOCK];
      while (true) {
        if (!readFully(in, header)) {
          break;
        }
        if (isZero(header)) {
          break;
        }
        String name = cString(header, 0, 100);
        String magic = cString(header, 257, 6);
        if (magic.startsWith("ustar")) {
          String prefix = cString(header, 345, 155);
          if (!prefix.isEmpty()) {
            name = prefix + "/" + name;
          }
        }
        long size = octal(header, 124, 12);
        if (size < 0 || size > MAX_ENTRY) {
          throw new IOException("tar entry too large or malformed: " + name);
        }
        char type = (char) header[156];
        boolean regular = type == '0' || type == '\0';
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        if (regular && wanted.contains(name)) {
          String base = name.substring(name.lastIndexOf('/') + 1);
          hashes.put(base, copy(in, size, dir.resolve(base)));
          skip(in, padded - size);
        } else {
          skip(in, padded);
        }
      }
    }
    return hashes;
  }

  private static String copy(InputStream in, long size, Path target) throws IOException {
    MessageDigest md = Sha256Files.digest();
    byte[] buf = new byte[1 << 16];
    long left = size;
    try (OutputStream out = Files.newOutputStream(target)) {
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new EOFException("tar entry truncated");
        }
        out.write(buf, 0, n);
        md.update(buf, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void skip(InputStream in, long n) throws IOException {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        throw new EOFException("tar archive truncated");
      }
      left -= r;
    }
  }

  private static boolean readFully(InputStream in, byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n = in.read(b, off, b.length - off);
      if (n < 0) {
        if (off == 0) {
          return false;
        }
        throw new EOFException("tar header truncated");
      }
      off += n;
    }
    return true;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len) {
    long v = 0;
    boolean any = false;
    for (int i = off; i < off + len; i++) {
      int c = b[i];
      if (c == 0 || c == ' ') {
        if (any) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '7') {
        return -1;
      }
      v = v * 8 + (c - '0');
      any = true;
    }
    return v;
  }
}
