package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.PassportSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;

/** Unlocks a passport for a command that needs its keys (guardians, approve). */
final class Unlocking {
  private Unlocking() {}

  /** Unlocks {@code wallet} with the command's faces and PIN, or ends the command. */
  static PassportSession unlock(
      PassportService service, Path wallet, FaceOptions face, PrintWriter err) {
    face.requireAtLeast(1);
    Wallets.requirePassport(wallet);
    char[] pin = face.pin();
    try {
      PassportResult<PassportSession> r = service.unlock(wallet, face.images(), pin);
      if (!r.isOk()) {
        throw PassportExit.failure(r.failure().orElseThrow());
      }
      err.println("mip: unlocked " + r.value().did());
      return r.value();
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /** Returns the method-specific id of a DID, for file names. */
  static String fileStem(String did) {
    return did.substring(did.lastIndexOf(':') + 1);
  }
}
