package io.mip.node.oidc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link PassportGate#unlock}: an unlocked passport, or why not.
 *
 * @param passport the unlocked passport, on success
 * @param refusal why not, otherwise
 * @param detail a sentence for the person; never holds a PIN, key, template or image data
 * @param retryAfter for {@link Refusal#LOCKED_OUT}, how long to wait; otherwise zero
 */
public record UnlockResult(
    Optional<UnlockedPassport> passport,
    Optional<Refusal> refusal,
    String detail,
    Duration retryAfter) {
  /** Why a passport did not unlock. */
  public enum Refusal {
    /** No such passport on this node. */
    UNKNOWN_PASSPORT,
    /** An image is empty, not an image, or too large. */
    UNREADABLE_IMAGE,
    /** An image has no usable face, or several. */
    NO_FACE,
    /** The liveness check judged a capture a spoof. */
    LIVENESS_FAILED,
    /**
     * The face or the PIN does not open the passport. Deliberately one reason: the page does not
     * tell an impostor which factor was wrong.
     */
    FACE_OR_PIN_MISMATCH,
    /** Too many failed attempts; wait {@code retryAfter}. */
    LOCKED_OUT,
    /** The wallet could not be used (its DID is deactivated, a store failed). */
    UNAVAILABLE
  }

  /** Checks that exactly one of passport and refusal is present. */
  public UnlockResult {
    Objects.requireNonNull(passport, "passport");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (passport.isPresent() == refusal.isPresent()) {
      throw new IllegalArgumentException("exactly one of passport and refusal");
    }
  }

  /** A successful unlock. */
  public static UnlockResult unlocked(UnlockedPassport passport) {
    return new UnlockResult(Optional.of(passport), Optional.empty(), "", Duration.ZERO);
  }

  /** A refusal without a wait. */
  public static UnlockResult refused(Refusal refusal, String detail) {
    return new UnlockResult(Optional.empty(), Optional.of(refusal), detail, Duration.ZERO);
  }

  /** A {@link Refusal#LOCKED_OUT} refusal. */
  public static UnlockResult lockedOut(Duration retryAfter, String detail) {
    return new UnlockResult(Optional.empty(), Optional.of(Refusal.LOCKED_OUT), detail, retryAfter);
  }
}
