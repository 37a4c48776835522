package io.mip.cli.did;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.ledger.Operation;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that changes an existing DID shares: its target ({@link TargetOptions}), its
 * key file ({@link KeyOptions}), and the flow: open the target, load and reconcile the keys ({@link
 * DidUpdates#prepare}), change the DID, print one line.
 */
final class DidChange {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Mixin TargetOptions target;
  @Mixin KeyOptions keyOptions;

  /** One change to a DID whose keys and state are loaded; returns the line to print. */
  @FunctionalInterface
  interface Step {
    String apply(DidTarget target, DidUpdates.Prepared prepared, PrintWriter err);
  }

  /** Runs {@code step} on {@code did} and prints the line it returns. */
  int run(String did, Step step) {
    PrintWriter err = spec.commandLine().getErr();
    String done;
    try (DidTarget t = target.open()) {
      done = step.apply(t, DidUpdates.prepare(t, keyOptions, did, err), err);
    }
    spec.commandLine().getOut().println(done);
    return ExitCodes.OK;
  }

  /**
   * Submits the one operation {@code change} builds (an operation the DID's state does not allow
   * ends the command with exit 1) and prints {@code done} once it is admitted.
   */
  int submit(String did, Function<DidUpdates.Prepared, Operation> change, String done) {
    return run(
        did,
        (t, p, err) -> {
          Operation op;
          try {
            op = change.apply(p);
          } catch (IllegalArgumentException e) {
            throw CliFailure.refused(e.getMessage());
          }
          DidUpdates.admitted(t.submit(op), err);
          return done;
        });
  }
}
