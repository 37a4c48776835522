package io.mip.cli.profile;

import io.mip.profile.bench.BenchResult;
import io.mip.profile.bench.ProfileBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
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

  @Option(names = "--data", paramLabel = "DIR", description = "Work in DIR (default: a temp dir).")
  Path data;

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
    try {
      Path dir = data != null ? data : Files.createTempDirectory("mip-bench-profile");
      try {
        BenchResult r = ProfileBench.run(dir, deposits, threads, reads, recordBytes);
        spec.commandLine().getOut().println(r.toText().stripTrailing());
        spec.commandLine().getOut().flush();
      } finally {
        if (data == null) {
          delete(dir);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
