package io.mip.face.binding.internal;

import java.security.SecureRandom;

/**
 * IronMask codewords (Kim et al., CVPR 2021, section 4): unit vectors of R^n with exactly {@code
 * alpha} non-zero entries, each {@code +-1/sqrt(alpha)}. A codeword is held as its sign pattern
 * ({@code -1, 0, +1} per coordinate).
 */
public final class Codebook {
  private final int dim;
  private final int alpha;

  /** Creates the codebook for dimension {@code dim} and {@code alpha} non-zero entries. */
  public Codebook(int dim, int alpha) {
    if (dim < 2 || alpha < 1 || alpha > dim) {
      throw new IllegalArgumentException("need 1 <= alpha <= dim");
    }
    this.dim = dim;
    this.alpha = alpha;
  }

  /** Returns log2 of the number of codewords: log2(C(dim, alpha) * 2^alpha). */
  public double bits() {
    double log2 = alpha;
    for (int i = 0; i < alpha; i++) {
      log2 += (Math.log(dim - i) - Math.log(i + 1)) / Math.log(2);
    }
    return log2;
  }

  /** Draws a uniformly random codeword. */
  public byte[] random(SecureRandom random) {
    int[] idx = new int[dim];
    for (int i = 0; i < dim; i++) {
      idx[i] = i;
    }
    byte[] c = new byte[dim];
    for (int i = 0; i < alpha; i++) {
      int j = i + random.nextInt(dim - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      c[idx[i]] = (byte) (random.nextBoolean() ? 1 : -1);
    }
    return c;
  }

  /** Returns the codeword as a unit vector. */
  public double[] vector(byte[] codeword) {
    double v = 1 / Math.sqrt(alpha);
    double[] out = new double[dim];
    for (int i = 0; i < dim; i++) {
      out[i] = codeword[i] * v;
    }
    return out;
  }

  /**
   * Decodes to the nearest codeword: keeps the {@code alpha} largest {@code |x_i|} with their signs
   * (ties go to the lower index).
   */
  public byte[] decode(double[] x) {
    if (x.length != dim) {
      throw new IllegalArgumentException("vector dimension differs from the codebook");
    }
    int[] top = new int[alpha];
    double[] mag = new double[alpha];
    int filled = 0;
    for (int i = 0; i < dim; i++) {
      double m = Math.abs(x[i]);
      if (filled < alpha) {
        int p = filled++;
        while (p > 0 && mag[p - 1] < m) {
          mag[p] = mag[p - 1];
          top[p] = top[p - 1];
          p--;
        }
        mag[p] = m;
        top[p] = i;
      } else if (m > mag[alpha - 1]) {
        int p = alpha - 1;
        while (p > 0 && mag[p - 1] < m) {
          mag[p] = mag[p - 1];
          top[p] = top[p - 1];
          p--;
        }
        mag[p] = m;
        top[p] = i;
      }
    }
    byte[] c = new byte[dim];
    for (int k = 0; k < alpha; k++) {
      c[top[k]] = (byte) (x[top[k]] < 0 ? -1 : 1);
    }
    return c;
  }
}
