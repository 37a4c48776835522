package io.mip.face.binding.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/** Random orthogonal matrices and the plane rotation of the IronMask enrolment. */
public final class Orthogonal {
  private Orthogonal() {}

  /**
   * Returns a Haar-random orthogonal matrix (row-major, {@code q[i][j]}): the Q factor of the
   * Householder QR decomposition of an n x n standard Gaussian matrix, with each column multiplied
   * by the sign of the matching diagonal entry of R (Mezzadri 2007, section 5). Column k of the
   * Gaussian matrix, as updated by the earlier reflections, is again standard Gaussian, so each
   * reflection is built directly from fresh Gaussian samples.
   */
  public static double[][] haar(int n, SecureRandom random) {
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      q[i][i] = 1;
    }
    double[] signs = new double[n];
    double[] u = new double[n];
    double[] gauss = gaussians(n * (n + 1) / 2, random);
    int g = 0;
    for (int k = 0; k < n - 1; k++) {
      double norm2 = 0;
      for (int i = k; i < n; i++) {
        u[i] = gauss[g++];
        norm2 += u[i] * u[i];
      }
      double norm = Math.sqrt(norm2);
      double s = u[k] >= 0 ? 1 : -1;
      // r_kk = -s * norm; sign fix multiplies column k by sign(r_kk) = -s
      signs[k] = -s;
      u[k] += s * norm;
      double un2 = norm2 - (u[k] - s * norm) * (u[k] - s * norm) + u[k] * u[k];
      double scale = 2 / un2;
      for (int i = 0; i < n; i++) {
        double[] row = q[i];
        double dot = 0;
        for (int j = k; j < n; j++) {
          dot += row[j] * u[j];
        }
        double f = dot * scale;
        for (int j = k; j < n; j++) {
          row[j] -= f * u[j];
        }
      }
    }
    signs[n - 1] = gauss[g] >= 0 ? 1 : -1;
    Arrays.fill(gauss, 0);
    for (double[] row : q) {
      for (int j = 0; j < n; j++) {
        row[j] *= signs[j];
      }
    }
    return q;
  }

  /**
   * Returns {@code count} independent standard Gaussian samples (Box-Muller on 53-bit uniforms
   * drawn in one bulk read from {@code random}, far faster than {@link SecureRandom#nextGaussian}).
   */
  static double[] gaussians(int count, SecureRandom random) {
    int pairs = (count + 1) / 2;
    byte[] bytes = new byte[pairs * 16];
    random.nextBytes(bytes);
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    double[] out = new double[pairs * 2];
    for (int i = 0; i < pairs; i++) {
      double u1 = ((buf.getLong() >>> 11) + 1) * 0x1.0p-53; // (0, 1]
      double u2 = (buf.getLong() >>> 11) * 0x1.0p-53; // [0, 1)
      double r = Math.sqrt(-2 * Math.log(u1));
      double a = 2 * Math.PI * u2;
      out[2 * i] = r * Math.cos(a);
      out[2 * i + 1] = r * Math.sin(a);
    }
    Arrays.fill(bytes, (byte) 0);
    return count == out.length ? out : Arrays.copyOf(out, count);
  }

  /**
   * Returns {@code P = R Q} as row-major floats, where R is the rotation in the plane of {@code a =
   * Q t} and {@code c} that maps {@code a} onto {@code c} (both unit) and is the identity on the
   * orthogonal complement. Uses {@code a^T Q = t^T}, so the product is a rank-2 update of Q.
   */
  public static float[] rotateOnto(double[][] q, double[] t, double[] c) {
    int n = t.length;
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += q[i][j] * t[j];
      }
      a[i] = s;
    }
    double cos = dot(a, c);
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = c[i] - cos * a[i];
    }
    double sin = Math.sqrt(dot(b, b));
    if (sin < 1e-12) {
      // a already equals c (or -c, which the random draw makes impossible in practice)
      b = new double[n];
      sin = 0;
    } else {
      for (int i = 0; i < n; i++) {
        b[i] /= sin;
      }
    }
    double[] bq = new double[n];
    for (int i = 0; i < n; i++) {
      double bi = b[i];
      if (bi != 0) {
        double[] row = q[i];
        for (int j = 0; j < n; j++) {
          bq[j] += bi * row[j];
        }
      }
    }
    float[] p = new float[n * n];
    double cm1 = cos - 1;
    for (int i = 0; i < n; i++) {
      double[] row = q[i];
      double ka = cm1 * a[i] + sin * b[i];
      double kb = cm1 * b[i] - sin * a[i];
      for (int j = 0; j < n; j++) {
        p[i * n + j] = (float) (row[j] + ka * t[j] + kb * bq[j]);
      }
    }
    return p;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
