package io.mip.ledger.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one {@link LedgerBench} run.
 *
 * @param operations operations submitted
 * @param threads concurrent submitters
 * @param admitted operations the ledger accepted (the rest were refused or failed)
 * @param elapsed wall time from the first submission to the last admission
 * @param opsPerSecond admitted operations per second of {@code elapsed}
 * @param p50 median time one {@code submit} call took (queueing, checks, durable commit)
 * @param p99 99th percentile of the same
 * @param cpuPerOperation process CPU time (all threads: signature checks, writer, GC) spent per
 *     admitted operation during the run; with the core count it bounds throughput on an idle
 *     machine, whatever else shared the CPU while measuring
 */
public record BenchResult(
    int operations,
    int threads,
    long admitted,
    Duration elapsed,
    double opsPerSecond,
    Duration p50,
    Duration p99,
    Duration cpuPerOperation) {
  /** Validates the fields. */
  public BenchResult {
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p99, "p99");
    Objects.requireNonNull(cpuPerOperation, "cpuPerOperation");
    if (operations < 0 || threads < 1 || admitted < 0 || admitted > operations) {
      throw new IllegalArgumentException("inconsistent benchmark counts");
    }
  }

  /** Returns a one-line summary such as the CLI prints. */
  public String toText() {
    return String.format(
        Locale.ROOT,
        "%d signed ops (%d admitted), %d threads: %.0f ops/s in %.2f s; submit latency p50 %.2f ms,"
            + " p99 %.2f ms; CPU %.0f us/op",
        operations,
        admitted,
        threads,
        opsPerSecond,
        elapsed.toNanos() / 1e9,
        p50.toNanos() / 1e6,
        p99.toNanos() / 1e6,
        cpuPerOperation.toNanos() / 1e3);
  }
}
