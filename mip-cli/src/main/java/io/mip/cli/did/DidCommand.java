package io.mip.cli.did;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mip did}: create, resolve, rotate and deactivate did:mip DIDs. */
@Command(
    name = "did",
    mixinStandardHelpOptions = true,
    description = "Create, resolve, rotate and deactivate did:mip DIDs.",
    subcommands = {
      CreateCommand.class,
      ResolveCommand.class,
      RotateCommand.class,
      DeactivateCommand.class,
      AddServiceCommand.class,
      RemoveServiceCommand.class
    })
public final class DidCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing subcommand (create, resolve, rotate, deactivate, add-service, remove-service)");
  }
}
