package io.mip.cli.bench;

import io.mip.node.oidc.bench.BenchResult;
import io.mip.node.oidc.bench.LoginBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin BenchDir dir;

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
    dir.run(
        "mip-bench-login",
        d -> {
          BenchResult r = LoginBench.run(d, logins, threads, consent);
          spec.commandLine().getOut().print(r.toText());
          spec.commandLine().getOut().flush();
        });
  }
}
