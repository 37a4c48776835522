package io.mip.face.binding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CodebookTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void random_anyDraw_hasAlphaSignedEntries() {
    byte[] c = new Codebook(512, 10).random(random);

    int nonZero = 0;
    for (byte b : c) {
      assertThat(b).isBetween((byte) -1, (byte) 1);
      nonZero += b != 0 ? 1 : 0;
    }
    assertThat(nonZero).isEqualTo(10);
  }

  @Test
  void decode_codewordPlusSmallNoise_givesTheCodeword() {
    Codebook book = new Codebook(512, 10);
    byte[] c = book.random(random);
    double[] v = book.vector(c);
    for (int i = 0; i < v.length; i++) {
      v[i] += random.nextGaussian() * 0.02;
    }

    assertThat(book.decode(v)).isEqualTo(c);
  }

  @Test
  void decode_vectorOfCodeword_isUnitLength() {
    Codebook book = new Codebook(512, 10);
    double[] v = book.vector(book.random(random));

    double n = 0;
    for (double x : v) {
      n += x * x;
    }
    assertThat(n).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void bits_alpha10_matchesExactBinomial() {
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i < 10; i++) {
      c = c.multiply(BigInteger.valueOf(512 - i)).divide(BigInteger.valueOf(i + 1));
    }
    double expected = Math.log(c.doubleValue()) / Math.log(2) + 10;

    assertThat(new Codebook(512, 10).bits())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void decode_wrongDimension_refused() {
    assertThatThrownBy(() -> new Codebook(512, 10).decode(new double[10]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
