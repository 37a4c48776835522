package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ECMAScript number formatting, checked against an exact shortest-digits search written from the
 * ECMA-262 rule (shortest decimal that round-trips; closest on ties of length; then even).
 */
class EcmaNumberTest {

  /** Values where Java 17's Double.toString is not shortest, and the ECMAScript layouts. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1e23, 1e+23",
    "2e23, 2e+23",
    "4.9e-324, 5e-324",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "123456789012345680000, 123456789012345680000",
    "0.000001, 0.000001",
    "0.0000001, 1e-7",
    "1.5e-7, 1.5e-7",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "-0.0, 0",
    "-1.5, -1.5",
    "5, 5",
    "2.5e300, 2.5e+300"
  })
  void toString_knownValue_matchesEcmaScript(double value, String expected) {
    assertThat(EcmaNumber.toString(value)).isEqualTo(expected);
  }

  @Test
  void shortestDigits_randomBitPatterns_matchExactSearch() {
    SplittableRandom random = new SplittableRandom(8785);
    for (int i = 0; i < 1_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
      if (Double.isFinite(value) && value != 0) {
        check(value);
      }
    }
  }

  @Test
  void shortestDigits_randomShortDecimals_matchExactSearch() {
    SplittableRandom random = new SplittableRandom(9106);
    for (int i = 0; i < 5_000; i++) {
      int digits = 1 + random.nextInt(17);
      long mantissa = random.nextLong(1, (long) Math.pow(10, digits));
      double value = Double.parseDouble(mantissa + "e" + (random.nextInt(80) - 40));
      if (Double.isFinite(value) && value != 0) {
        check(value);
      }
    }
  }

  @Test
  void shortestDigits_subnormalsAndOneDigitValues_matchExactSearch() {
    for (long bits = 1; bits < 200; bits++) {
      check(Double.longBitsToDouble(bits));
    }
    for (int e = -323; e <= 308; e++) {
      for (int d = 1; d <= 9; d++) {
        double value = Double.parseDouble(d + "e" + e);
        if (Double.isFinite(value) && value != 0) {
          check(value);
        }
      }
    }
  }

  private static void check(double value) {
    BigDecimal ours = EcmaNumber.shortestDigits(value);
    BigDecimal reference = exactSearch(value);
    assertThat(ours).as("digits of %s", value).isEqualByComparingTo(reference);
    assertThat(ours.precision()).isEqualTo(reference.precision());
  }

  /** For precision 1, 2, ...: the p-digit neighbours of the exact value; first that reads back. */
  private static BigDecimal exactSearch(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int p = 1; p <= 17; p++) {
      BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
      boolean downOk = Double.parseDouble(down.toString()) == value;
      boolean upOk = Double.parseDouble(up.toString()) == value;
      if (downOk && upOk) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        boolean pickDown = cmp < 0 || (cmp == 0 && !down.unscaledValue().testBit(0));
        return (pickDown ? down : up).stripTrailingZeros();
      }
      if (downOk || upOk) {
        return (downOk ? down : up).stripTrailingZeros();
      }
    }
    throw new AssertionError("no decimal of at most 17 digits reads back as " + value);
  }
}
