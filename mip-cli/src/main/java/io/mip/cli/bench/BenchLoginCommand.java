package io.mip.cli.bench;

import io.mip.node.oidc.bench.BenchResult;
import io.mip.node.oidc.bench.LoginBench;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mip bench login}: completed "Sign in with MIP" logins per second and the latency of code
 * exchange plus ID token validation, face unlock excluded (docs/oidc.md).
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark Sign in with MIP: logins/s and p95 of code exchange + ID token validation"
            + " (face unlock excluded).")
public final class BenchLoginCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Work in DIR (default: a temp dir).")
  Path data;

  @Option(names = "--logins", defaultValue = "5000", description = "Logins to time.")
  int logins;

  @Option(names = "--threads", defaultValue = "16", description = "Logins in flight.")
  int threads;

  @Option(
      names = "--consent",
      description = "Post the consent page on every login (default: a returning user).")
  boolean consent;

  @Override
  public void run() {
    if (logins < 1 || threads < 1 || threads > 256) {
      throw new ParameterException(
          spec.commandLine(), "--logins must be positive and --threads 1 to 256");
    }
    try {
      Path dir = data != null ? data : Files.createTempDirectory("mip-bench-login");
      try {
        BenchResult r = LoginBench.run(dir, logins, threads, consent);
        spec.commandLine().getOut().print(r.toText());
        spec.commandLine().getOut().flush();
      } finally {
        if (data == null) {
          delete(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
