package io.mip.cli.ledger;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mip ledger}: ledger maintenance ({@code verify}, for the embedded ledger) and the
 * consortium ledger contract's administration on an EVM chain ({@code deploy}, {@code
 * allow-writer}, {@code remove-writer}, {@code transfer-admin}, {@code accept-admin}, {@code
 * create-key}; see docs/consortium.md).
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Ledger maintenance, and the consortium ledger contract on an EVM chain.",
    subcommands = {
      VerifyCommand.class,
      DeployCommand.class,
      WriterCommands.Allow.class,
      WriterCommands.Remove.class,
      AdminCommands.Transfer.class,
      AdminCommands.Accept.class,
      CreateKeyCommand.class
    })
public final class LedgerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing subcommand (verify, deploy, allow-writer, remove-writer, transfer-admin, accept-admin,"
            + " create-key)");
  }
}
