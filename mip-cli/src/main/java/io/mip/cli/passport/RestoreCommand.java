package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.cli.NodeUriOption;
import io.mip.face.FaceEngine;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportSession;
import io.mip.wallet.passport.backup.BackupClient;
import java.io.UncheckedIOException;
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
 * {@code mip passport restore}: restores a backed-up passport on a new device with face photo(s)
 * and the PIN: the node releases the sealed seed only to an answer derived from both, counts failed
 * answers (exit 12 or 13) and locks after three (exit 14); the seed is opened here and checked
 * against the DID's current key. Writes a new passport file (mode 600) and prints the DID.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a passport backed up on a node, with face photo(s) and the PIN; writes --out.")
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceOptions face;
  @Mixin NodeUriOption nodeOption;

  @Option(names = "--did", paramLabel = "DID", required = true, description = "The DID.")
  String did;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "New passport file.")
  Path out;

  @Option(
      names = "--liveness",
      paramLabel = "POLICY",
      description = "record (default) or require: refuse captures judged a spoof.")
  LivenessPolicy liveness = LivenessPolicy.RECORD;

  @Override
  public Integer call() {
    face.requireAtLeast(1);
    if (Files.exists(out)) {
      throw CliFailure.usage("passport file " + out + " exists; will not overwrite it");
    }
    var client = new BackupClient(nodeOption.uri());
    var err = spec.commandLine().getErr();
    if (face.faces.size() == 1) {
      err.println("mip: one photo unlocks less often than two; give a second --face if refused");
    }
    char[] pin = face.pin();
    try (FaceEngine engine = Wallets.engine()) {
      PassportResult<PassportSession> r;
      try {
        r = Wallets.service(engine, liveness).restore(did, client, face.images(), pin, out);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage(e.getMessage());
      } catch (UncheckedIOException e) {
        throw CliFailure.io(e.getMessage());
      }
      if (!r.isOk()) {
        throw PassportExit.failure(r.failure().orElseThrow());
      }
      try (PassportSession s = r.value()) {
        err.println(
            "mip: restored " + s.did() + " (epoch " + s.epoch() + ") to " + out + " (mode 600)");
        spec.commandLine().getOut().println(s.did());
      }
    } finally {
      Arrays.fill(pin, '\0');
    }
    return ExitCodes.OK;
  }
}
