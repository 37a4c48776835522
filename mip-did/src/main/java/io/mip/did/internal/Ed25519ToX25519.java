package io.mip.did.internal;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Maps an Ed25519 public key to the X25519 public key of the same secret (RFC 7748 section 4.1, the
 * birational map u = (1 + y) / (1 - y) mod p), as the did:key method does to derive a key agreement
 * key. Public data only; no constant-time requirement.
 */
public final class Ed25519ToX25519 {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  private Ed25519ToX25519() {}

  /**
   * Returns the X25519 key, or empty for a point with none (y = 1) or whose image X25519 refuses
   * (low order); a valid Ed25519 key, which is of prime order, always has one.
   */
  public static Optional<X25519PublicKey> convert(Ed25519PublicKey key) {
    byte[] le = key.toBytes();
    le[31] &= 0x7f;
    BigInteger y = new BigInteger(1, reverse(le));
    BigInteger oneMinusY = BigInteger.ONE.subtract(y).mod(P);
    if (oneMinusY.signum() == 0) {
      return Optional.empty();
    }
    BigInteger u = BigInteger.ONE.add(y).multiply(oneMinusY.modInverse(P)).mod(P);
    byte[] be = u.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    try {
      return Optional.of(X25519PublicKey.fromBytes(out));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] reverse(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }
}
