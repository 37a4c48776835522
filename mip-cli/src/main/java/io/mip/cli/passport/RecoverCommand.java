package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.cli.did.DidTarget;
import io.mip.cli.did.TargetOptions;
import io.mip.face.FaceEngine;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.Recovered;
import io.mip.wallet.recovery.RecoveryApproval;
import io.mip.wallet.recovery.RecoveryKey;
import io.mip.wallet.recovery.ShareEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip passport recover}: with t guardian approvals, restores the old seed, enrols a new face
 * and PIN under a fresh seed, rotates the DID's keys on the ledger and writes the new passport
 * file; with {@code --reshare DIR}, splits the new seed to the same guardians and writes their new
 * share files there.
 */
@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description = "Recover a passport with guardian approvals, a new face and a new PIN.")
final class RecoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceOptions face;
  @Mixin TargetOptions target;

  @Option(names = "--key", paramLabel = "FILE", required = true, description = "Recovery key file.")
  Path key;

  @Option(
      names = "--approval",
      paramLabel = "FILE",
      required = true,
      description = "A guardian's approval file (repeat for each).")
  List<Path> approvals = new ArrayList<>();

  @Option(names = "--wallet", paramLabel = "FILE", required = true, description = "New passport.")
  Path wallet;

  @Option(
      names = "--reshare",
      paramLabel = "DIR",
      description = "Split the new seed to the same guardians; write their share files to DIR.")
  Path reshare;

  @Override
  public Integer call() {
    face.requireAtLeast(PassportService.MIN_ENROL_IMAGES);
    if (Files.exists(wallet)) {
      throw CliFailure.usage("wallet file " + wallet + " exists; choose a new file");
    }
    RecoveryKey k = Wallets.parse(key, RecoveryKey::fromSecretJson);
    List<RecoveryApproval> list = new ArrayList<>();
    for (Path a : approvals) {
      list.add(Wallets.parse(a, RecoveryApproval::fromJson));
    }
    char[] pin = face.pin();
    var o = spec.commandLine().getOut();
    try (FaceEngine engine = Wallets.engine();
        DidTarget t = target.open()) {
      PassportResult<Recovered> r;
      try {
        r =
            Wallets.service(engine, LivenessPolicy.RECORD)
                .recover(k, list, face.images(), pin, Wallets.registry(t), wallet, reshare != null);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage(e.getMessage());
      }
      if (!r.isOk()) {
        throw PassportExit.failure(r.failure().orElseThrow());
      }
      try (var session = r.value().session()) {
        o.println(session.did());
        spec.commandLine()
            .getErr()
            .printf("mip: keys rotated to epoch %d; new passport %s%n", session.epoch(), wallet);
      }
      if (r.value().guardianSet().isPresent()) {
        for (ShareEnvelope s : r.value().guardianSet().get().shares()) {
          Path file = reshare.resolve(Unlocking.fileStem(s.guardianDid()) + ".share.json");
          Wallets.writeJson(file, s.toJson());
          o.println("share " + s.index() + " for " + s.guardianDid() + " -> " + file);
        }
      }
    } finally {
      Arrays.fill(pin, '\0');
    }
    return ExitCodes.OK;
  }
}
