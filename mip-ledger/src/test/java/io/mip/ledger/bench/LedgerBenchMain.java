package io.mip.ledger.bench;

import io.mip.ledger.embedded.EmbeddedLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the benchmark on a fresh embedded ledger: {@code LedgerBenchMain [ops] [threads]}. */
public final class LedgerBenchMain {
  private LedgerBenchMain() {}

  /** Entry point. */
  public static void main(String[] args) throws java.io.IOException {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    Path dir = Files.createTempDirectory("ledger-bench");
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      // Warm-up: let the JIT compile the hot paths before measuring.
      LedgerBench.run(ledger, Math.min(ops, 10_000), threads);
      System.out.println("warm-up done");
      System.out.println(LedgerBench.run(ledger, ops, threads).toText());
    }
  }
}
