package io.mip.node.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final class Manual extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void take_burstThenRefill_allowsCapacityThenOnePerInterval() {
    Manual clock = new Manual();
    TokenBucket b = new TokenBucket(3, 2.0, clock);

    assertThat(b.take("a").allowed()).isTrue();
    assertThat(b.take("a").allowed()).isTrue();
    assertThat(b.take("a").allowed()).isTrue();
    TokenBucket.Decision refused = b.take("a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    clock.now = clock.now.plusMillis(500);
    assertThat(b.take("a").allowed()).isTrue();
    assertThat(b.take("a").allowed()).isFalse();
  }

  @Test
  void take_twoCallers_haveSeparateBuckets() {
    TokenBucket b = new TokenBucket(1, 1.0, new Manual());

    assertThat(b.take("a").allowed()).isTrue();
    assertThat(b.take("b").allowed()).isTrue();
    assertThat(b.take("a").allowed()).isFalse();
  }
}
