package io.mip.wallet.passport;

import io.mip.face.Face;
import io.mip.face.FaceTemplate;
import io.mip.face.TestModels;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.wallet.passport.PassportFailure.Reason;
import io.mip.wallet.passport.internal.PassportKeys;
import java.nio.file.Path;
import java.util.List;

/**
 * The reason an unlock with another person's face must give: FACE_MISMATCH, except in the 1 case in
 * 256 where the wrong face key's 8-bit check value happens to equal the stored one, which the
 * design reports as WRONG_PIN. Computing which case applies keeps those tests exact, not flaky.
 */
final class FaceChecks {
  private FaceChecks() {}

  static Reason expectedForAnotherFace(Path wallet, List<byte[]> images) {
    Passport p = PassportFile.read(wallet);
    List<FaceTemplate> t =
        images.stream().map(i -> ((Face) TestModels.engine().analyse(i)).template()).toList();
    int check = PassportKeys.faceCheck(new FaceKeyBinding().unlock(p.faceHelper(), t));
    return check == p.faceCheck() ? Reason.WRONG_PIN : Reason.FACE_MISMATCH;
  }
}
