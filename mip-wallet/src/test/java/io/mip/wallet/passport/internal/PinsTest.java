package io.mip.wallet.passport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PinsTest {
  @Test
  void utf8_digitsAndNonAscii_encodedAsUtf8() {
    assertThat(Pins.utf8("12é4".toCharArray(), 4))
        .isEqualTo("12é4".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void utf8_tooShortTooLongOrLoneSurrogate_refused() {
    assertThatThrownBy(() -> Pins.utf8("12345".toCharArray(), 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pins.utf8(new char[129], 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pins.utf8(new char[] {'1', '2', '3', '\ud800'}, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
