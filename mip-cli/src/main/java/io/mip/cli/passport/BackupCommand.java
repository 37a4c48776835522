package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.cli.NodeUriOption;
import io.mip.face.FaceEngine;
import io.mip.wallet.passport.BackedUp;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.PassportSession;
import io.mip.wallet.passport.backup.BackupClient;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip passport backup}: unlocks the passport with face and PIN and stores its backup on a
 * node (public part, backup verifier, sealed seed; never the face, PIN or seed), so that {@code mip
 * passport restore} can restore it on a new device with face and PIN; {@code --delete} removes it.
 * Prints the DID.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Back the passport up on a node (unlocking with face photo(s) and the PIN) so a new device"
            + " can restore it with face + PIN; --delete removes the backup.")
final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceOptions face;
  @Mixin NodeUriOption nodeOption;

  @Option(
      names = {"--passport", "--wallet"},
      paramLabel = "FILE",
      required = true,
      description = "Passport file.")
  Path wallet;

  @Option(names = "--delete", description = "Delete the DID's backup on the node instead.")
  boolean delete;

  @Override
  public Integer call() {
    face.requireAtLeast(1);
    Wallets.requirePassport(wallet);
    BackupClient node = new BackupClient(nodeOption.uri());
    var err = spec.commandLine().getErr();
    if (face.faces.size() == 1) {
      err.println("mip: one photo unlocks less often than two; give a second --face if refused");
    }
    try (FaceEngine engine = Wallets.engine()) {
      PassportService service = Wallets.service(engine, LivenessPolicy.RECORD);
      String did = delete ? delete(service, node) : backup(service, node);
      spec.commandLine().getOut().println(did);
    } catch (UncheckedIOException e) {
      throw CliFailure.io(e.getMessage());
    }
    return ExitCodes.OK;
  }

  private String backup(PassportService service, BackupClient node) {
    char[] pin = face.pin();
    try {
      PassportResult<BackedUp> r = service.backup(wallet, face.images(), pin, node);
      if (!r.isOk()) {
        throw PassportExit.failure(r.failure().orElseThrow());
      }
      BackedUp b = r.value();
      spec.commandLine()
          .getErr()
          .printf(
              "mip: backed up %s (epoch %d) on %s%s%n",
              b.did(), b.epoch(), b.node(), b.replaced() ? ", replacing the earlier backup" : "");
      return b.did();
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private String delete(PassportService service, BackupClient node) {
    var err = spec.commandLine().getErr();
    try (PassportSession s = Unlocking.unlock(service, wallet, face, err)) {
      PassportResult<String> r = service.deleteBackup(s, node);
      if (!r.isOk()) {
        throw PassportExit.failure(r.failure().orElseThrow());
      }
      err.println("mip: deleted the backup of " + s.did() + " on " + node.node());
      return s.did();
    }
  }
}
