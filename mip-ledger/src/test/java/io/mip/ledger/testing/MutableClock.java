package io.mip.ledger.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock tests move by hand: block timestamps, token and grant lifetimes, rate limits. Safe to
 * read and move from several threads. The one test clock of the project; modules above mip-ledger
 * get it from this module's test jar.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  /** Starts at the real time. */
  public MutableClock() {
    this(Instant.now());
  }

  /** Starts at {@code start}. */
  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves the clock by {@code d} (forward when positive). */
  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
