package io.mip.face;

/**
 * Decides whether two templates show the same person by thresholding cosine similarity.
 *
 * <p>The default threshold ({@value #DEFAULT_THRESHOLD}) is the equal-error point of the default
 * model pack measured on ../shared/faces (docs/face.md): cosine 0.368, where 0.12 % of the 6,548
 * impostor pairs pass and 0.12 % (interpolated) of the 238 genuine pairs fail; genuine pairs have a
 * median of 0.72, impostor pairs 0.01. A deployment with other models must measure its own.
 *
 * @param threshold cosine similarity at or above which two templates match, in (-1, 1)
 */
public record FaceMatcher(double threshold) {
  /** The measured threshold for the default pack. */
  public static final double DEFAULT_THRESHOLD = 0.37;

  /** The matcher for the default pack. */
  public static final FaceMatcher DEFAULT = new FaceMatcher(DEFAULT_THRESHOLD);

  /** A match decision. */
  public enum Decision {
    /** Similarity at or above the threshold. */
    MATCH,
    /** Similarity below the threshold. */
    NO_MATCH
  }

  /**
   * The outcome of a comparison.
   *
   * @param decision the decision
   * @param similarity the cosine similarity it was based on
   */
  public record Result(Decision decision, double similarity) {}

  /** Validates the threshold. */
  public FaceMatcher {
    if (!(threshold > -1 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (-1, 1)");
    }
  }

  /** Compares two templates. */
  public Result compare(FaceTemplate a, FaceTemplate b) {
    double s = a.cosine(b);
    return new Result(s >= threshold ? Decision.MATCH : Decision.NO_MATCH, s);
  }
}
