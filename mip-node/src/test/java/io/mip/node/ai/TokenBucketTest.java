package io.mip.node.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.ledger.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void take_burstThenRefill_allowsCapacityThenOnePerInterval() {
    MutableClock clock = new MutableClock(START);
    TokenBucket b = new TokenBucket(3, 2.0, clock);

    assertThat(b.take("a").allowed()).isTrue();
    assertThat(b.take("a").allowed()).isTrue();
    assertThat(b.take("a").allowed()).isTrue();
    TokenBucket.Decision refused = b.take("a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    clock.advance(Duration.ofMillis(500));
    assertThat(b.take("a").allowed()).isTrue();
    assertThat(b.take("a").allowed()).isFalse();
  }

  @Test
  void take_twoCallers_haveSeparateBuckets() {
    TokenBucket b = new TokenBucket(1, 1.0, new MutableClock(START));

    assertThat(b.take("a").allowed()).isTrue();
    assertThat(b.take("b").allowed()).isTrue();
    assertThat(b.take("a").allowed()).isFalse();
  }
}
