package io.mip.cli.passport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mip passport}: the face-and-PIN passport with guardian recovery (docs/passport.md). Exit
 * codes 10 to 17 say why a face, PIN or recovery step was refused ({@link PassportExit}).
 */
@Command(
    name = "passport",
    mixinStandardHelpOptions = true,
    description =
        "Create and unlock a face-and-PIN passport; set guardians; recover with them; back it up"
            + " on a node and restore it on a new device.",
    subcommands = {
      CreateCommand.class,
      UnlockCommand.class,
      GuardiansCommand.class,
      RecoveryRequestCommand.class,
      ApproveCommand.class,
      RecoverCommand.class,
      BackupCommand.class,
      RestoreCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:refused by the ledger or the node, a DID is unusable, or no usable backup",
      "2:usage error",
      "3:I/O failure or node unreachable",
      "10:no face in an image",
      "11:several faces in an image",
      "12:the face does not match",
      "13:wrong PIN",
      "14:locked out after failed attempts (retry later)",
      "15:unreadable image",
      "16:liveness required and a capture judged a spoof",
      "17:recovery refused (approvals, shares or request)"
    })
public final class PassportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing subcommand (create, unlock, guardians, recovery-request, approve, recover,"
            + " backup, restore)");
  }
}
