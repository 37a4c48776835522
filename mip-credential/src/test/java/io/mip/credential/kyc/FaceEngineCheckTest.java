package io.mip.credential.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.credential.kyc.FaceCheck.FaceVerdict;
import io.mip.credential.mrz.MrzSamples;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.face.FaceEngine;
import io.mip.face.ModelPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real face pipeline on photos from ../shared/faces (never copied into the repository). */
class FaceEngineCheckTest {
  static FaceEngine engine;
  static FaceEngineCheck check;

  @BeforeAll
  static void open() {
    faces();
    engine = FaceEngine.open(ModelPack.defaultPack());
    check = new FaceEngineCheck(engine);
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  static Path faces() {
    Path dir =
        Path.of(System.getProperty("mip.repo.root", "."))
            .toAbsolutePath()
            .resolve("../shared/faces")
            .normalize();
    Assumptions.assumeTrue(
        Files.isRegularFile(dir.resolve("identities.csv")), "face photos not found at " + dir);
    return dir;
  }

  static byte[] photo(String path) throws IOException {
    return Files.readAllBytes(faces().resolve(path));
  }

  @Test
  void check_selfieOfAnotherPerson_isFaceMismatch() throws IOException {
    FaceVerdict v = check.check(photo("deepface/img1.jpg"), photo("deepface/img8.jpg"));

    assertThat(v.outcome()).as(v.detail()).isEqualTo(FaceVerdict.Outcome.FACE_MISMATCH);
    assertThat(v.similarity()).isLessThan(engine.matcher().threshold());
  }

  @Test
  void check_twoPhotosOfTheSamePerson_isNotAMismatch() throws IOException {
    FaceVerdict v = check.check(photo("deepface/img1.jpg"), photo("deepface/img2.jpg"));

    assertThat(v.outcome()).as(v.detail()).isEqualTo(FaceVerdict.Outcome.MATCH);
    assertThat(v.similarity()).isGreaterThanOrEqualTo(engine.matcher().threshold());
  }

  @Test
  void kycIssue_selfieOfAnotherPersonThanTheDocument_isRefusedFaceMismatch(@TempDir Path dir)
      throws IOException {
    try (Testbed bed = Testbed.open(dir.resolve("ledger"))) {
      Testbed.Party issuer = bed.createDid();
      Testbed.Party holder = bed.createDid();
      KycIssuer kyc =
          new KycIssuer(
              issuer.kid(),
              issuer.key(),
              bed.resolver(),
              check,
              new StatusListIssuer(
                  bed.ledger(),
                  new StatusListId(issuer.did(), "kyc-1"),
                  issuer.key(),
                  1024,
                  2,
                  dir.resolve("alloc")),
              KycIssuer.Settings.defaults("http://127.0.0.1:8080"),
              Clock.systemUTC());
      Challenge c = kyc.challenge();
      String proof = HolderProof.sign(c, holder.kid(), holder.key().signer(), Instant.now());
      String mrz =
          MrzSamples.td3("UTO", "L898902C3", "UTO", "750604", 'F', "391231", "JOLIE", "ANGELINA");

      KycResult refused =
          kyc.issue(
              new KycRequest(proof, mrz, photo("deepface/img8.jpg"), photo("deepface/img1.jpg")));
      assertThat(refused.failure()).contains(KycResult.Reason.FACE_MISMATCH);

      Challenge c2 = kyc.challenge();
      String proof2 = HolderProof.sign(c2, holder.kid(), holder.key().signer(), Instant.now());
      KycResult issued =
          kyc.issue(
              new KycRequest(proof2, mrz, photo("deepface/img2.jpg"), photo("deepface/img1.jpg")));
      assertThat(issued.detail()).isEqualTo("ok");
    }
  }

  @Test
  void check_notAnImage_isBadImage() throws IOException {
    FaceVerdict v = check.check(new byte[] {1, 2, 3, 4}, photo("deepface/img2.jpg"));

    assertThat(v.outcome()).isEqualTo(FaceVerdict.Outcome.BAD_IMAGE);
  }
}
