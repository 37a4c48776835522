package io.mip.crypto;

import java.math.BigDecimal;

/** ECMAScript {@code Number.prototype.toString} for doubles (ECMA-262 section 7.1.12.1). */
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
    // Shortest round-tripping decimal digits and exponent.
    BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
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
