package io.mip.cli.did;

import io.mip.did.mip.DidMipOperations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mip did deactivate}: deactivates a DID for good. */
@Command(
    name = "deactivate",
    mixinStandardHelpOptions = true,
    description = "Deactivate a DID for good; no later change is accepted.")
final class DeactivateCommand implements Callable<Integer> {
  @Mixin DidChange change;

  @Parameters(index = "0", paramLabel = "DID", description = "The DID to deactivate.")
  String did;

  @Override
  public Integer call() {
    return change.submit(
        did, p -> DidMipOperations.deactivate(p.state(), p.signingKey()), did + " deactivated");
  }
}
