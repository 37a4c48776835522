package io.mip.face.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mip.face.TestModels;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FaceEvalTest {
  @Test
  @Tag("slow")
  void run_sharedFaces_meetsTheIssueTargets() throws Exception {
    Path faces = TestModels.faces();
    AtomicInteger last = new AtomicInteger();

    EvalReport r =
        new FaceEval(TestModels.pack())
            .run(faces, EvalOptions.defaults(), (done, total) -> last.set(done));

    System.out.println(r.summary());
    System.out.println(r.toJson());
    assertThat(r.images()).isEqualTo(117);
    assertThat(r.detectionFailures()).isZero();
    assertThat(r.eer()).isLessThanOrEqualTo(0.005);
    assertThat(r.genuineRecoveryPair()).isGreaterThanOrEqualTo(0.99);
    assertThat(r.genuineRecoverySingle()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.falseRecoveries()).isZero();
    assertThat(r.falseRecoveryAttempts()).isGreaterThan(10_000);
    assertThat(last.get()).isPositive();
    JsonNode json = new ObjectMapper().readTree(r.toJson());
    for (String key :
        new String[] {
          "images",
          "identities",
          "detection_failures",
          "eer",
          "tar_at_far_0_001",
          "alpha",
          "codebook_bits",
          "genuine_recovery_single",
          "genuine_recovery_pair",
          "false_recovery_rate",
          "false_recovery_attempts",
          "median_ms",
          "liveness_bpcer",
          "liveness_apcer"
        }) {
      assertThat(json.has(key)).as(key).isTrue();
    }
    assertThat(json.get("median_ms").has("detect")).isTrue();
    assertThat(json.get("liveness_apcer").has("grey_print")).isTrue();
  }

  @Test
  void run_limitTen_evaluatesTenImagesWithoutKeyAttemptsFailing() {
    Path faces = TestModels.faces();

    EvalReport r =
        new FaceEval(TestModels.pack())
            .run(
                faces,
                EvalOptions.defaults()
                    .withLimit(10)
                    .withLiveness(false)
                    .withEnrolments(1, java.time.Duration.ofSeconds(5)),
                ProgressListener.NONE);

    assertThat(r.images()).isEqualTo(10);
    assertThat(r.detectionFailures()).isZero();
    assertThat(r.genuinePairs()).isPositive();
    assertThat(r.enrolments()).isPositive();
    assertThat(r.falseRecoveries()).isZero();
  }
}
