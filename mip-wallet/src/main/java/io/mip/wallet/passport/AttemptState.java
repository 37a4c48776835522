package io.mip.wallet.passport;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The failed-attempt counter stored in a passport file: consecutive failures and the instant before
 * which no attempt is allowed.
 *
 * <p>This state is not authenticated (nothing can be, before unlock): it protects the online and
 * device case, where the wallet software enforces it; the stolen-file case is protected by Argon2id
 * and K_face instead (docs/passport.md).
 *
 * @param failures consecutive failed attempts, 0..1,000,000
 * @param lockedUntil no attempt before this instant; {@code null} when not locked
 */
public record AttemptState(int failures, Instant lockedUntil) {
  /** No failures. */
  public static final AttemptState CLEAR = new AttemptState(0, null);

  /** Validates the counter. */
  public AttemptState {
    if (failures < 0 || failures > 1_000_000) {
      throw new IllegalArgumentException("failures out of range");
    }
  }

  /** Returns how long until the next attempt is allowed, or empty if one is allowed now. */
  public Optional<Duration> retryAfter(Instant now) {
    if (lockedUntil == null || !now.isBefore(lockedUntil)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, lockedUntil));
  }

  /** Returns the state after one more failure at {@code now}. */
  public AttemptState afterFailure(Instant now, BackoffPolicy policy) {
    int f = Math.min(failures + 1, 1_000_000);
    Duration wait = policy.delayAfter(f);
    return new AttemptState(f, wait.isZero() ? null : now.plus(wait));
  }

  /** Returns the stricter of two states (more failures, later lock). */
  AttemptState max(AttemptState other) {
    Instant lock = lockedUntil;
    if (other.lockedUntil != null && (lock == null || other.lockedUntil.isAfter(lock))) {
      lock = other.lockedUntil;
    }
    return new AttemptState(Math.max(failures, other.failures), lock);
  }
}
