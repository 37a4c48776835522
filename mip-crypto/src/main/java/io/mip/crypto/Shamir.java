package io.mip.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Shamir secret sharing (Shamir 1979, "How to share a secret") over GF(2^8) with the AES polynomial
 * 0x11b, byte by byte: a t-of-n split of the passport seed to guardians.
 *
 * <p>Each byte of the secret is the constant term of its own random polynomial of degree t-1; share
 * i holds the values of all polynomials at x = i (1..n). Guarantees: any t distinct shares give
 * back the secret; fewer than t shares reveal nothing about it (every secret is equally likely).
 *
 * <p>Shares carry no threshold and no checksum: {@link #combine} with fewer than t shares, or with
 * a corrupted share, returns a wrong secret without noticing. Callers must check the result (for
 * example by re-deriving the public key the seed should give). Refuses thresholds below 2, more
 * than {@link #MAX_SHARES} shares, secrets over {@link #MAX_SECRET_LENGTH} bytes, and duplicate x.
 */
public final class Shamir {
  /** Most shares a split can produce: the non-zero elements of GF(2^8). */
  public static final int MAX_SHARES = 255;

  /** Longest secret accepted, in bytes. */
  public static final int MAX_SECRET_LENGTH = 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Shamir() {}

  /**
   * One share: the evaluation point {@code x} (1..255) and one byte per secret byte.
   *
   * @param x the evaluation point, 1 to 255
   * @param y the share bytes, as long as the secret
   */
  public record Share(int x, byte[] y) {
    /** Validates and copies. */
    public Share {
      if (x < 1 || x > MAX_SHARES) {
        throw new IllegalArgumentException("share x must be 1 to 255");
      }
      if (y == null || y.length == 0 || y.length > MAX_SECRET_LENGTH) {
        throw new IllegalArgumentException("share value must be 1 to 1024 bytes");
      }
      y = y.clone();
    }

    /**
     * Parses {@code x (1 byte) || y}, the form {@link #toBytes()} writes.
     *
     * @throws IllegalArgumentException if the input is not a valid share
     */
    public static Share fromBytes(byte[] bytes) {
      if (bytes == null || bytes.length < 2) {
        throw new IllegalArgumentException("share too short");
      }
      byte[] y = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, y, 0, y.length);
      return new Share(bytes[0] & 0xff, y);
    }

    /** Returns a copy of the share bytes. */
    @Override
    public byte[] y() {
      return y.clone();
    }

    /** Returns {@code x || y}. */
    public byte[] toBytes() {
      byte[] out = new byte[1 + y.length];
      out[0] = (byte) x;
      System.arraycopy(y, 0, out, 1, y.length);
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Share other && x == other.x && Hashes.constantTimeEquals(y, other.y);
    }

    @Override
    public int hashCode() {
      return x;
    }

    /** Prints the index and length only: share bytes are secret. */
    @Override
    public String toString() {
      return "Shamir.Share[x=" + x + ", " + y.length + " bytes]";
    }
  }

  /**
   * Splits {@code secret} into {@code shares} shares, any {@code threshold} of which recover it.
   * Share x values are 1..shares.
   *
   * @throws IllegalArgumentException unless 2 <= threshold <= shares <= 255 and the secret is 1 to
   *     1024 bytes
   */
  public static List<Share> split(byte[] secret, int threshold, int shares) {
    if (secret == null || secret.length == 0 || secret.length > MAX_SECRET_LENGTH) {
      throw new IllegalArgumentException("secret must be 1 to 1024 bytes");
    }
    if (threshold < 2 || threshold > shares || shares > MAX_SHARES) {
      throw new IllegalArgumentException("need 2 <= threshold <= shares <= 255");
    }
    byte[][] coefficients = new byte[threshold][];
    coefficients[0] = secret.clone();
    for (int d = 1; d < threshold; d++) {
      coefficients[d] = new byte[secret.length];
      RANDOM.nextBytes(coefficients[d]);
    }
    List<Share> out = new ArrayList<>(shares);
    for (int x = 1; x <= shares; x++) {
      byte[] y = new byte[secret.length];
      for (int i = 0; i < secret.length; i++) {
        int acc = 0;
        for (int d = threshold - 1; d >= 0; d--) {
          acc = Gf256.add(Gf256.mul(acc, x), coefficients[d][i]);
        }
        y[i] = (byte) acc;
      }
      out.add(new Share(x, y));
    }
    return List.copyOf(out);
  }

  /**
   * Recovers the secret by Lagrange interpolation at x = 0 over all given shares. With at least the
   * threshold of genuine shares the result is the secret; with fewer it is a wrong value (see the
   * type description).
   *
   * @throws IllegalArgumentException if no shares are given, two share the same x, or their lengths
   *     differ
   */
  public static byte[] combine(Collection<Share> shares) {
    if (shares == null || shares.isEmpty() || shares.size() > MAX_SHARES) {
      throw new IllegalArgumentException("need 1 to 255 shares");
    }
    List<Share> list = List.copyOf(shares);
    int length = list.get(0).y.length;
    boolean[] seen = new boolean[MAX_SHARES + 1];
    for (Share s : list) {
      if (s.y.length != length) {
        throw new IllegalArgumentException("shares have different lengths");
      }
      if (seen[s.x]) {
        throw new IllegalArgumentException("two shares have x = " + s.x);
      }
      seen[s.x] = true;
    }
    byte[] secret = new byte[length];
    for (int j = 0; j < list.size(); j++) {
      int basis = lagrangeAtZero(list, j);
      byte[] yj = list.get(j).y;
      for (int i = 0; i < length; i++) {
        secret[i] = (byte) Gf256.add(secret[i], Gf256.mul(basis, yj[i]));
      }
    }
    return secret;
  }

  /** l_j(0) = prod over m != j of x_m / (x_m - x_j); subtraction is XOR in GF(2^8). */
  private static int lagrangeAtZero(List<Share> shares, int j) {
    int xj = shares.get(j).x;
    int num = 1;
    int den = 1;
    for (int m = 0; m < shares.size(); m++) {
      if (m != j) {
        int xm = shares.get(m).x;
        num = Gf256.mul(num, xm);
        den = Gf256.mul(den, Gf256.add(xm, xj));
      }
    }
    return Gf256.div(num, den);
  }
}
