package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.face.FaceEngine;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportSession;
import io.mip.wallet.recovery.RecoveryApproval;
import io.mip.wallet.recovery.RecoveryRequest;
import io.mip.wallet.recovery.ShareEnvelope;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip passport approve}: a guardian, after confirming the request's code with its owner out
 * of band, unlocks their own passport, opens the share they hold and re-encrypts it to the request;
 * writes the signed approval file to send back.
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = "As a guardian: approve a recovery request with the share you hold.")
final class ApproveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceOptions face;

  @Option(names = "--wallet", paramLabel = "FILE", required = true, description = "Your passport.")
  Path wallet;

  @Option(names = "--share", paramLabel = "FILE", required = true, description = "The share file.")
  Path share;

  @Option(names = "--request", paramLabel = "FILE", required = true, description = "The request.")
  Path request;

  @Option(
      names = "--confirm-code",
      paramLabel = "CODE",
      required = true,
      description = "The code the owner told you (out of band); must match the request.")
  String code;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Approval file.")
  Path out;

  @Override
  public Integer call() {
    ShareEnvelope envelope = Wallets.parse(share, ShareEnvelope::fromJson);
    RecoveryRequest req = Wallets.parse(request, RecoveryRequest::fromJson);
    if (!req.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
      throw new CliFailure(
          PassportExit.RECOVERY_REFUSED,
          "the code does not match this request; do not approve it, and warn " + req.ownerDid());
    }
    var err = spec.commandLine().getErr();
    try (FaceEngine engine = Wallets.engine()) {
      var service = Wallets.service(engine, LivenessPolicy.RECORD);
      try (PassportSession session = Unlocking.unlock(service, wallet, face, err)) {
        PassportResult<RecoveryApproval> r = service.approve(session, envelope, req);
        if (!r.isOk()) {
          throw PassportExit.failure(r.failure().orElseThrow());
        }
        Wallets.writeJson(out, r.value().toJson());
        spec.commandLine().getOut().println(out);
        err.println("mip: approval for " + req.ownerDid() + " written; send it back to them");
      }
    }
    return ExitCodes.OK;
  }
}
