package io.mip.face.binding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class OrthogonalTest {
  private final SecureRandom random = new SecureRandom();

  private static double[] unit(double[] v) {
    double n = 0;
    for (double x : v) {
      n += x * x;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= Math.sqrt(n);
    }
    return v;
  }

  @Test
  void haar_n64_isOrthogonal() {
    double[][] q = Orthogonal.haar(64, random);

    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 64; j++) {
        double s = 0;
        for (int k = 0; k < 64; k++) {
          s += q[i][k] * q[j][k];
        }
        assertThat(s).isCloseTo(i == j ? 1 : 0, offset(1e-12));
      }
    }
  }

  @Test
  void haar_manyDraws_firstEntryHasHaarVariance() {
    // For Haar-random Q in O(n), every entry has mean 0 and variance 1/n.
    int n = 16;
    int draws = 4000;
    double sum = 0;
    double sumSq = 0;
    for (int d = 0; d < draws; d++) {
      double v = Orthogonal.haar(n, random)[0][0];
      sum += v;
      sumSq += v * v;
    }
    assertThat(sum / draws).isCloseTo(0, offset(0.02));
    assertThat(sumSq / draws).isCloseTo(1.0 / n, offset(0.01));
  }

  @Test
  void rotateOnto_anyTemplate_mapsItOntoTheCodewordAndStaysOrthogonal() {
    int n = 64;
    double[][] q = Orthogonal.haar(n, random);
    double[] t = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = random.nextGaussian();
      c[i] = random.nextGaussian();
    }
    unit(t);
    unit(c);

    float[] p = Orthogonal.rotateOnto(q, t, c);

    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += p[i * n + j] * t[j];
      }
      assertThat(s).isCloseTo(c[i], offset(1e-6));
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += (double) p[i * n + k] * p[j * n + k];
        }
        assertThat(s).isCloseTo(i == j ? 1 : 0, offset(1e-5));
      }
    }
  }

  @Test
  void gaussians_manySamples_standardMoments() {
    double[] g = Orthogonal.gaussians(200_001, random);

    double sum = 0;
    double sumSq = 0;
    for (double x : g) {
      sum += x;
      sumSq += x * x;
    }
    assertThat(g).hasSize(200_001);
    assertThat(sum / g.length).isCloseTo(0, offset(0.01));
    assertThat(sumSq / g.length).isCloseTo(1, offset(0.02));
  }
}
