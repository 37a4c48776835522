package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.cli.did.DidTarget;
import io.mip.cli.did.TargetOptions;
import io.mip.face.FaceEngine;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportFile;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportSession;
import io.mip.wallet.recovery.GuardianSet;
import io.mip.wallet.recovery.ShareEnvelope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip passport guardians}: with {@code --add}, unlocks the passport, splits its seed t-of-n
 * to the guardian DIDs (each share HPKE-encrypted to the guardian's key agreement key) and stores
 * the split in the passport file; in both cases writes one share file per guardian into {@code
 * --out} for delivery. Without {@code --add} it only exports the stored split (no face or PIN).
 */
@Command(
    name = "guardians",
    mixinStandardHelpOptions = true,
    description = "Split the passport seed t-of-n to guardian DIDs and export one share file each.")
final class GuardiansCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceOptions face;
  @Mixin TargetOptions target;

  @Option(names = "--wallet", paramLabel = "FILE", required = true, description = "Passport file.")
  Path wallet;

  @Option(
      names = "--add",
      paramLabel = "DID",
      arity = "1..*",
      description = "Guardian DIDs, in share order (2 to 16; replaces the current split).")
  List<String> add = new ArrayList<>();

  @Option(names = "--threshold", paramLabel = "T", description = "Approvals needed to recover.")
  Integer threshold;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Write <guardian-id>.share.json files here.")
  Path out;

  @Override
  public Integer call() {
    GuardianSet set;
    if (add.isEmpty()) {
      if (threshold != null || !face.faces.isEmpty()) {
        throw CliFailure.usage("--threshold and --face go with --add");
      }
      Wallets.requirePassport(wallet);
      set =
          PassportFile.read(wallet)
              .guardianSet()
              .orElseThrow(() -> CliFailure.usage(wallet + " has no guardians; use --add"));
    } else {
      if (threshold == null) {
        throw CliFailure.usage("give --threshold with --add");
      }
      set = split();
    }
    var o = spec.commandLine().getOut();
    for (ShareEnvelope s : set.shares()) {
      Path file = out.resolve(Unlocking.fileStem(s.guardianDid()) + ".share.json");
      Wallets.writeJson(file, s.toJson());
      o.println("share " + s.index() + " for " + s.guardianDid() + " -> " + file);
    }
    spec.commandLine()
        .getErr()
        .printf(
            "mip: %d of %d guardians recover this passport; deliver each file to its guardian%n",
            set.terms().threshold(), set.terms().guardians().size());
    return ExitCodes.OK;
  }

  private GuardianSet split() {
    var err = spec.commandLine().getErr();
    try (FaceEngine engine = Wallets.engine();
        DidTarget t = target.open()) {
      var service = Wallets.service(engine, LivenessPolicy.RECORD);
      try (PassportSession session = Unlocking.unlock(service, wallet, face, err)) {
        PassportResult<GuardianSet> r;
        try {
          r = service.setGuardians(session, add, threshold, Wallets.registry(t));
        } catch (IllegalArgumentException e) {
          throw CliFailure.usage(e.getMessage());
        }
        if (!r.isOk()) {
          throw PassportExit.failure(r.failure().orElseThrow());
        }
        return r.value();
      }
    }
  }
}
