package io.mip.cli.did;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Operation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mip did remove-service}: removes a service from a DID. */
@Command(
    name = "remove-service",
    mixinStandardHelpOptions = true,
    description = "Remove a service from a DID.")
final class RemoveServiceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin KeyOptions keyOptions;

  @Parameters(index = "0", paramLabel = "DID", description = "The DID to change.")
  String did;

  @Option(
      names = "--id",
      paramLabel = "ID",
      required = true,
      description = "The service id, with or without '#'.")
  String id;

  @Override
  public Integer call() {
    String fragment = id.startsWith("#") ? id : "#" + id;
    var err = spec.commandLine().getErr();
    try (DidTarget t = target.open()) {
      DidUpdates.Prepared p = DidUpdates.prepare(t, keyOptions, did, err);
      if (p.state().services().stream().noneMatch(s -> s.id().equals(fragment))) {
        throw CliFailure.refused(did + " lists no service " + fragment);
      }
      Operation op;
      try {
        op = DidMipOperations.removeService(p.state(), p.keys().current().signing(), fragment);
      } catch (IllegalArgumentException e) {
        throw CliFailure.refused(e.getMessage());
      }
      DidUpdates.admitted(t.submit(op), err);
    }
    spec.commandLine().getOut().println(did + " no longer lists service " + fragment);
    return ExitCodes.OK;
  }
}
