package io.mip.face;

import java.util.Objects;

/**
 * A liveness decision for one face. The model is weak (see docs/face.md for measured BPCER and
 * APCER); treat {@link Decision#REAL} as one signal among several, never as proof of presence.
 *
 * @param decision {@link Decision#REAL} when {@code realScore >= threshold}
 * @param realScore softmax probability of the model's "real" class (index 1), in [0, 1]
 * @param threshold the threshold the decision used
 * @param box the face the decision is about
 */
public record Liveness(Decision decision, double realScore, double threshold, FaceBox box)
    implements LivenessResult {
  /** A liveness decision. */
  public enum Decision {
    /** The model believes a live face is in front of the camera. */
    REAL,
    /** The model believes the face is a print, a screen or a mask. */
    SPOOF
  }

  /** Validates the fields. */
  public Liveness {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(box, "box");
    if (!(realScore >= 0 && realScore <= 1) || !(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("scores must be in [0, 1]");
    }
  }
}
