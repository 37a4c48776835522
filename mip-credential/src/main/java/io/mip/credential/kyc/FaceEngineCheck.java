package io.mip.credential.kyc;

import io.mip.face.Face;
import io.mip.face.FaceEngine;
import io.mip.face.FaceError;
import io.mip.face.FaceMatcher;
import io.mip.face.FaceResult;
import io.mip.face.Liveness;
import io.mip.face.LivenessResult;
import java.util.Objects;

/**
 * {@link FaceCheck} on the MIP face pipeline: liveness must say REAL on the selfie, each image must
 * hold exactly one usable face, and the cosine similarity of the two embeddings must reach the
 * matcher's threshold ({@link FaceMatcher#DEFAULT_THRESHOLD}, the equal-error point measured on the
 * project's face set, see docs/face.md). Nothing is kept: the templates live only inside this call.
 */
public final class FaceEngineCheck implements FaceCheck {
  private final FaceEngine engine;
  private final FaceMatcher matcher;

  /** Uses {@code engine} with its default matcher. */
  public FaceEngineCheck(FaceEngine engine) {
    this(engine, engine.matcher());
  }

  /** Uses {@code engine} with an explicit matcher (threshold). */
  public FaceEngineCheck(FaceEngine engine, FaceMatcher matcher) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.matcher = Objects.requireNonNull(matcher, "matcher");
  }

  @Override
  public FaceVerdict check(byte[] selfie, byte[] documentPhoto) {
    LivenessResult live = engine.liveness(selfie);
    if (live instanceof FaceError e) {
      return error("selfie", e);
    }
    if (((Liveness) live).decision() != Liveness.Decision.REAL) {
      return new FaceVerdict(
          FaceVerdict.Outcome.LIVENESS_FAILED, Double.NaN, "selfie did not pass liveness");
    }
    FaceResult a = engine.analyse(selfie);
    if (a instanceof FaceError e) {
      return error("selfie", e);
    }
    FaceResult b = engine.analyse(documentPhoto);
    if (b instanceof FaceError e) {
      return error("document photo", e);
    }
    FaceMatcher.Result m = matcher.compare(((Face) a).template(), ((Face) b).template());
    if (m.decision() != FaceMatcher.Decision.MATCH) {
      return new FaceVerdict(
          FaceVerdict.Outcome.FACE_MISMATCH,
          m.similarity(),
          "selfie does not match the document photo");
    }
    return new FaceVerdict(FaceVerdict.Outcome.MATCH, m.similarity(), "match");
  }

  private static FaceVerdict error(String which, FaceError e) {
    FaceVerdict.Outcome o =
        switch (e.reason()) {
          case NO_FACE, MULTIPLE_FACES, FACE_TOO_SMALL -> FaceVerdict.Outcome.NO_FACE;
          default -> FaceVerdict.Outcome.BAD_IMAGE;
        };
    return new FaceVerdict(o, Double.NaN, which + ": " + e.reason());
  }
}
