package io.mip.cli.profile;

import io.mip.cli.bench.BenchDir;
import io.mip.profile.bench.BenchResult;
import io.mip.profile.bench.ProfileBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mip bench profile}: deposits per second and granted-read latency, embedded store. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark the Smart Profile on the embedded store: deposits/s and granted-read latency.")
public final class BenchProfileCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin BenchDir dir;

  @Option(names = "--deposits", defaultValue = "10000", description = "Records to deposit.")
  int deposits;

  @Option(
      names = "--threads",
      defaultValue = "64",
      description = "Concurrent depositors (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--reads", defaultValue = "2000", description = "Granted reads to time.")
  int reads;

  @Option(names = "--record-bytes", defaultValue = "1024", description = "Record size.")
  int recordBytes;

  @Override
  public void run() {
    dir.run(
        "mip-bench-profile",
        d -> {
          BenchResult r = ProfileBench.run(d, deposits, threads, reads, recordBytes);
          spec.commandLine().getOut().println(r.toText().stripTrailing());
          spec.commandLine().getOut().flush();
        });
  }
}
