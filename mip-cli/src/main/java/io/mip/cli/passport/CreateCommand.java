package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.cli.did.DidTarget;
import io.mip.cli.did.TargetOptions;
import io.mip.face.FaceEngine;
import io.mip.wallet.passport.Enrolled;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip passport create}: enrols a face (3 or more photos) and a PIN, writes the passport file
 * (mode 600) and creates its did:mip DID on the ledger; prints the DID.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a passport from 3+ face photos and a PIN on stdin; prints the new DID.")
final class CreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceOptions face;
  @Mixin TargetOptions target;

  @Option(
      names = "--wallet",
      paramLabel = "FILE",
      required = true,
      description = "New passport file.")
  Path wallet;

  @Option(
      names = "--liveness",
      paramLabel = "POLICY",
      description = "record (default): report liveness; require: refuse captures judged a spoof.")
  LivenessPolicy liveness = LivenessPolicy.RECORD;

  @Override
  public Integer call() {
    face.requireAtLeast(PassportService.MIN_ENROL_IMAGES);
    if (Files.exists(wallet)) {
      throw CliFailure.usage("wallet file " + wallet + " exists; will not overwrite it");
    }
    char[] pin = face.pin();
    var err = spec.commandLine().getErr();
    try (FaceEngine engine = Wallets.engine();
        DidTarget t = target.open()) {
      PassportResult<Enrolled> r;
      try {
        r =
            Wallets.service(engine, liveness)
                .create(face.images(), pin, Wallets.registry(t), wallet);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage(e.getMessage());
      } catch (CliFailure e) {
        if (Files.exists(wallet)) {
          err.println(
              "mip: passport file kept at "
                  + wallet
                  + "; if its DID does not resolve, delete the file and create again");
        }
        throw e;
      }
      if (!r.isOk()) {
        throw PassportExit.failure(r.failure().orElseThrow());
      }
      Enrolled created = r.value();
      try (var session = created.session()) {
        err.printf(
            "mip: liveness judged %d of %d captures real (%s)%n",
            created.judgedReal(),
            created.liveness().size(),
            liveness == LivenessPolicy.REQUIRE ? "required" : "recorded, not enforced");
        err.println("mip: passport written to " + wallet + " (mode 600)");
        spec.commandLine().getOut().println(session.did());
      }
    } finally {
      Arrays.fill(pin, '\0');
    }
    return ExitCodes.OK;
  }
}
