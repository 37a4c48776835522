package io.mip.ledger.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Measures a ledger's admission throughput: pre-signs DID-creation-like operations (outside the
 * timing), submits them from concurrent threads, and reports admitted operations per second and
 * submit latency percentiles. Works on any {@link Ledger} backend.
 */
public final class LedgerBench {
  private static final int MAX_OPERATIONS = 10_000_000;
  private static final int MAX_THREADS = 1024;

  private LedgerBench() {}

  /**
   * Runs the benchmark: {@code operations} new-stream operations split across {@code threads}
   * submitters, each calling {@link Ledger#submit} one operation at a time.
   *
   * @throws IllegalArgumentException if {@code operations} or {@code threads} is out of range
   * @throws LedgerException if a submitter fails
   */
  public static BenchResult run(Ledger ledger, int operations, int threads) {
    if (operations < 1 || operations > MAX_OPERATIONS || threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("operations must be 1..10^7 and threads 1..1024");
    }
    List<Operation> ops = presign(operations, threads);
    long[] latencies = new long[operations];
    AtomicLong admitted = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>(threads);
    List<RuntimeException> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      Thread w =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = first; i < operations; i += threads) {
                    long t0 = System.nanoTime();
                    Admission a = ledger.submit(ops.get(i));
                    latencies[i] = System.nanoTime() - t0;
                    if (a.status() == Admission.Status.ACCEPTED) {
                      admitted.incrementAndGet();
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "ledger-bench-" + t);
      workers.add(w);
      w.start();
    }
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LedgerException("benchmark interrupted", e);
      }
    }
    long elapsed = System.nanoTime() - t0;
    long cpu = processCpuNanos() - cpu0;
    if (!failures.isEmpty()) {
      throw new LedgerException("benchmark submitter failed", failures.get(0));
    }
    Arrays.sort(latencies);
    return new BenchResult(
        operations,
        threads,
        admitted.get(),
        Duration.ofNanos(elapsed),
        admitted.get() / (elapsed / 1e9),
        Duration.ofNanos(percentile(latencies, 0.50)),
        Duration.ofNanos(percentile(latencies, 0.99)),
        Duration.ofNanos(cpu / Math.max(1, admitted.get())));
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static long percentile(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Signs one DID-creation-like operation per index, each on its own stream, in parallel. */
  private static List<Operation> presign(int operations, int threads) {
    Ed25519PrivateKey[] keys = new Ed25519PrivateKey[Math.min(threads, 64)];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Ed25519PrivateKey.generate();
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    Operation[] ops = new Operation[operations];
    IntStream.range(0, operations)
        .parallel()
        .forEach(
            i -> {
              Ed25519PrivateKey key = keys[i % keys.length];
              ObjectNode payload = JsonNodeFactory.instance.objectNode();
              payload.put("verificationMethod", key.publicKey().toMultibase());
              payload.put("service", "https://example.org/bench/" + i);
              ops[i] =
                  Operation.sign(
                      "did.create", "did:mip:bench-" + run + "-" + i, null, payload, key);
            });
    return Arrays.asList(ops);
  }
}
