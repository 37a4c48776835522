package io.mip.node.ai;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller: {@code capacity} requests at once, refilled at {@code perSecond}.
 * Thread-safe; at most {@link #MAX_CALLERS} buckets are kept (idle full ones are dropped first).
 */
public final class TokenBucket {
  /** Most callers tracked at once. */
  public static final int MAX_CALLERS = 100_000;

  /**
   * The outcome of {@link #take}.
   *
   * @param allowed whether the request may proceed
   * @param retryAfter when not, how long until a token is available
   */
  public record Decision(boolean allowed, Duration retryAfter) {}

  private static final class Bucket {
    double tokens;
    long updatedNanos;
  }

  private final int capacity;
  private final double perSecond;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Creates buckets of {@code capacity} tokens refilled at {@code perSecond}. */
  public TokenBucket(int capacity, double perSecond, Clock clock) {
    if (capacity < 1 || !(perSecond > 0)) {
      throw new IllegalArgumentException("capacity and rate must be positive");
    }
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Takes one token for {@code caller}. */
  public Decision take(String caller) {
    long now = nanos();
    if (buckets.size() >= MAX_CALLERS) {
      buckets.values().removeIf(b -> refilled(b, now) >= capacity);
    }
    Bucket b =
        buckets.computeIfAbsent(
            caller,
            k -> {
              Bucket n = new Bucket();
              n.tokens = capacity;
              n.updatedNanos = now;
              return n;
            });
    synchronized (b) {
      b.tokens = refilled(b, now);
      b.updatedNanos = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return new Decision(true, Duration.ZERO);
      }
      double missing = 1 - b.tokens;
      long waitMillis = (long) Math.ceil(missing / perSecond * 1000);
      return new Decision(false, Duration.ofMillis(Math.max(1, waitMillis)));
    }
  }

  private double refilled(Bucket b, long now) {
    double elapsed = Math.max(0, now - b.updatedNanos) / 1e9;
    return Math.min(capacity, b.tokens + elapsed * perSecond);
  }

  private long nanos() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
