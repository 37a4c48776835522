package io.mip.wallet.passport;

import io.mip.crypto.Argon2idParameters;
import java.time.Clock;
import java.util.Objects;

/**
 * Tunables of a {@link PassportService}.
 *
 * @param kdf Argon2id costs for new passports (an existing file keeps the costs it was made with)
 * @param backoff the failed-attempt back-off
 * @param liveness what to do with the liveness model's decisions
 * @param clock the clock for the attempt counter and recovery requests (injectable for tests)
 */
public record PassportSettings(
    Argon2idParameters kdf, BackoffPolicy backoff, LivenessPolicy liveness, Clock clock) {
  /** Argon2id for new passports: 64 MiB, 3 passes, 1 lane (docs/passport.md, measured cost). */
  public static final Argon2idParameters DEFAULT_KDF = new Argon2idParameters(64 * 1024, 3, 1);

  /** The defaults: {@link #DEFAULT_KDF}, {@link BackoffPolicy#DEFAULT}, record liveness, UTC. */
  public static final PassportSettings DEFAULT =
      new PassportSettings(
          DEFAULT_KDF, BackoffPolicy.DEFAULT, LivenessPolicy.RECORD, Clock.systemUTC());

  /** Validates the fields. */
  public PassportSettings {
    Objects.requireNonNull(kdf, "kdf");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(liveness, "liveness");
    Objects.requireNonNull(clock, "clock");
  }

  /** Returns these settings with other Argon2id costs. */
  public PassportSettings withKdf(Argon2idParameters value) {
    return new PassportSettings(value, backoff, liveness, clock);
  }

  /** Returns these settings with another clock. */
  public PassportSettings withClock(Clock value) {
    return new PassportSettings(kdf, backoff, liveness, value);
  }

  /** Returns these settings with another liveness policy. */
  public PassportSettings withLiveness(LivenessPolicy value) {
    return new PassportSettings(kdf, backoff, value, clock);
  }

  /** Returns these settings with another back-off. */
  public PassportSettings withBackoff(BackoffPolicy value) {
    return new PassportSettings(kdf, value, liveness, clock);
  }
}
