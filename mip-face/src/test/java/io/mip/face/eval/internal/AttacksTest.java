package io.mip.face.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.face.internal.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttacksTest {
  @Test
  void make_everyKind_sameSizeDifferentPixels() {
    byte[] px = new byte[120 * 90 * 3];
    new Random(5).nextBytes(px);
    RgbImage src = new RgbImage(120, 90, px);

    for (Attacks.Kind k : Attacks.Kind.values()) {
      RgbImage a = Attacks.make(k, src, 1);
      assertThat(a.width()).isEqualTo(120);
      assertThat(a.height()).isEqualTo(90);
      assertThat(a.rgb()).as(k.key()).isNotEqualTo(px);
    }
  }

  @Test
  void make_greyPrint_hasNoColourAboveTheTint() {
    byte[] px = new byte[40 * 40 * 3];
    new Random(6).nextBytes(px);

    RgbImage a = Attacks.make(Attacks.Kind.GREY_PRINT, new RgbImage(40, 40, px), 1);

    for (int i = 0; i < a.rgb().length; i += 3) {
      int r = a.rgb()[i] & 0xff;
      int b = a.rgb()[i + 2] & 0xff;
      assertThat(r - b).isBetween(0, 10);
    }
  }
}
