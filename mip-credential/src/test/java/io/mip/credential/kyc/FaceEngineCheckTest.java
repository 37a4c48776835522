package io.mip.credential.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.credential.kyc.FaceCheck.FaceVerdict;
import io.mip.credential.mrz.MrzSamples;
import io.mip.credential.testing.TestKycIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.face.FaceEngine;
import io.mip.face.TestModels;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real face pipeline on photos from ../shared/faces (never copied into the repository). */
class FaceEngineCheckTest {
  static FaceEngine engine;
  static FaceEngineCheck check;

  @BeforeAll
  static void open() {
    TestModels.faces();
    engine = TestModels.engine();
    check = new FaceEngineCheck(engine);
  }

  @Test
  void check_selfieOfAnotherPerson_isFaceMismatch() throws IOException {
    FaceVerdict v =
        check.check(TestModels.photo("deepface/img1.jpg"), TestModels.photo("deepface/img8.jpg"));

    assertThat(v.outcome()).as(v.detail()).isEqualTo(FaceVerdict.Outcome.FACE_MISMATCH);
    assertThat(v.similarity()).isLessThan(engine.matcher().threshold());
  }

  @Test
  void check_twoPhotosOfTheSamePerson_isNotAMismatch() throws IOException {
    FaceVerdict v =
        check.check(TestModels.photo("deepface/img1.jpg"), TestModels.photo("deepface/img2.jpg"));

    assertThat(v.outcome()).as(v.detail()).isEqualTo(FaceVerdict.Outcome.MATCH);
    assertThat(v.similarity()).isGreaterThanOrEqualTo(engine.matcher().threshold());
  }

  @Test
  void kycIssue_selfieOfAnotherPersonThanTheDocument_isRefusedFaceMismatch(@TempDir Path dir)
      throws IOException {
    try (Testbed bed = Testbed.open(dir.resolve("ledger"))) {
      TestKycIssuer desk =
          TestKycIssuer.create(bed, "kyc-1", dir.resolve("alloc"), "http://127.0.0.1:8080");
      desk.checkFacesWith(check);
      Testbed.Party holder = bed.createDid();
      String mrz =
          MrzSamples.td3("UTO", "L898902C3", "UTO", "750604", 'F', "391231", "JOLIE", "ANGELINA");

      KycResult refused = issue(desk, holder, mrz, "deepface/img8.jpg", "deepface/img1.jpg");
      assertThat(refused.failure()).contains(KycResult.Reason.FACE_MISMATCH);

      KycResult issued = issue(desk, holder, mrz, "deepface/img2.jpg", "deepface/img1.jpg");
      assertThat(issued.detail()).isEqualTo("ok");
    }
  }

  private static KycResult issue(
      TestKycIssuer desk, Testbed.Party holder, String mrz, String document, String selfie) {
    return desk.kyc()
        .issue(
            desk.request(
                holder.kid(),
                holder.key().signer(),
                mrz,
                TestModels.photo(document),
                TestModels.photo(selfie)));
  }

  @Test
  void check_notAnImage_isBadImage() throws IOException {
    FaceVerdict v = check.check(new byte[] {1, 2, 3, 4}, TestModels.photo("deepface/img2.jpg"));

    assertThat(v.outcome()).isEqualTo(FaceVerdict.Outcome.BAD_IMAGE);
  }
}
