package io.mip.profile.anchor;

import java.nio.charset.StandardCharsets;

/**
 * The leaves the node anchors in RFC 9162 Merkle trees, domain-separated so a record hash can never
 * be taken for an access log entry or the other way round.
 */
public final class Leaves {
  private static final byte[] RECORD = "mip:record:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACCESS = "mip:access:".getBytes(StandardCharsets.US_ASCII);

  private Leaves() {}

  /** Returns {@code "mip:record:" || sha256}. */
  public static byte[] record(byte[] sha256) {
    return concat(RECORD, sha256);
  }

  /** Returns {@code "mip:access:" || sha256}. */
  public static byte[] access(byte[] sha256) {
    return concat(ACCESS, sha256);
  }

  private static byte[] concat(byte[] tag, byte[] hash) {
    if (hash.length != 32) {
      throw new IllegalArgumentException("leaf hash must be 32 bytes");
    }
    byte[] out = new byte[tag.length + hash.length];
    System.arraycopy(tag, 0, out, 0, tag.length);
    System.arraycopy(hash, 0, out, tag.length, hash.length);
    return out;
  }
}
