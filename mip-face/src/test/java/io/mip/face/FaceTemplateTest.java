package io.mip.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaceTemplateTest {
  @Test
  void of_anyVector_normalisedAndCopied() {
    float[] raw = {3, 4};
    FaceTemplate t = FaceTemplate.of(raw);
    raw[0] = 100;

    assertThat(t.toArray()).containsExactly(0.6f, 0.8f);
  }

  @Test
  void mean_twoOrthogonal_bisects() {
    FaceTemplate m =
        FaceTemplate.mean(
            List.of(FaceTemplate.of(new float[] {1, 0}), FaceTemplate.of(new float[] {0, 1})));

    assertThat(m.cosine(FaceTemplate.of(new float[] {1, 1}))).isCloseTo(1.0, offset(1e-6));
  }

  @Test
  void of_zeroOrNaN_refused() {
    assertThatThrownBy(() -> FaceTemplate.of(new float[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaceTemplate.of(new float[] {Float.NaN, 1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_neverPrintsValues() {
    assertThat(FaceTemplate.of(new float[] {0.25f, 0.5f}).toString())
        .isEqualTo("FaceTemplate[2-d]");
  }

  @Test
  void cosine_differentDimensions_refused() {
    assertThatThrownBy(
            () ->
                FaceTemplate.of(new float[] {1, 0}).cosine(FaceTemplate.of(new float[] {1, 0, 0})))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
