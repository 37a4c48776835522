package io.mip.face.internal;

import io.mip.face.internal.FaceDetector.Detection;

/**
 * The liveness classifier: the clipped square face box scaled 2.7x about its centre (less when the
 * image is too small, then shifted to stay inside), resized to the model input, raw 0..255 RGB
 * NCHW, softmax over three logits.
 */
final class LivenessModel {
  /**
   * Index of the "real" class. Checked on the real photos of ../shared/faces: class 0 has the
   * highest probability for 106 of 117 photos (class 1 for 10, class 2 for none).
   */
  static final int REAL_INDEX = 0;

  private final OnnxModel model;
  private final int size;
  private final double scale;

  LivenessModel(OnnxModel model, int size, double scale) {
    this.model = model;
    this.size = size;
    this.scale = scale;
  }

  /** Returns the softmax probability of the "real" class for the face {@code d}. */
  double realScore(RgbImage img, Detection d) {
    double[] r = Landmarker.clippedSquare(img, d);
    int w = img.width();
    int h = img.height();
    double k = Math.min((h - 1) / r[3], Math.min((w - 1) / r[2], scale));
    double nw = r[2] * k;
    double nh = r[3] * k;
    double cx = r[0] + r[2] / 2;
    double cy = r[1] + r[3] / 2;
    double x1 = Math.max(0, Math.min(w - 1 - nw, cx - nw / 2));
    double y1 = Math.max(0, Math.min(h - 1 - nh, cy - nh / 2));
    float[] crop =
        Sampler.warp(img, Affine.cropResize(x1, y1, nw, nh, size, size), size, size, true);
    float[] logits = model.run(Sampler.toChw(crop, size, size, 0f, 1f), model.firstOutput())[0];
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : logits) {
      sum += Math.exp(v - max);
    }
    return Math.max(0, Math.min(1, Math.exp(logits[REAL_INDEX] - max) / sum));
  }
}
