package io.mip.profile.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileBenchTest {
  @TempDir Path dir;

  @Test
  void run_small_reportsPositiveFigures() throws Exception {
    BenchResult r = ProfileBench.run(dir, 200, 4, 100, 512);
    assertThat(r.depositsPerSecond()).isPositive();
    assertThat(r.readP99Ms()).isGreaterThanOrEqualTo(r.readP50Ms()).isPositive();
    assertThat(r.toText()).contains("deposits/s").contains("granted reads");
    System.out.print(r.toText());
  }
}
