package io.mip.credential.kyc;

/**
 * Compares a live selfie with a document's face photo: liveness on the selfie, then similarity of
 * the two faces against a threshold. {@link FaceEngineCheck} is the implementation on the MIP face
 * pipeline. Implementations must not store, log or write the images anywhere.
 */
@FunctionalInterface
public interface FaceCheck {
  /** Checks {@code selfie} against {@code documentPhoto}. */
  FaceVerdict check(byte[] selfie, byte[] documentPhoto);

  /**
   * The outcome.
   *
   * @param outcome what was decided
   * @param similarity the cosine similarity when both faces were found, else NaN
   * @param detail a human-readable explanation (no biometric values)
   */
  record FaceVerdict(Outcome outcome, double similarity, String detail) {
    /** Possible outcomes. */
    public enum Outcome {
      /** Live selfie matching the document photo. */
      MATCH,
      /** An image could not be decoded or was too large. */
      BAD_IMAGE,
      /** No single usable face in one of the images. */
      NO_FACE,
      /** The selfie did not pass the liveness check. */
      LIVENESS_FAILED,
      /** The faces are of different people (similarity below the threshold). */
      FACE_MISMATCH
    }
  }
}
