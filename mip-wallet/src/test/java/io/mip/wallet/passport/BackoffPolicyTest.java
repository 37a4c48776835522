package io.mip.wallet.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {
  final BackoffPolicy p = BackoffPolicy.DEFAULT;

  @Test
  void delayAfter_defaultPolicy_threeFreeThenDoublingFromThirtySecondsCappedAtOneHour() {
    assertThat(p.delayAfter(0)).isZero();
    assertThat(p.delayAfter(2)).isZero();
    assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.delayAfter(4)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.delayAfter(9)).isEqualTo(Duration.ofSeconds(1920));
    assertThat(p.delayAfter(10)).isEqualTo(Duration.ofHours(1));
    assertThat(p.delayAfter(1_000_000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void new_outOfRange_refused() {
    assertThatThrownBy(() -> new BackoffPolicy(0, Duration.ofSeconds(30), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffPolicy(3, Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffPolicy(3, Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void afterFailure_thirdFailure_locksForFirstDelay() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    AttemptState s = AttemptState.CLEAR.afterFailure(t, p).afterFailure(t, p);
    assertThat(s.retryAfter(t)).isEmpty();

    AttemptState third = s.afterFailure(t, p);

    assertThat(third.failures()).isEqualTo(3);
    assertThat(third.retryAfter(t)).contains(Duration.ofSeconds(30));
    assertThat(third.retryAfter(t.plusSeconds(30))).isEmpty();
  }

  @Test
  void max_twoStates_keepsMoreFailuresAndLaterLock() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    AttemptState a = new AttemptState(5, t);
    AttemptState b = new AttemptState(2, t.plusSeconds(10));

    assertThat(a.max(b)).isEqualTo(new AttemptState(5, t.plusSeconds(10)));
    assertThat(AttemptState.CLEAR.max(b)).isEqualTo(b);
  }
}
