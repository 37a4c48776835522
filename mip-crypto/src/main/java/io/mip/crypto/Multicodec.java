package io.mip.crypto;

import java.util.Arrays;

/**
 * Multicodec key prefixes (varint-encoded codes from the multicodec table) combined with multibase
 * base58btc, as used by {@code did:key} and W3C Multikey.
 */
public enum Multicodec {
  /** {@code ed25519-pub}, code 0xed. */
  ED25519_PUB(new byte[] {(byte) 0xed, 0x01}, 32),
  /** {@code x25519-pub}, code 0xec. */
  X25519_PUB(new byte[] {(byte) 0xec, 0x01}, 32);

  private final byte[] prefix;
  private final int keyLength;

  Multicodec(byte[] prefix, int keyLength) {
    this.prefix = prefix;
    this.keyLength = keyLength;
  }

  /** Prefixes {@code key} with this codec and encodes it as multibase base58btc. */
  public String encodeMultibase(byte[] key) {
    if (key.length != keyLength) {
      throw new IllegalArgumentException(name() + " key must be " + keyLength + " bytes");
    }
    byte[] data = new byte[prefix.length + key.length];
    System.arraycopy(prefix, 0, data, 0, prefix.length);
    System.arraycopy(key, 0, data, prefix.length, key.length);
    return Multibase.encodeBase58Btc(data);
  }

  /**
   * Decodes a multibase string and strips this codec's prefix.
   *
   * @throws IllegalArgumentException if the encoding, the prefix or the length is wrong
   */
  public byte[] decodeMultibase(String multibase) {
    byte[] data = Multibase.decode(multibase);
    if (data.length != prefix.length + keyLength
        || !Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length)) {
      throw new IllegalArgumentException("not a multibase " + name().toLowerCase() + " key");
    }
    return Arrays.copyOfRange(data, prefix.length, data.length);
  }
}
