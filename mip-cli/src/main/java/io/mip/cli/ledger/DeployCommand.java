package io.mip.cli.ledger;

import io.mip.cli.ExitCodes;
import io.mip.ledger.evm.EvmAdmin;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mip ledger deploy --rpc URL --key FILE}: deploys a new MipLedger contract with the key's
 * account as its admin ({@link EvmAdmin#deployContract}) and prints its address and deployment
 * block, one {@code name value} pair per line.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy the MipLedger contract on an EVM chain; the key's account becomes its admin.",
      "Prints: contract ADDRESS, block N (use it as the nodes' --from-block), admin ADDRESS."
    })
final class DeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ChainOptions chain;

  @Override
  public Integer call() {
    URI rpc = chain.rpc(spec);
    Path key = chain.key(spec);
    EvmAdmin.Deployment d = ChainOptions.call(rpc, () -> EvmAdmin.deployContract(rpc, key));
    PrintWriter out = spec.commandLine().getOut();
    out.println("contract " + d.address());
    out.println("block " + d.block());
    out.println("admin " + ChainOptions.call(rpc, () -> EvmAdmin.address(key)));
    out.flush();
    return ExitCodes.OK;
  }
}
