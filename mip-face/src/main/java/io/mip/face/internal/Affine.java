package io.mip.face.internal;

import io.mip.face.Point;
import java.util.List;

/**
 * A 2-D affine map {@code (x, y) -> (a x + b y + c, d x + e y + f)}.
 *
 * @param a x from x
 * @param b x from y
 * @param c x offset
 * @param d y from x
 * @param e y from y
 * @param f y offset
 */
public record Affine(double a, double b, double c, double d, double e, double f) {

  /** Applies the map. */
  public double[] apply(double x, double y) {
    return new double[] {a * x + b * y + c, d * x + e * y + f};
  }

  /**
   * Returns the map that crops the box ({@code x0, y0, w, h}) of a source image and resizes it to
   * {@code outW x outH}, as a map from output pixels to source pixels (pixel centres aligned, as
   * OpenCV's resize does).
   */
  public static Affine cropResize(double x0, double y0, double w, double h, int outW, int outH) {
    double sx = w / outW;
    double sy = h / outH;
    return new Affine(sx, 0, x0 + 0.5 * sx - 0.5, 0, sy, y0 + 0.5 * sy - 0.5);
  }

  /**
   * Least-squares similarity transform (rotation, uniform scale, translation; no reflection)
   * mapping {@code src} points onto {@code dst} points, returned inverted: from {@code dst} pixels
   * to {@code src} pixels, ready for warping.
   */
  public static Affine similarityInverse(List<Point> src, double[][] dst) {
    int n = src.size();
    double msx = 0;
    double msy = 0;
    double mdx = 0;
    double mdy = 0;
    for (int i = 0; i < n; i++) {
      msx += src.get(i).x();
      msy += src.get(i).y();
      mdx += dst[i][0];
      mdy += dst[i][1];
    }
    msx /= n;
    msy /= n;
    mdx /= n;
    mdy /= n;
    double num1 = 0;
    double num2 = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      double xs = src.get(i).x() - msx;
      double ys = src.get(i).y() - msy;
      double xd = dst[i][0] - mdx;
      double yd = dst[i][1] - mdy;
      num1 += xs * xd + ys * yd;
      num2 += xs * yd - ys * xd;
      den += xs * xs + ys * ys;
    }
    if (!(den > 0)) {
      throw new IllegalArgumentException("degenerate landmarks");
    }
    double ca = num1 / den;
    double cb = num2 / den;
    // forward: xd = ca xs - cb ys + tx ; yd = cb xs + ca ys + ty
    double tx = mdx - (ca * msx - cb * msy);
    double ty = mdy - (cb * msx + ca * msy);
    double k = ca * ca + cb * cb;
    // inverse: xs = ( ca (xd - tx) + cb (yd - ty)) / k ; ys = (-cb (xd - tx) + ca (yd - ty)) / k
    double ia = ca / k;
    double ib = cb / k;
    double id = -cb / k;
    double ie = ca / k;
    return new Affine(ia, ib, -(ia * tx + ib * ty), id, ie, -(id * tx + ie * ty));
  }
}
