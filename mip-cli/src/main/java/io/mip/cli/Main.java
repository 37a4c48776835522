package io.mip.cli;

import io.mip.cli.did.DidCommand;
import io.mip.cli.ledger.BenchCommand;
import io.mip.cli.ledger.LedgerCommand;
import io.mip.cli.node.DemoCommand;
import io.mip.cli.node.ServeCommand;
import io.mip.ledger.LedgerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code mip} command: runs a node ({@code serve}, {@code demo}), manages DIDs ({@code did}),
 * verifies and benchmarks the ledger ({@code ledger verify}, {@code bench ledger}).
 *
 * <p>Exit codes are those of {@link ExitCodes}; failures print one line to stderr, never a stack
 * trace (set {@code MIP_DEBUG=1} to get one).
 */
@Command(
    name = "mip",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "MIP: a face-unlocked identity passport on a permissioned ledger.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      DidCommand.class,
      LedgerCommand.class,
      BenchCommand.class,
      io.mip.cli.profile.ProfileCommand.class,
      io.mip.cli.profile.ConsentCommand.class,
      io.mip.cli.profile.AppCommand.class,
      io.mip.cli.kyc.KycCommand.class,
      io.mip.cli.kyc.IssuerCommand.class,
      io.mip.cli.kyc.CredentialCommand.class,
      io.mip.cli.passport.PassportCommand.class,
      io.mip.cli.face.FaceCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:operation refused or verification failed",
      "2:usage error",
      "3:I/O failure or node unreachable"
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Returns a configured command line (exit codes, error handling); tests execute it in-process.
   */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExecutionExceptionHandler(Main::handle);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  private static int handle(Exception e, CommandLine cmd, ParseResult parsed) {
    var err = cmd.getErr();
    int code;
    String message;
    if (e instanceof CliFailure f) {
      code = f.exitCode();
      message = f.getMessage();
    } else if (e instanceof IOException || e instanceof UncheckedIOException) {
      code = ExitCodes.IO;
      message = "I/O error: " + e.getMessage();
    } else if (e instanceof LedgerException) {
      code = ExitCodes.IO;
      message = "ledger error: " + e.getMessage();
    } else {
      code = ExitCodes.IO;
      message = "internal error: " + e;
    }
    err.println("mip: " + message);
    if (System.getenv("MIP_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"mip " + (v == null ? "development build" : v)};
    }
  }
}
