package io.mip.face.binding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecoveryModelTest {
  /** Simulates y = x c + sqrt(1 - x^2) v, v uniform on the sphere orthogonal to c, and decodes. */
  private static double simulate(double x, int alpha, int trials) {
    Codebook book = new Codebook(512, alpha);
    byte[] c = book.random(new SecureRandom());
    double[] cv = book.vector(c);
    Random g = new Random(11);
    int ok = 0;
    for (int t = 0; t < trials; t++) {
      double[] v = new double[512];
      double d = 0;
      for (int i = 0; i < 512; i++) {
        v[i] = g.nextGaussian();
        d += v[i] * cv[i];
      }
      double n = 0;
      for (int i = 0; i < 512; i++) {
        v[i] -= d * cv[i];
        n += v[i] * v[i];
      }
      double s = Math.sqrt(1 - x * x) / Math.sqrt(n);
      double[] y = new double[512];
      for (int i = 0; i < 512; i++) {
        y[i] = x * cv[i] + s * v[i];
      }
      ok += Arrays.equals(book.decode(y), c) ? 1 : 0;
    }
    return (double) ok / trials;
  }

  @Test
  void success_midRange_agreesWithSimulationOfTheDecoder() {
    for (double x : new double[] {0.5, 0.55, 0.6}) {
      double sim = simulate(x, 10, 20_000);
      assertThat(RecoveryModel.success(x, 10, 512)).as("x=" + x).isBetween(sim - 0.03, sim + 0.03);
    }
  }

  @Test
  void success_impostorTail_neverBelowSimulation() {
    // conservative for security: the model may overstate an impostor's chance, not understate it
    double sim = simulate(0.45, 10, 50_000);

    double model = RecoveryModel.success(0.45, 10, 512);

    assertThat(model).isBetween(sim * 0.9, sim * 3);
  }

  @Test
  void success_growsWithCosineAndShrinksWithAlpha() {
    assertThat(RecoveryModel.success(0.3, 10, 512)).isLessThan(RecoveryModel.success(0.4, 10, 512));
    assertThat(RecoveryModel.success(0.5, 12, 512)).isLessThan(RecoveryModel.success(0.5, 10, 512));
    assertThat(RecoveryModel.success(0.9, 10, 512)).isGreaterThan(0.999);
  }

  @Test
  void table_interpolation_closeToDirectValue() {
    RecoveryModel.Table table = new RecoveryModel.Table(10, 512);

    double direct = RecoveryModel.success(0.4234, 10, 512);
    assertThat(table.at(0.4234)).isBetween(direct * 0.9, direct * 1.1);
  }
}
