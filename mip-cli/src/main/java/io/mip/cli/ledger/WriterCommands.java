package io.mip.cli.ledger;

import io.mip.cli.ExitCodes;
import io.mip.ledger.evm.EvmAdmin;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip ledger allow-writer} and {@code mip ledger remove-writer}: the consortium admin allows
 * an organisation's account to append to the contract, or removes it ({@link EvmAdmin#setWriter}).
 * Exit 1 when the contract refuses (the key is not the admin's: {@code NotAdmin}).
 */
final class WriterCommands {
  private WriterCommands() {}

  /** The options both commands take. */
  static class Base {
    @Spec CommandSpec spec;

    @Mixin ChainOptions chain;

    @Option(
        names = "--contract",
        paramLabel = "ADDRESS",
        required = true,
        description = "The MipLedger contract.")
    String contract;

    @Option(
        names = "--address",
        paramLabel = "ADDRESS",
        required = true,
        description = "The writer account (an organisation node's key address).")
    String address;

    int set(boolean allowed) {
      URI rpc = chain.rpc(spec);
      Path key = chain.key(spec);
      String c = ChainOptions.address(spec, "--contract", contract);
      String w = ChainOptions.address(spec, "--address", address);
      ChainOptions.call(
          rpc,
          () -> {
            EvmAdmin.setWriter(rpc, key, c, w, allowed);
            return null;
          });
      spec.commandLine()
          .getOut()
          .println("writer " + w + (allowed ? " allowed on " : " removed from ") + c);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code mip ledger allow-writer}. */
  @Command(
      name = "allow-writer",
      mixinStandardHelpOptions = true,
      description = "Allow an account to append to the contract (admin key).")
  static final class Allow extends Base implements Callable<Integer> {
    @Override
    public Integer call() {
      return set(true);
    }
  }

  /** {@code mip ledger remove-writer}. */
  @Command(
      name = "remove-writer",
      mixinStandardHelpOptions = true,
      description = "Remove an account's right to append to the contract (admin key).")
  static final class Remove extends Base implements Callable<Integer> {
    @Override
    public Integer call() {
      return set(false);
    }
  }
}
