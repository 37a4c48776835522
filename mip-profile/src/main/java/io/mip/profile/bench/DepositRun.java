package io.mip.profile.bench;

import io.mip.profile.RecordId;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Concurrent deposits: wall time, process CPU time, per-deposit latencies, the stored ids. */
record DepositRun(long wallNanos, long cpuNanos, long[] latencies, List<RecordId> ids) {
  static DepositRun run(NodeSide node, ProfileBench.Party app, List<byte[]> bodies, int threads)
      throws InterruptedException {
    long[] lat = new long[bodies.size()];
    List<RecordId> ids = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
              long t0 = System.nanoTime();
              ids.add(node.deposit(app, bodies.get(i)));
              lat[i] = System.nanoTime() - t0;
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
      throw new IllegalStateException("deposits did not finish");
    }
    long wall = System.nanoTime() - start;
    long cpu = processCpuNanos() - cpuStart;
    if (ids.size() != bodies.size()) {
      throw new IllegalStateException("only " + ids.size() + " of " + bodies.size() + " stored");
    }
    return new DepositRun(wall, cpu, lat, new ArrayList<>(ids));
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
