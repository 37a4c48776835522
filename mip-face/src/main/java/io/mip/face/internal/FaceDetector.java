package io.mip.face.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The face detector: the whole image resized to the model's input, {@code (v - 127) / 128} RGB
 * NCHW; outputs {@code scores} [1,N,2] (column 1 is "face") and {@code boxes} [1,N,4] (x1, y1, x2,
 * y2 as fractions of the image, already decoded). Keeps scores at or above the threshold, then
 * greedy non-maximum suppression by intersection over union.
 */
public final class FaceDetector {
  /**
   * A detection in source pixels.
   *
   * @param x1 left
   * @param y1 top
   * @param x2 right
   * @param y2 bottom
   * @param score face probability
   */
  public record Detection(double x1, double y1, double x2, double y2, double score) {
    /** Returns the width. */
    public double width() {
      return x2 - x1;
    }

    /** Returns the height. */
    public double height() {
      return y2 - y1;
    }

    /** Returns the detection moved by (dx, dy). */
    public Detection shifted(double dx, double dy) {
      return new Detection(x1 + dx, y1 + dy, x2 + dx, y2 + dy, score);
    }
  }

  private final OnnxModel model;
  private final int width;
  private final int height;
  private final double threshold;
  private final double nmsIou;

  /** Wraps a loaded detector. */
  public FaceDetector(OnnxModel model, int width, int height, double threshold, double nmsIou) {
    this.model = model;
    this.width = width;
    this.height = height;
    this.threshold = threshold;
    this.nmsIou = nmsIou;
  }

  /** Detects faces; returns them by decreasing score, in the image's pixels. */
  public List<Detection> detect(RgbImage img) {
    Affine map = Affine.cropResize(0, 0, img.width(), img.height(), width, height);
    float[] rgb = Sampler.warp(img, map, width, height, true);
    float[][] out = model.run(Sampler.toChw(rgb, width, height, 127f, 128f), "scores", "boxes");
    float[] scores = out[0];
    float[] boxes = out[1];
    int n = scores.length / 2;
    List<Detection> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float s = scores[2 * i + 1];
      if (s >= threshold) {
        double x1 = boxes[4 * i] * (double) img.width();
        double y1 = boxes[4 * i + 1] * (double) img.height();
        double x2 = boxes[4 * i + 2] * (double) img.width();
        double y2 = boxes[4 * i + 3] * (double) img.height();
        if (x2 > x1 && y2 > y1) {
          candidates.add(new Detection(x1, y1, x2, y2, Math.min(1.0, s)));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> kept = new ArrayList<>();
    for (Detection c : candidates) {
      boolean suppressed = false;
      for (Detection k : kept) {
        if (iou(c, k) > nmsIou) {
          suppressed = true;
          break;
        }
      }
      if (!suppressed) {
        kept.add(c);
      }
    }
    return kept;
  }

  /** Returns the area two detections share. */
  public static double intersection(Detection a, Detection b) {
    double w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
    double h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
    return w <= 0 || h <= 0 ? 0 : w * h;
  }

  static double iou(Detection a, Detection b) {
    double inter = intersection(a, b);
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
  }
}
