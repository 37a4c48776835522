package io.mip.cli;

/**
 * Ends a command with a message for the user (printed to stderr without a stack trace) and an exit
 * code from {@link ExitCodes}.
 */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Creates the failure. */
  public CliFailure(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** An operation refused or a verification failed (exit 1). */
  public static CliFailure refused(String message) {
    return new CliFailure(ExitCodes.REFUSED, message);
  }

  /** An I/O failure or unreachable node (exit 3). */
  public static CliFailure io(String message) {
    return new CliFailure(ExitCodes.IO, message);
  }

  /** A usage error found after parsing (exit 2). */
  public static CliFailure usage(String message) {
    return new CliFailure(ExitCodes.USAGE, message);
  }

  /** Returns the exit code. */
  public int exitCode() {
    return exitCode;
  }
}
