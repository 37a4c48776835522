package io.mip.face.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void eer_separatedScores_zero() {
    double[] eer = Metrics.eer(new double[] {0.8, 0.9, 0.7}, new double[] {0.1, 0.2, 0.3, 0.0});

    assertThat(eer[0]).isEqualTo(0.0);
    assertThat(eer[1]).isBetween(0.3, 0.7);
  }

  @Test
  void eer_oneGenuineBelowOneImpostor_interpolatesBetweenTheRates() {
    // 4 genuine, 4 impostor; genuine 0.35 sits below impostor 0.4.
    double[] gen = {0.35, 0.6, 0.7, 0.8};
    double[] imp = {0.0, 0.1, 0.2, 0.4};

    double[] eer = Metrics.eer(gen, imp);

    // at t=0.35: FAR 1/4, FRR 0; at t=0.4: FAR 1/4, FRR 1/4 -> crossing at 0.25
    assertThat(eer[0]).isCloseTo(0.25, offset(1e-9));
  }

  @Test
  void tarAtFar_allowsTheGivenShareOfImpostors() {
    double[] imp = new double[1000];
    for (int i = 0; i < imp.length; i++) {
      imp[i] = i / 1000.0; // 0.000 .. 0.999
    }
    double[] gen = {0.9985, 0.9995, 0.5};

    double[] r = Metrics.tarAtFar(gen, imp, 0.001);

    // one impostor (0.999) may pass: threshold just above 0.998
    assertThat(r[1]).isGreaterThan(0.998).isLessThan(0.9981);
    assertThat(r[0]).isCloseTo(2.0 / 3, offset(1e-9));
  }
}
