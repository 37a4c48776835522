package io.mip.cli.did;

import io.mip.cli.ExitCodes;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Admission;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mip did rotate}: replaces both keys of a DID. The new keys are written to the key file as
 * {@code pending} before the update is submitted and promoted to {@code current} once admitted; the
 * old ones move to {@code previous}.
 */
@Command(
    name = "rotate",
    mixinStandardHelpOptions = true,
    description = "Rotate a DID's signing and key agreement keys.")
final class RotateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin KeyOptions keyOptions;

  @Parameters(index = "0", paramLabel = "DID", description = "The DID to rotate.")
  String did;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    try (DidTarget t = target.open()) {
      DidUpdates.Prepared p = DidUpdates.prepare(t, keyOptions, did, err);
      KeySet next = KeySet.generate();
      DidKeyFile withPending = p.keys().withPending(next);
      DidUpdates.write(withPending, p.file());
      Admission admission =
          t.submit(
              DidMipOperations.rotate(
                  p.state(),
                  p.keys().current().signing(),
                  next.signing().publicKey(),
                  next.agreement().publicKey()));
      if (admission.status() == Admission.Status.REJECTED) {
        DidUpdates.write(withPending.withoutPending(), p.file());
      }
      DidUpdates.admitted(admission, err);
      DidUpdates.write(withPending.promotePending(), p.file());
      spec.commandLine()
          .getOut()
          .println(did + " rotated; signing key now " + next.signing().publicKey().toMultibase());
    }
    return ExitCodes.OK;
  }
}
