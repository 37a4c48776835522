package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.crypto.Base64Url;
import io.mip.face.FaceEngine;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip passport unlock}: unlocks with face photos and the PIN; prints the DID and, with
 * {@code --challenge}, a base64url Ed25519 signature over the challenge's UTF-8 bytes.
 */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = "Unlock with face photo(s) and the PIN on stdin; prints the DID and a signature.")
final class UnlockCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceOptions face;

  @Option(names = "--wallet", paramLabel = "FILE", required = true, description = "Passport file.")
  Path wallet;

  @Option(
      names = "--challenge",
      paramLabel = "TEXT",
      description = "Sign TEXT (UTF-8) with the DID's key and print the signature (base64url).")
  String challenge;

  @Option(
      names = "--liveness",
      paramLabel = "POLICY",
      description = "record (default) or require: refuse captures judged a spoof.")
  LivenessPolicy liveness = LivenessPolicy.RECORD;

  @Override
  public Integer call() {
    if (challenge != null && challenge.length() > 4096) {
      throw CliFailure.usage("--challenge is limited to 4096 characters");
    }
    face.requireAtLeast(1);
    Wallets.requirePassport(wallet);
    if (face.faces.size() == 1) {
      spec.commandLine()
          .getErr()
          .println("mip: one photo unlocks less often than two; give a second --face if refused");
    }
    char[] pin = face.pin();
    try (FaceEngine engine = Wallets.engine()) {
      PassportResult<PassportSession> r;
      try {
        r = Wallets.service(engine, liveness).unlock(wallet, face.images(), pin);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage(e.getMessage());
      }
      if (!r.isOk()) {
        throw PassportExit.failure(r.failure().orElseThrow());
      }
      try (PassportSession s = r.value()) {
        var out = spec.commandLine().getOut();
        out.println(s.did());
        if (challenge != null) {
          out.println(Base64Url.encode(s.sign(challenge.getBytes(StandardCharsets.UTF_8))));
        }
      }
    } finally {
      Arrays.fill(pin, '\0');
    }
    return ExitCodes.OK;
  }
}
