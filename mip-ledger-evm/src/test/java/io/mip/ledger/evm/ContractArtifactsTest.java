package io.mip.ledger.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The checked-in ABI and bytecode are what solc-js 0.8.37 makes of MipLedger.sol today: runs {@code
 * scripts/compile-contract.sh}, which fails when they drifted. Needs node and npm.
 */
@Tag("slow")
class ContractArtifactsTest {
  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void compileScript_currentSource_matchesCheckedInArtifacts()
      throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        onPath("node") && onPath("npm"), "node and npm are needed to run solc-js; not found");
    String root = System.getProperty("mip.repo.root");
    Assumptions.assumeTrue(root != null, "mip.repo.root not set (run through Maven)");
    Path script = Path.of(root, "mip-ledger-evm", "scripts", "compile-contract.sh");
    Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String out;
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("compile script finished within 180 s").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("match the source");
  }
}
