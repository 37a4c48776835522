package io.mip.did.key;

/** Unsigned varint (multiformats unsigned-varint), as used for multicodec headers. */
final class Varint {
  private static final int MAX_BYTES = 4;

  private Varint() {}

  /**
   * Reads a varint at the start of {@code data}; returns {value, byte length}, or null if there is
   * none, it is longer than 4 bytes, or it is not minimally encoded.
   */
  static long[] read(byte[] data) {
    long value = 0;
    for (int i = 0; i < data.length && i < MAX_BYTES; i++) {
      int b = data[i] & 0xff;
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (i > 0 && b == 0) {
          return null;
        }
        return new long[] {value, i + 1};
      }
    }
    return null;
  }
}
