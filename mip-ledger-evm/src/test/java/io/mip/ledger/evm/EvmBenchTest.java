package io.mip.ledger.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.ledger.Ledger;
import io.mip.ledger.bench.BenchResult;
import io.mip.ledger.bench.LedgerBench;
import io.mip.ledger.embedded.EmbeddedLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the ledger benchmark through the EVM backend on anvil, and the embedded backend beside it on
 * the same machine. Small by default; {@code -Dmip.bench.evm.ops=N -Dmip.bench.evm.threads=T}
 * scales it for the figures in docs/consortium.md.
 */
@Tag("slow")
class EvmBenchTest {
  @TempDir Path tmp;

  @Test
  void run_onAnvil_everyOperationAdmitted() {
    int ops = Integer.getInteger("mip.bench.evm.ops", 1_000);
    int threads = Integer.getInteger("mip.bench.evm.threads", 32);
    try (AnvilNode anvil = AnvilNode.start(tmp.resolve("anvil"))) {
      BenchResult evm =
          EvmBench.run(anvil.rpc(), anvil.keyFile(0), ops, threads, Duration.ofMillis(10));
      System.out.println("evm (anvil): " + evm.toText());
      assertThat(evm.admitted()).isEqualTo(ops);
    }
    try (Ledger embedded = EmbeddedLedger.open(tmp.resolve("embedded"), List.of())) {
      BenchResult e = LedgerBench.run(embedded, ops, threads);
      System.out.println("embedded:    " + e.toText());
      assertThat(e.admitted()).isEqualTo(ops);
    }
  }
}
