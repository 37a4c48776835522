package io.mip.face.binding.internal;

/**
 * The probability that IronMask unlock recovers the enrolled codeword, as a function of the cosine
 * between the enrolled template t and the probe t' only.
 *
 * <p>Why only the cosine: P = R Q with Q Haar-random, so given P t = c, the image P t' of a probe
 * at cosine x is {@code y = x c + sqrt(1 - x^2) v} with v uniform on the unit sphere orthogonal to
 * c. Decoding succeeds exactly when every signed support coordinate of y exceeds the largest
 * magnitude M among the other {@code dim - alpha} coordinates. Model: the coordinates of {@code
 * sqrt(1 - x^2) v} are N(0, s^2) with {@code s^2 = (1 - x^2) / (dim - 1)}, except that the signed
 * support coordinates sum to exactly {@code x sqrt(alpha)} (because c.y = x), so they are {@code mu
 * + s e_j} with {@code mu = x / sqrt(alpha)} and e a centred Gaussian vector. Then {@code P =
 * integral dF_M(m) G((m - mu) / s)}, where {@code F_M(m) = erf(m / (s sqrt 2))^(dim - alpha)} and
 * {@code G(u) = Pr(min_j e_j > u)}, computed by numerical convolution of truncated Gaussians. The
 * tests check the model against direct simulation of the real decoder.
 */
public final class RecoveryModel {
  private static final int GRID = 4000;
  private static final double DG = 0.05;
  private static final double G_STEP = 0.05;
  private static final double G_MIN = -8;

  private RecoveryModel() {}

  /**
   * Returns {@code G(u) = Pr(min_j (g_j - mean g) > u)} for alpha iid standard normals, at {@code u
   * = G_MIN + k G_STEP} for k in 0..(-G_MIN / G_STEP); zero for u >= 0.
   */
  static double[] centredMinTail(int alpha) {
    int n = (int) Math.round(-G_MIN / G_STEP) + 1;
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      double u = G_MIN + k * G_STEP;
      out[k] = u >= 0 ? 0 : centredMinTailAt(alpha, u);
    }
    return out;
  }

  private static double centredMinTailAt(int alpha, double u) {
    double lo = Math.max(u, -9);
    int k = (int) Math.ceil((9 - lo) / DG);
    double[] h = new double[k];
    for (int i = 0; i < k; i++) {
      double g = lo + (i + 0.5) * DG;
      h[i] = Math.exp(-g * g / 2) / Math.sqrt(2 * Math.PI) * DG;
    }
    double[] conv = h;
    for (int a = 1; a < alpha - 1; a++) {
      double[] next = new double[conv.length + k - 1];
      for (int i = 0; i < conv.length; i++) {
        double ci = conv[i];
        if (ci < 1e-300) {
          continue;
        }
        for (int j = 0; j < k; j++) {
          next[i + j] += ci * h[j];
        }
      }
      conv = next;
    }
    // the sum of alpha values is alpha*lo + (S + alpha/2) DG for index sum S; find S with sum 0
    double target = -alpha * lo / DG - alpha / 2.0;
    double mass = 0;
    for (int j = 0; j < k; j++) {
      double sIdx = target - j; // index into conv (alpha - 1 terms) pairing with h[j]
      int i0 = (int) Math.floor(sIdx);
      double f = sIdx - i0;
      double c0 = i0 >= 0 && i0 < conv.length ? conv[i0] : 0;
      double c1 = i0 + 1 >= 0 && i0 + 1 < conv.length ? conv[i0 + 1] : 0;
      mass += h[j] * (c0 * (1 - f) + c1 * f);
    }
    double density = mass / DG;
    return Math.min(1, density * Math.sqrt(2 * Math.PI * alpha));
  }

  /** Returns Pr[decode(P t') = c] for a probe at cosine {@code x} to the enrolled template. */
  public static double success(double x, int alpha, int dim) {
    return success(x, alpha, dim, centredMinTail(alpha));
  }

  private static double success(double x, int alpha, int dim, double[] g) {
    if (x >= 1) {
      return 1;
    }
    if (x <= 0) {
      return 0; // the codeword's signs point away; the chance is negligible
    }
    double s = Math.sqrt((1 - x * x) / (dim - 1));
    double mu = x / Math.sqrt(alpha);
    int rest = dim - alpha;
    double step = mu / GRID;
    double total = 0;
    double prevF = 0;
    for (int i = 1; i <= GRID; i++) {
      double m = i * step;
      double f = Math.pow(1 - erfc(m / (s * Math.sqrt(2))), rest);
      double u = (m - step / 2 - mu) / s;
      total += (f - prevF) * lookup(g, u);
      prevF = f;
    }
    return Math.max(0, Math.min(1, total));
  }

  private static double lookup(double[] g, double u) {
    if (u >= 0) {
      return 0;
    }
    double pos = (u - G_MIN) / G_STEP;
    if (pos <= 0) {
      return g[0];
    }
    int i = (int) pos;
    double f = pos - i;
    if (i + 1 >= g.length) {
      return g[g.length - 1];
    }
    double a = g[i];
    double b = g[i + 1];
    if (a > 0 && b > 0) {
      return Math.exp(Math.log(a) * (1 - f) + Math.log(b) * f);
    }
    return a * (1 - f) + b * f;
  }

  /** A table of {@link #success} over cosines in [0, 1], interpolated in log space. */
  public static final class Table {
    private static final int POINTS = 1001;
    private final double[] logP = new double[POINTS];

    /** Precomputes the table for {@code alpha} and {@code dim}. */
    public Table(int alpha, int dim) {
      double[] g = centredMinTail(alpha);
      for (int i = 0; i < POINTS; i++) {
        logP[i] = Math.log(Math.max(1e-300, success(i / (POINTS - 1.0), alpha, dim, g)));
      }
    }

    /** Returns the interpolated success probability at cosine {@code x}. */
    public double at(double x) {
      if (x <= 0) {
        return 0;
      }
      if (x >= 1) {
        return 1;
      }
      double pos = x * (POINTS - 1);
      int i = (int) pos;
      double f = pos - i;
      double v = i + 1 < POINTS ? logP[i] * (1 - f) + logP[i + 1] * f : logP[i];
      return Math.exp(v);
    }
  }

  /** Complementary error function (Numerical Recipes erfcc; fractional error below 1.2e-7). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851505
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
