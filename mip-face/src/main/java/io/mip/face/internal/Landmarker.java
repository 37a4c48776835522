package io.mip.face.internal;

import io.mip.face.Point;
import io.mip.face.internal.FaceDetector.Detection;
import java.util.List;

/**
 * 68-point landmarks on a grey square crop, reduced to the five ArcFace points. The crop is the
 * detection made square (side = detection height, same centre) and clipped to the image, as the
 * reference JavaScript of the model pack does; grey is ITU-R BT.601 luma, divided by 256; the
 * model's outputs are fractions of the crop.
 */
final class Landmarker {
  private final OnnxModel model;
  private final int size;

  Landmarker(OnnxModel model, int size) {
    this.model = model;
    this.size = size;
  }

  /**
   * Returns left eye (mean of points 37, 38, 40, 41), right eye (43, 44, 46, 47), nose tip (30),
   * left mouth corner (48, 60) and right mouth corner (54, 64), 0-based, in image pixels.
   */
  List<Point> fivePoints(RgbImage img, Detection d) {
    double[] r = clippedSquare(img, d);
    float[] crop =
        Sampler.warp(img, Affine.cropResize(r[0], r[1], r[2], r[3], size, size), size, size, true);
    float[] pts = model.run(Sampler.toGrey(crop, size, size, 256f), model.firstOutput())[0];
    if (pts.length != 136) {
      throw new IllegalStateException("landmark model must give 68 points");
    }
    double[] xs = new double[68];
    double[] ys = new double[68];
    for (int i = 0; i < 68; i++) {
      xs[i] = pts[2 * i] * r[2] + r[0];
      ys[i] = pts[2 * i + 1] * r[3] + r[1];
    }
    return List.of(
        mean(xs, ys, 37, 38, 40, 41),
        mean(xs, ys, 43, 44, 46, 47),
        new Point(xs[30], ys[30]),
        mean(xs, ys, 48, 60),
        mean(xs, ys, 54, 64));
  }

  /** Square box of side = detection height about its centre, clipped to the image: x, y, w, h. */
  static double[] clippedSquare(RgbImage img, Detection d) {
    double side = d.height();
    double cx = (d.x1() + d.x2()) / 2;
    double cy = (d.y1() + d.y2()) / 2;
    double x1 = Math.max(0, cx - side / 2);
    double y1 = Math.max(0, cy - side / 2);
    double x2 = Math.min(img.width() - 1, cx + side / 2);
    double y2 = Math.min(img.height() - 1, cy + side / 2);
    return new double[] {x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1)};
  }

  private static Point mean(double[] xs, double[] ys, int... idx) {
    double x = 0;
    double y = 0;
    for (int i : idx) {
      x += xs[i];
      y += ys[i];
    }
    return new Point(x / idx.length, y / idx.length);
  }
}
