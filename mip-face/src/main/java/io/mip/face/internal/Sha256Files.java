package io.mip.face.internal;

import io.mip.face.ModelPackException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Streams a file through SHA-256. */
public final class Sha256Files {
  private Sha256Files() {}

  /** Returns a fresh SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Returns the lowercase hex SHA-256 of a file. */
  public static String hex(Path file) {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new ModelPackException(ModelPackException.Reason.IO, "cannot read " + file, e);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
