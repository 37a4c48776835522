package io.mip.face.eval.internal;

import java.util.Arrays;

/** Verification error rates of similarity scores (higher = more alike). */
public final class Metrics {
  private Metrics() {}

  /**
   * The equal error rate and the threshold where it occurs: the false-accept rate FAR(t) = share of
   * impostor scores >= t and false-reject rate FRR(t) = share of genuine scores < t are evaluated
   * at every observed score, and the crossing is interpolated linearly between the two neighbouring
   * thresholds (the ROC convention).
   *
   * @return {eer, threshold}
   */
  public static double[] eer(double[] genuine, double[] impostor) {
    double[] g = genuine.clone();
    double[] im = impostor.clone();
    Arrays.sort(g);
    Arrays.sort(im);
    double[] all = new double[g.length + im.length];
    System.arraycopy(g, 0, all, 0, g.length);
    System.arraycopy(im, 0, all, g.length, im.length);
    Arrays.sort(all);
    double prevFar = 1;
    double prevFrr = 0;
    double prevT = all[0];
    for (double t : all) {
      double far = (double) countAtLeast(im, t) / im.length;
      double frr = (double) (g.length - countAtLeast(g, t)) / g.length;
      if (frr >= far) {
        double d1 = prevFar - prevFrr;
        double d2 = far - frr;
        double s = d1 == d2 ? 0 : d1 / (d1 - d2);
        return new double[] {prevFar + s * (far - prevFar), prevT + s * (t - prevT)};
      }
      prevFar = far;
      prevFrr = frr;
      prevT = t;
    }
    return new double[] {0, all[all.length - 1]};
  }

  /**
   * The true-accept rate at the smallest threshold whose false-accept rate is at most {@code far}.
   *
   * @return {tar, threshold}
   */
  public static double[] tarAtFar(double[] genuine, double[] impostor, double far) {
    double[] im = impostor.clone();
    Arrays.sort(im);
    int allowed = (int) Math.floor(far * im.length);
    // threshold just above the (allowed+1)-th highest impostor score
    double t =
        allowed >= im.length ? Double.NEGATIVE_INFINITY : Math.nextUp(im[im.length - 1 - allowed]);
    double[] g = genuine.clone();
    Arrays.sort(g);
    return new double[] {(double) countAtLeast(g, t) / g.length, t};
  }

  private static int countAtLeast(double[] sorted, double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return sorted.length - lo;
  }
}
