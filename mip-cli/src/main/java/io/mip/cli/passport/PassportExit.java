package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.wallet.passport.PassportFailure;

/**
 * The exit codes of {@code mip passport} (docs/passport.md, "Exit codes"), beyond the common ones
 * of {@link ExitCodes}.
 */
public final class PassportExit {
  /** No face in an image (or one too small to use). */
  public static final int NO_FACE = 10;

  /** Several faces in an image. */
  public static final int MULTIPLE_FACES = 11;

  /** The face does not open the passport. */
  public static final int FACE_MISMATCH = 12;

  /** Wrong PIN. */
  public static final int WRONG_PIN = 13;

  /** Too many failed attempts: wait and retry. */
  public static final int LOCKED_OUT = 14;

  /** An image file is not a readable image. */
  public static final int UNREADABLE_IMAGE = 15;

  /** A capture was judged a spoof and liveness is required. */
  public static final int LIVENESS_FAILED = 16;

  /** A recovery step was refused: too few, duplicate, foreign or invalid approvals or shares. */
  public static final int RECOVERY_REFUSED = 17;

  private PassportExit() {}

  /** Returns the exit code for a refusal. */
  public static int code(PassportFailure.Reason reason) {
    return switch (reason) {
      case NO_FACE -> NO_FACE;
      case MULTIPLE_FACES -> MULTIPLE_FACES;
      case FACE_MISMATCH -> FACE_MISMATCH;
      case WRONG_PIN -> WRONG_PIN;
      case LOCKED_OUT -> LOCKED_OUT;
      case UNREADABLE_IMAGE -> UNREADABLE_IMAGE;
      case LIVENESS_FAILED -> LIVENESS_FAILED;
      case LEDGER_REJECTED, DID_UNUSABLE, BACKUP_NOT_FOUND, BACKUP_REFUSED, BACKUP_INVALID ->
          ExitCodes.REFUSED;
      case INVALID_SHARE,
          TOO_FEW_APPROVALS,
          DUPLICATE_GUARDIAN,
          WRONG_REQUEST,
          INVALID_APPROVAL,
          SEED_MISMATCH,
          REQUEST_EXPIRED ->
          RECOVERY_REFUSED;
    };
  }

  /** Returns the failure that ends the command for a refusal. */
  public static CliFailure failure(PassportFailure f) {
    return new CliFailure(code(f.reason()), f.detail());
  }
}
