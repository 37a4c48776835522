package io.mip.cli.ledger;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mip ledger}: ledger maintenance commands. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Ledger maintenance.",
    subcommands = {VerifyCommand.class})
public final class LedgerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (verify)");
  }
}
