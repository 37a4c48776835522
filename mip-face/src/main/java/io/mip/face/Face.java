package io.mip.face;

import java.util.List;
import java.util.Objects;

/**
 * One detected, aligned and embedded face.
 *
 * @param box the square face box in image pixels
 * @param landmarks five points: left eye, right eye, nose tip, left and right mouth corner (the
 *     order of the ArcFace template)
 * @param template the unit-length embedding; biometric data, never log or transmit it
 */
public record Face(FaceBox box, List<Point> landmarks, FaceTemplate template)
    implements FaceResult {
  /** Validates the fields and copies the landmark list. */
  public Face {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(template, "template");
    landmarks = List.copyOf(landmarks);
    if (landmarks.size() != 5) {
      throw new IllegalArgumentException("a face has 5 landmarks");
    }
  }
}
