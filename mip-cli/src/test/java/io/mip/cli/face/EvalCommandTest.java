package io.mip.cli.face;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mip.cli.Cli;
import io.mip.face.TestModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mip face eval} wired to FaceEval on a few real photos. */
class EvalCommandTest {
  @TempDir Path tmp;

  @Test
  void eval_limitAndJson_printsOneObjectWithTheRequiredKeys() throws Exception {
    Cli.Result r =
        Cli.run(
            "face",
            "eval",
            "--faces",
            TestModels.faces().toString(),
            "--limit",
            "12",
            "--json",
            "--no-liveness");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertThat(o.path("images").asInt()).isEqualTo(12);
    for (String k :
        new String[] {
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
          "median_ms"
        }) {
      assertThat(o.has(k)).as(k).isTrue();
    }
  }

  @Test
  void eval_folderWithoutCsv_usageError() {
    Cli.Result r = Cli.run("face", "eval", "--faces", tmp.toString());

    assertThat(r.exitCode()).isEqualTo(2);
  }
}
