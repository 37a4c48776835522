package io.mip.cli.did;

import io.mip.cli.ExitCodes;
import io.mip.did.mip.DidMipOperations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mip did deactivate}: deactivates a DID for good. */
@Command(
    name = "deactivate",
    mixinStandardHelpOptions = true,
    description = "Deactivate a DID for good; no later change is accepted.")
final class DeactivateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin KeyOptions keyOptions;

  @Parameters(index = "0", paramLabel = "DID", description = "The DID to deactivate.")
  String did;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    try (DidTarget t = target.open()) {
      DidUpdates.Prepared p = DidUpdates.prepare(t, keyOptions, did, err);
      DidUpdates.admitted(
          t.submit(DidMipOperations.deactivate(p.state(), p.keys().current().signing())), err);
    }
    spec.commandLine().getOut().println(did + " deactivated");
    return ExitCodes.OK;
  }
}
