package io.mip.wallet.passport;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off after failed unlock attempts (docs/passport.md, "Attempt counter").
 *
 * <p>After {@code failures} consecutive failures the next attempt waits {@link #delayAfter(int)}:
 * nothing while {@code failures < freeAttempts}, then {@code firstDelay * 2^(failures -
 * freeAttempts)}, never more than {@code maxDelay}. The counter never wipes the passport: a patient
 * attacker gets about 24 attempts a day at the default cap, which the face (about 17-20 bits) and
 * the PIN together make useless.
 *
 * @param freeAttempts failures allowed without waiting, 1..100
 * @param firstDelay the first wait, 1 s..1 day
 * @param maxDelay the longest wait, at least {@code firstDelay}, at most 30 days
 */
public record BackoffPolicy(int freeAttempts, Duration firstDelay, Duration maxDelay) {
  /** Three free attempts, then 30 s doubling up to one hour. */
  public static final BackoffPolicy DEFAULT =
      new BackoffPolicy(3, Duration.ofSeconds(30), Duration.ofHours(1));

  /** Validates the ranges. */
  public BackoffPolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (freeAttempts < 1 || freeAttempts > 100) {
      throw new IllegalArgumentException("freeAttempts must be 1..100");
    }
    if (firstDelay.compareTo(Duration.ofSeconds(1)) < 0
        || firstDelay.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("firstDelay must be 1 s to 1 day");
    }
    if (maxDelay.compareTo(firstDelay) < 0 || maxDelay.compareTo(Duration.ofDays(30)) > 0) {
      throw new IllegalArgumentException("maxDelay must be firstDelay to 30 days");
    }
  }

  /** Returns the wait imposed after {@code failures} consecutive failures. */
  public Duration delayAfter(int failures) {
    if (failures < freeAttempts) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeAttempts, 40);
    Duration d = firstDelay;
    for (int i = 0; i < doublings && d.compareTo(maxDelay) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
