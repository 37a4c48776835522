package io.mip.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialBenchTest {
  @TempDir Path dir;

  @Test
  void run_smallRun_verifiesEveryPresentation() throws Exception {
    CredentialBench.Result r =
        CredentialBench.run(dir, Integer.getInteger("mip.bench.credentials", 2_000), 2);

    assertThat(r.failures()).isZero();
    assertThat(r.perSecond()).isPositive();
    System.out.println(r.toText());
  }
}
