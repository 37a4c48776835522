package io.mip.node.kyc;

import io.mip.credential.kyc.FaceCheck;
import io.mip.credential.kyc.FaceCheck.FaceVerdict;

/** The face check a node's KYC issuer uses. */
final class FaceChecks {
  private FaceChecks() {}

  /** The default face check (the MIP face pipeline once available in this build). */
  static FaceCheck defaultCheck() {
    return (selfie, doc) ->
        new FaceVerdict(
            FaceVerdict.Outcome.BAD_IMAGE, Double.NaN, "face pipeline not available on this node");
  }
}
