package io.mip.cli.ledger;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mip bench}: benchmarks. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks.",
    subcommands = {
      BenchLedgerCommand.class,
      io.mip.cli.profile.BenchProfileCommand.class,
      io.mip.cli.kyc.BenchCredentialsCommand.class,
      io.mip.cli.bench.BenchLoginCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand (ledger, profile, credentials, login)");
  }
}
