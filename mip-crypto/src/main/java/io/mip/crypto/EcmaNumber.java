package io.mip.crypto;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number::toString} for doubles (ECMA-262 section 6.1.6.1.20, formerly 7.1.12.1),
 * as RFC 8785 section 3.2.2.3 requires.
 *
 * <p>The digits are the shortest decimal that reads back as the same double; among several of that
 * length, the one closest to the exact value, ties to an even last digit (ECMA-262 Note 2). Java
 * 17's {@link Double#toString} does not always give the shortest digits (JDK-4511638): it prints
 * {@code 1e23} as {@code 9.999999999999999E22} and {@code 2e23} as {@code 1.9999999999999998E23},
 * where ECMAScript gives {@code 1e+23} and {@code 2e+23}. So the digits come from Raffaello
 * Giulietti's Schubfach algorithm (the JDK 19 {@code Double.toString}, as shipped in jackson-core),
 * which is shortest except that it may print two digits when one is enough (for the smallest
 * subnormal, {@code 4.9E-324} instead of {@code 5e-324}); that case is corrected here.
 */
final class EcmaNumber {
  private EcmaNumber() {}

  static String toString(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JCS refuses NaN and infinite numbers");
    }
    if (value == 0) {
      return "0";
    }
    if (value < 0) {
      return "-" + toString(-value);
    }
    BigDecimal shortest = shortestDigits(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    return layout(digits, k, n);
  }

  /**
   * The shortest decimal that round-trips to a positive finite {@code value}, trailing zeros off.
   */
  static BigDecimal shortestDigits(double value) {
    BigDecimal schubfach = new BigDecimal(DoubleToDecimal.toString(value)).stripTrailingZeros();
    if (schubfach.precision() != 2) {
      return schubfach;
    }
    BigDecimal exact = new BigDecimal(value);
    BigDecimal down = exact.round(new MathContext(1, RoundingMode.FLOOR));
    BigDecimal up = exact.round(new MathContext(1, RoundingMode.CEILING));
    boolean downOk = Double.parseDouble(down.toString()) == value;
    boolean upOk = Double.parseDouble(up.toString()) == value;
    if (downOk && upOk) {
      int cmp = exact.subtract(down).compareTo(up.subtract(exact));
      return (cmp < 0 || (cmp == 0 && !down.unscaledValue().testBit(0)) ? down : up)
          .stripTrailingZeros();
    }
    if (downOk || upOk) {
      return (downOk ? down : up).stripTrailingZeros();
    }
    return schubfach;
  }

  /** ECMA-262 Number::toString steps 6 to 10, for digits s of length k and exponent n. */
  private static String layout(String digits, int k, int n) {
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    String exp = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
    if (k == 1) {
      return digits + "e" + exp;
    }
    return digits.charAt(0) + "." + digits.substring(1) + "e" + exp;
  }
}
