package io.mip.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResolutionOptionsTest {
  @Test
  void parse_nullsAndEmpty_meanLatest() {
    assertThat(ResolutionOptions.parse(null, "")).isEqualTo(ResolutionOptions.latest());
    assertThat(ResolutionOptions.latest().selectsVersion()).isFalse();
  }

  @Test
  void parse_utcDateTime_givesInstant() {
    ResolutionOptions o = ResolutionOptions.parse("2025-01-02T03:04:05Z", null);

    assertThat(o.versionTime()).contains(Instant.parse("2025-01-02T03:04:05Z"));
    assertThat(o.selectsVersion()).isTrue();
  }

  @Test
  void parse_malformedTime_isRefused() {
    assertThatThrownBy(() -> ResolutionOptions.parse("2025-01-02", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResolutionOptions.parse("x".repeat(100), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_overlongVersionId_isRefused() {
    assertThatThrownBy(
            () ->
                ResolutionOptions.parse(
                    null, "v".repeat(ResolutionOptions.MAX_VERSION_ID_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
