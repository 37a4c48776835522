package io.mip.cli.did;

import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Admission;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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
  @Mixin DidChange change;

  @Parameters(index = "0", paramLabel = "DID", description = "The DID to rotate.")
  String did;

  @Override
  public Integer call() {
    return change.run(
        did,
        (t, p, err) -> {
          KeySet next = KeySet.generate();
          DidKeyFile withPending = p.keys().withPending(next);
          DidUpdates.write(withPending, p.file());
          Admission admission =
              t.submit(
                  DidMipOperations.rotate(
                      p.state(),
                      p.signingKey(),
                      next.signing().publicKey(),
                      next.agreement().publicKey()));
          if (admission.status() == Admission.Status.REJECTED) {
            DidUpdates.write(withPending.withoutPending(), p.file());
          }
          DidUpdates.admitted(admission, err);
          DidUpdates.write(withPending.promotePending(), p.file());
          return did + " rotated; signing key now " + next.signing().publicKey().toMultibase();
        });
  }
}
