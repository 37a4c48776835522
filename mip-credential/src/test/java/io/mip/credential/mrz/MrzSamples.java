package io.mip.credential.mrz;

/** Builds valid MRZs with correct check digits for tests in any package. */
public final class MrzSamples {
  private MrzSamples() {}

  /** A TD3 MRZ (2x44) with every check digit computed. */
  public static String td3(
      String state,
      String number,
      String nationality,
      String birth,
      char sex,
      String expiry,
      String surname,
      String given) {
    String name = pad(surname + "<<" + given.replace(' ', '<'), 39);
    String l1 = "P<" + state + name;
    String num = pad(number, 9);
    String personal = "<".repeat(14);
    String b =
        num
            + MrzParser.checkDigit(num)
            + nationality
            + birth
            + MrzParser.checkDigit(birth)
            + sex
            + expiry
            + MrzParser.checkDigit(expiry)
            + personal
            + "<";
    String composite = b.substring(0, 10) + b.substring(13, 20) + b.substring(21, 43);
    return l1 + "\n" + b + MrzParser.checkDigit(composite);
  }

  private static String pad(String s, int n) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < n) {
      sb.append('<');
    }
    return sb.substring(0, n);
  }
}
