package io.mip.face;

/**
 * A face's square box in image pixels (may extend past the image border) and detector score.
 *
 * @param x left edge
 * @param y top edge
 * @param side side length, positive
 * @param score detector confidence in [0, 1]
 */
public record FaceBox(double x, double y, double side, double score) {
  /** Validates the fields. */
  public FaceBox {
    if (!(side > 0) || !Double.isFinite(x) || !Double.isFinite(y) || !(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("invalid face box");
    }
  }
}
