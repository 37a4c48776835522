package io.mip.cli.ledger;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.ledger.evm.EvmAdmin;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mip ledger create-key --key FILE}: creates a new Ethereum (secp256k1) key file, mode 600
 * ({@link EvmAdmin#createKeyFile}), and prints its account address, which the organisation sends to
 * the consortium admin to be allowed as a writer. Never overwrites a file.
 */
@Command(
    name = "create-key",
    mixinStandardHelpOptions = true,
    description =
        "Create an Ethereum key file (mode 600) for a node or an admin; prints its address.")
final class CreateKeyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      required = true,
      description = "The key file to create (must not exist).")
  Path key;

  @Override
  public Integer call() {
    if (Files.exists(key)) {
      throw new ParameterException(spec.commandLine(), "--key " + key + " already exists");
    }
    String address;
    try {
      address = EvmAdmin.createKeyFile(key);
    } catch (UncheckedIOException e) {
      throw CliFailure.io(e.getMessage() + ": " + e.getCause().getMessage());
    }
    spec.commandLine().getOut().println("address " + address);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
