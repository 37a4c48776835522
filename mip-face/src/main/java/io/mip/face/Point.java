package io.mip.face;

/**
 * A point in image pixels.
 *
 * @param x horizontal coordinate, growing to the right
 * @param y vertical coordinate, growing downwards
 */
public record Point(double x, double y) {
  /** Validates both coordinates are finite. */
  public Point {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("point must be finite");
    }
  }
}
