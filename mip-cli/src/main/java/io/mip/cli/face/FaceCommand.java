package io.mip.cli.face;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mip face}: tools for the face pipeline. */
@Command(
    name = "face",
    mixinStandardHelpOptions = true,
    description = "Face pipeline tools.",
    subcommands = {EvalCommand.class})
public final class FaceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (eval)");
  }
}
