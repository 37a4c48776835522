package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.wallet.recovery.RecoveryKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip passport recovery-request}: makes a fresh ephemeral key for recovering {@code --did};
 * writes the public request (to send to each guardian) and the secret key file (keep it; mode 600)
 * and prints the confirmation code guardians must be told out of band.
 */
@Command(
    name = "recovery-request",
    mixinStandardHelpOptions = true,
    description =
        "Start recovering a DID: write a request for the guardians and a secret key file.")
final class RecoveryRequestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--did", paramLabel = "DID", required = true, description = "The DID to recover.")
  String did;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "The request file to send to the guardians.")
  Path out;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      required = true,
      description = "The secret recovery key file (mode 600); needed by `recover`.")
  Path key;

  @Option(
      names = "--valid-days",
      paramLabel = "N",
      description = "Days guardians may approve the request (default 7, at most 30).")
  int validDays = 7;

  @Override
  public Integer call() {
    if (Files.exists(key)) {
      throw CliFailure.usage("key file " + key + " exists; will not overwrite it");
    }
    if (validDays < 1 || validDays > 30) {
      throw CliFailure.usage("--valid-days must be 1 to 30");
    }
    RecoveryKey k;
    try {
      k = RecoveryKey.create(did, Clock.systemUTC(), Duration.ofDays(validDays));
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    }
    Wallets.writeJson(key, k.toSecretJson());
    Wallets.writeJson(out, k.request().toJson());
    spec.commandLine().getOut().println(k.request().code());
    spec.commandLine()
        .getErr()
        .println(
            "mip: send "
                + out
                + " to your guardians and tell each of them the code above in person or by voice;"
                + " keep "
                + key
                + " secret");
    return ExitCodes.OK;
  }
}
