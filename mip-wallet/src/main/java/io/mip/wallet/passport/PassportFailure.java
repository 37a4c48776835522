package io.mip.wallet.passport;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a passport operation was refused: an expected outcome, returned as a value inside a {@link
 * PassportResult}. The detail is a sentence for the user; it never holds a PIN, a key, a face
 * template or image data.
 *
 * @param reason the fixed reason
 * @param detail a human-readable explanation
 * @param imageIndex the 0-based index of the face image the failure is about, or -1
 * @param retryAfter for {@link Reason#LOCKED_OUT}, how long until the next attempt is allowed;
 *     otherwise zero
 */
public record PassportFailure(Reason reason, String detail, int imageIndex, Duration retryAfter) {
  /** Fixed reasons; each operation documents which of them it returns. */
  public enum Reason {
    /** An image has no usable face (none found, or too small to embed). */
    NO_FACE,
    /** An image shows several faces of comparable size. */
    MULTIPLE_FACES,
    /** An image is empty, not an image, truncated or too large. */
    UNREADABLE_IMAGE,
    /** The liveness model judged a capture a spoof and the settings require liveness. */
    LIVENESS_FAILED,
    /** The face does not open this passport (certain: the face check value differs). */
    FACE_MISMATCH,
    /** The face check passed but the sealed seed did not open (1 in 256: a face mismatch). */
    WRONG_PIN,
    /** Too many failed attempts; wait {@code retryAfter}. */
    LOCKED_OUT,
    /** The ledger refused the operation; the detail carries its rejection code. */
    LEDGER_REJECTED,
    /** A DID is not on the ledger, is deactivated, or is not usable here. */
    DID_UNUSABLE,
    /** A guardian share cannot be used (another owner or guardian, or it does not decrypt). */
    INVALID_SHARE,
    /** Fewer approvals than the threshold. */
    TOO_FEW_APPROVALS,
    /** Two approvals from the same guardian (or for the same share index). */
    DUPLICATE_GUARDIAN,
    /** An approval answers another recovery request, or another owner. */
    WRONG_REQUEST,
    /** An approval does not verify or does not decrypt, or approvals disagree. */
    INVALID_APPROVAL,
    /** The approvals combine to a seed that does not control the DID. */
    SEED_MISMATCH,
    /** The recovery request has expired. */
    REQUEST_EXPIRED,
    /** The node holds no backup for the DID, or only one a key rotation has superseded. */
    BACKUP_NOT_FOUND,
    /** The node refused a backup request; the detail carries its problem code. */
    BACKUP_REFUSED,
    /**
     * The node's backup does not match the DID on the ledger: its proof does not verify under the
     * DID's current key, or what it released does not give that key (stale, forged or damaged).
     */
    BACKUP_INVALID
  }

  /** Validates the fields. */
  public PassportFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (imageIndex < -1) {
      throw new IllegalArgumentException("imageIndex must be -1 or an index");
    }
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
  }

  /** A failure that is not about one image and has no retry delay. */
  public static PassportFailure of(Reason reason, String detail) {
    return new PassportFailure(reason, detail, -1, Duration.ZERO);
  }

  /** A failure about the image at {@code index}. */
  public static PassportFailure ofImage(Reason reason, int index, String detail) {
    return new PassportFailure(reason, detail, index, Duration.ZERO);
  }

  /** A {@link Reason#LOCKED_OUT} failure. */
  public static PassportFailure lockedOut(Duration retryAfter) {
    long s = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new PassportFailure(
        Reason.LOCKED_OUT, "too many failed attempts; try again in " + s + " s", -1, retryAfter);
  }
}
