package io.mip.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.ledger.embedded.EmbeddedLedger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerBenchTest {
  @TempDir Path dir;

  @Test
  void run_smallLoad_admitsEveryOperationAndReportsRates() {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      BenchResult r = LedgerBench.run(ledger, 300, 8);
      assertThat(r.admitted()).isEqualTo(300);
      assertThat(ledger.size()).isEqualTo(300);
      assertThat(r.opsPerSecond()).isPositive();
      assertThat(r.p99()).isGreaterThanOrEqualTo(r.p50());
      assertThat(r.toText()).contains("300 signed ops", "ops/s", "p99");
    }
  }

  @Test
  void run_badArguments_refused() {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      assertThatThrownBy(() -> LedgerBench.run(ledger, 0, 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> LedgerBench.run(ledger, 10, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
