package io.mip.node.kyc;

import io.mip.credential.kyc.FaceCheck;
import io.mip.credential.kyc.FaceEngineCheck;
import io.mip.face.FaceEngine;
import io.mip.face.ModelPack;

/** The face check a node's KYC issuer uses: the MIP face pipeline, opened on first use. */
final class FaceChecks {
  private FaceChecks() {}

  /** Returns a check that opens the default model pack's engine on its first call. */
  static FaceCheck defaultCheck() {
    return new FaceCheck() {
      private FaceEngineCheck check;

      @Override
      public synchronized FaceVerdict check(byte[] selfie, byte[] documentPhoto) {
        if (check == null) {
          check = new FaceEngineCheck(FaceEngine.open(ModelPack.defaultPack()));
        }
        return check.check(selfie, documentPhoto);
      }
    };
  }
}
