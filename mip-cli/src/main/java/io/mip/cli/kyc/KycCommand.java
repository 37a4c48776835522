package io.mip.cli.kyc;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mip kyc}: run a KYC issuer ({@code init}) or get a KYC credential ({@code issue}). */
@Command(
    name = "kyc",
    mixinStandardHelpOptions = true,
    description = "KYC: set up a node's issuer, or get a KYC credential as a holder.",
    subcommands = {KycInitCommand.class, KycIssueCommand.class})
public final class KycCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (init, issue)");
  }
}
