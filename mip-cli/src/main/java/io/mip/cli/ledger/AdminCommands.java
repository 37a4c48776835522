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
 * The two-step hand-over of the contract's admin role: {@code mip ledger transfer-admin} (the
 * current admin names the next one, {@link EvmAdmin#transferAdmin}) and {@code mip ledger
 * accept-admin} (the named account takes the role, {@link EvmAdmin#acceptAdmin}). A typo in the
 * first step cannot lose the role: only the named account can accept, and the admin can name
 * another. Exit 1 when the contract refuses ({@code NotAdmin}, {@code NotPendingAdmin}).
 */
final class AdminCommands {
  private AdminCommands() {}

  /** {@code mip ledger transfer-admin}. */
  @Command(
      name = "transfer-admin",
      mixinStandardHelpOptions = true,
      description = "Name the next admin of the contract (current admin's key); it must accept.")
  static final class Transfer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ChainOptions chain;

    @Option(
        names = "--contract",
        paramLabel = "ADDRESS",
        required = true,
        description = "The MipLedger contract.")
    String contract;

    @Option(
        names = "--to",
        paramLabel = "ADDRESS",
        required = true,
        description = "The account (or multisig contract) to become admin.")
    String to;

    @Override
    public Integer call() {
      URI rpc = chain.rpc(spec);
      Path key = chain.key(spec);
      String c = ChainOptions.address(spec, "--contract", contract);
      String next = ChainOptions.address(spec, "--to", to);
      ChainOptions.call(
          rpc,
          () -> {
            EvmAdmin.transferAdmin(rpc, key, c, next);
            return null;
          });
      spec.commandLine()
          .getOut()
          .println("admin of " + c + " offered to " + next + "; it takes over with accept-admin");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code mip ledger accept-admin}. */
  @Command(
      name = "accept-admin",
      mixinStandardHelpOptions = true,
      description = "Take the admin role of the contract (the named next admin's key).")
  static final class Accept implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ChainOptions chain;

    @Option(
        names = "--contract",
        paramLabel = "ADDRESS",
        required = true,
        description = "The MipLedger contract.")
    String contract;

    @Override
    public Integer call() {
      URI rpc = chain.rpc(spec);
      Path key = chain.key(spec);
      String c = ChainOptions.address(spec, "--contract", contract);
      ChainOptions.call(
          rpc,
          () -> {
            EvmAdmin.acceptAdmin(rpc, key, c);
            return null;
          });
      spec.commandLine()
          .getOut()
          .println(
              "admin of " + c + " is now " + ChainOptions.call(rpc, () -> EvmAdmin.address(key)));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
