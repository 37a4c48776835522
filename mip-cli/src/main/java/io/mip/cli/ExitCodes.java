package io.mip.cli;

/**
 * The exit codes every {@code mip} command uses (docs/cli.md).
 *
 * <ul>
 *   <li>0: done;
 *   <li>1: the operation was refused (a ledger rejection, a DID that does not resolve) or a
 *       verification failed (a corrupted ledger);
 *   <li>2: usage error: unknown command or option, missing or malformed argument (picocli's
 *       default);
 *   <li>3: I/O failure, node unreachable, or any other failure to carry out the command.
 * </ul>
 */
public final class ExitCodes {
  /** Done. */
  public static final int OK = 0;

  /** Refused or failed verification. */
  public static final int REFUSED = 1;

  /** Usage error. */
  public static final int USAGE = 2;

  /** I/O failure or node unreachable. */
  public static final int IO = 3;

  private ExitCodes() {}
}
