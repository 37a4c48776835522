package io.mip.face.internal;

/**
 * Tunable constants of the face pipeline. {@link #DEFAULT} holds the values measured on
 * ../shared/faces (docs/face.md).
 *
 * @param scoreThreshold detector score to keep a box
 * @param nmsIou intersection over union above which a weaker box is suppressed
 * @param multipleFaceRatio a second face whose height is at least this fraction of the tallest
 *     face's height competes with it
 * @param minFaceSide smallest face height, in source pixels, that is embedded
 * @param padFraction border added on each side, as a fraction of the image, when nothing is found
 * @param mirrorAveraging embed the aligned face and its mirror image and average (measured: no
 *     gain, so off by default)
 * @param livenessScale liveness crop side relative to the face box
 * @param livenessThreshold "real" probability at or above which liveness says REAL
 * @param intraOpThreads ONNX Runtime intra-op threads
 */
public record PipelineConfig(
    double scoreThreshold,
    double nmsIou,
    double multipleFaceRatio,
    int minFaceSide,
    double padFraction,
    boolean mirrorAveraging,
    double livenessScale,
    double livenessThreshold,
    int intraOpThreads) {

  /** The measured defaults. */
  public static final PipelineConfig DEFAULT =
      new PipelineConfig(0.65, 0.4, 0.5, 32, 0.25, false, 2.7, 0.5, 2);

  /** Returns a copy with mirror averaging switched. */
  public PipelineConfig withMirrorAveraging(boolean on) {
    return new PipelineConfig(
        scoreThreshold,
        nmsIou,
        multipleFaceRatio,
        minFaceSide,
        padFraction,
        on,
        livenessScale,
        livenessThreshold,
        intraOpThreads);
  }
}
