package io.mip.profile.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * What {@link ProfileBench} measured.
 *
 * @param deposits records deposited
 * @param threads concurrent depositors
 * @param recordBytes approximate plaintext size per record
 * @param depositsPerSecond deposits divided by wall time
 * @param depositP50Ms median deposit latency under that load
 * @param depositP99Ms 99th percentile deposit latency
 * @param depositCpuMs process CPU time (all threads, both sides) per deposit during the deposits
 * @param reads granted reads timed
 * @param readP50Ms median granted-read latency (sequential)
 * @param readP99Ms 99th percentile granted-read latency
 */
public record BenchResult(
    int deposits,
    int threads,
    int recordBytes,
    double depositsPerSecond,
    double depositP50Ms,
    double depositP99Ms,
    double depositCpuMs,
    int reads,
    double readP50Ms,
    double readP99Ms) {
  static BenchResult of(
      int deposits, int threads, int recordBytes, DepositRun run, long[] readNanos) {
    return new BenchResult(
        deposits,
        threads,
        recordBytes,
        deposits / (run.wallNanos() / 1e9),
        percentile(run.latencies(), 50),
        percentile(run.latencies(), 99),
        run.cpuNanos() / 1e6 / deposits,
        readNanos.length,
        percentile(readNanos, 50),
        percentile(readNanos, 99));
  }

  private static double percentile(long[] nanos, int p) {
    if (nanos.length == 0) {
      return 0;
    }
    long[] s = nanos.clone();
    Arrays.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
  }

  /** Returns a short human-readable report. */
  public String toText() {
    return String.format(
        Locale.ROOT,
        "profile bench (embedded store, durable commits)%n"
            + "  deposits: %d records of ~%d bytes, %d threads: %.0f deposits/s"
            + " (latency p50 %.2f ms, p99 %.2f ms; CPU %.2f ms per deposit)%n"
            + "  granted reads: %d sequential: p50 %.2f ms, p99 %.2f ms%n",
        deposits,
        recordBytes,
        threads,
        depositsPerSecond,
        depositP50Ms,
        depositP99Ms,
        depositCpuMs,
        reads,
        readP50Ms,
        readP99Ms);
  }
}
