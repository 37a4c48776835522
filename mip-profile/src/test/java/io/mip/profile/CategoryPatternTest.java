package io.mip.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CategoryPatternTest {
  static boolean m(String pattern, String category) {
    return new CategoryPattern(pattern).matches(new Category(category));
  }

  @Test
  void matches_prefixPattern_coversDescendantsOnly() {
    assertThat(m("health.*", "health.visit")).isTrue();
    assertThat(m("health.*", "health.lab.result")).isTrue();
    assertThat(m("health.*", "health")).isFalse();
    assertThat(m("health.*", "healthcare.visit")).isFalse();
  }

  @Test
  void matches_exactAndStar() {
    assertThat(m("health.visit", "health.visit")).isTrue();
    assertThat(m("health.visit", "health.visits")).isFalse();
    assertThat(m("*", "education.diploma")).isTrue();
  }

  @Test
  void constructor_malformed_refused() {
    for (String bad : new String[] {"", "Health.*", "health.**", "*.visit", "health..x", "a b"}) {
      assertThatThrownBy(() -> new CategoryPattern(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new Category("health.*")).isInstanceOf(IllegalArgumentException.class);
  }
}
