package io.mip.credential.mrz;

import io.mip.credential.mrz.MrzResult.Reason;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Parses and validates machine-readable zones per ICAO Doc 9303 (8th edition): part 3 section 4.9
 * (check digits, weights 7-3-1, '<' = 0, A-Z = 10..35), part 4 section 4.2.2 (TD3, 2 lines of 44)
 * and part 5 section 4.2.2 (TD1, 3 lines of 30, including the long-document-number extension).
 *
 * <p>Every check digit is verified: document number, date of birth, date of expiry, the TD3
 * personal number, and the composite. Two-digit years: a birth year is 20YY unless that would be
 * after the reference date, then 19YY; an expiry year is always 20YY. Input may end lines with '\n'
 * or '\r\n'; surrounding whitespace is ignored; lower case is refused.
 */
public final class MrzParser {
  /** Largest accepted input, in characters. */
  public static final int MAX_INPUT = 256;

  private static final Pattern CHARS = Pattern.compile("[A-Z0-9<]+");
  private static final Pattern STATE = Pattern.compile("[A-Z][A-Z<]{2}");

  private MrzParser() {}

  /** Parses {@code text} with today (UTC) as the reference date. */
  public static MrzResult parse(String text) {
    return parse(text, LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /** Parses {@code text}; {@code today} decides birth centuries and expiry. */
  public static MrzResult parse(String text, LocalDate today) {
    if (text == null || text.length() > MAX_INPUT) {
      return MrzResult.fail(Reason.BAD_LENGTH, "MRZ missing or longer than " + MAX_INPUT);
    }
    String[] lines = text.strip().split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      lines[i] = lines[i].strip();
    }
    if (lines.length == 2 && lines[0].length() == 44 && lines[1].length() == 44) {
      return checkChars(lines) ? td3(lines, today) : badChars();
    }
    if (lines.length == 3
        && lines[0].length() == 30
        && lines[1].length() == 30
        && lines[2].length() == 30) {
      return checkChars(lines) ? td1(lines, today) : badChars();
    }
    return MrzResult.fail(Reason.BAD_LENGTH, "MRZ must be 2x44 (TD3) or 3x30 (TD1)");
  }

  private static boolean checkChars(String[] lines) {
    for (String l : lines) {
      if (!CHARS.matcher(l).matches()) {
        return false;
      }
    }
    return true;
  }

  private static MrzResult badChars() {
    return MrzResult.fail(Reason.BAD_CHARACTERS, "MRZ may contain only A-Z, 0-9 and '<'");
  }

  private static MrzResult td3(String[] l, LocalDate today) {
    String a = l[0];
    String b = l[1];
    if (a.charAt(0) != 'P') {
      return MrzResult.fail(Reason.BAD_DOCUMENT_CODE, "TD3 document code must start with P");
    }
    Fields f = new Fields();
    f.code = a.substring(0, 2);
    f.state = a.substring(2, 5);
    f.name = a.substring(5, 44);
    f.number = b.substring(0, 9);
    f.numberCheck = b.charAt(9);
    f.nationality = b.substring(10, 13);
    f.birth = b.substring(13, 19);
    f.birthCheck = b.charAt(19);
    f.sex = b.charAt(20);
    f.expiry = b.substring(21, 27);
    f.expiryCheck = b.charAt(27);
    String personal = b.substring(28, 42);
    char personalCheck = b.charAt(42);
    f.personalOk =
        (personalCheck == '<' && personal.chars().allMatch(c -> c == '<'))
            || digitMatches(personal, personalCheck);
    f.composite = b.substring(0, 10) + b.substring(13, 20) + b.substring(21, 43);
    f.compositeCheck = b.charAt(43);
    return f.finish(Mrz.Format.TD3, today);
  }

  private static MrzResult td1(String[] l, LocalDate today) {
    String a = l[0];
    String b = l[1];
    char c0 = a.charAt(0);
    if (c0 != 'I' && c0 != 'A' && c0 != 'C') {
      return MrzResult.fail(
          Reason.BAD_DOCUMENT_CODE, "TD1 document code must start with I, A or C");
    }
    Fields f = new Fields();
    f.code = a.substring(0, 2);
    f.state = a.substring(2, 5);
    f.number = a.substring(5, 14);
    f.numberCheck = a.charAt(14);
    String optional1 = a.substring(15, 30);
    if (f.numberCheck == '<') {
      // Long document number (part 5 note j): the rest of the number and its check digit are
      // the first characters of the optional data, up to the first filler.
      int end = optional1.indexOf('<');
      String ext = end < 0 ? optional1 : optional1.substring(0, end);
      if (ext.length() < 2) {
        return MrzResult.fail(Reason.BAD_CHECK_DIGIT, "document number check digit");
      }
      f.number = f.number + ext.substring(0, ext.length() - 1);
      f.numberCheck = ext.charAt(ext.length() - 1);
    }
    f.birth = b.substring(0, 6);
    f.birthCheck = b.charAt(6);
    f.sex = b.charAt(7);
    f.expiry = b.substring(8, 14);
    f.expiryCheck = b.charAt(14);
    f.nationality = b.substring(15, 18);
    f.composite = a.substring(5, 30) + b.substring(0, 7) + b.substring(8, 15) + b.substring(18, 29);
    f.compositeCheck = b.charAt(29);
    f.name = l[2];
    return f.finish(Mrz.Format.TD1, today);
  }

  /** The check digit of {@code field} (Doc 9303 part 3 section 4.9). */
  public static int checkDigit(String field) {
    int[] weights = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < field.length(); i++) {
      sum += value(field.charAt(i)) * weights[i % 3];
    }
    return sum % 10;
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c == '<') {
      return 0;
    }
    throw new IllegalArgumentException("not an MRZ character");
  }

  static boolean digitMatches(String field, char check) {
    return check >= '0' && check <= '9' && checkDigit(field) == check - '0';
  }

  /** Fields common to both layouts, validated together. */
  private static final class Fields {
    String code;
    String state;
    String number;
    char numberCheck;
    String nationality;
    String birth;
    char birthCheck;
    char sex;
    String expiry;
    char expiryCheck;
    String name;
    boolean personalOk = true;
    String composite;
    char compositeCheck;

    MrzResult finish(Mrz.Format format, LocalDate today) {
      if (!digitMatches(number, numberCheck)) {
        return MrzResult.fail(Reason.BAD_CHECK_DIGIT, "document number check digit");
      }
      if (!digitMatches(birth, birthCheck)) {
        return MrzResult.fail(Reason.BAD_CHECK_DIGIT, "date of birth check digit");
      }
      if (!digitMatches(expiry, expiryCheck)) {
        return MrzResult.fail(Reason.BAD_CHECK_DIGIT, "date of expiry check digit");
      }
      if (!personalOk) {
        return MrzResult.fail(Reason.BAD_CHECK_DIGIT, "personal number check digit");
      }
      if (!digitMatches(composite, compositeCheck)) {
        return MrzResult.fail(Reason.BAD_CHECK_DIGIT, "composite check digit");
      }
      if (!STATE.matcher(state).matches()) {
        return MrzResult.fail(Reason.BAD_NATIONALITY, "issuing state is not a 3-letter code");
      }
      if (!STATE.matcher(nationality).matches()) {
        return MrzResult.fail(Reason.BAD_NATIONALITY, "nationality is not a 3-letter code");
      }
      Mrz.Sex s;
      switch (sex) {
        case 'M' -> s = Mrz.Sex.MALE;
        case 'F' -> s = Mrz.Sex.FEMALE;
        case '<', 'X' -> s = Mrz.Sex.UNSPECIFIED;
        default -> {
          return MrzResult.fail(Reason.BAD_SEX, "sex must be M, F or <");
        }
      }
      LocalDate birthDate;
      LocalDate expiryDate;
      try {
        birthDate = date(birth, true, today);
        expiryDate = date(expiry, false, today);
      } catch (DateTimeException | NumberFormatException e) {
        return MrzResult.fail(Reason.BAD_DATE, "date of birth or expiry is not a date");
      }
      String trimmed = name.replaceAll("<+$", "");
      int sep = trimmed.indexOf("<<");
      String primary = (sep < 0 ? trimmed : trimmed.substring(0, sep)).replace('<', ' ').strip();
      String secondary = sep < 0 ? "" : trimmed.substring(sep + 2).replace('<', ' ').strip();
      if (primary.isEmpty() || primary.chars().anyMatch(Character::isDigit)) {
        return MrzResult.fail(Reason.BAD_NAME, "name has no primary identifier");
      }
      if (expiryDate.isBefore(today)) {
        return MrzResult.fail(Reason.DOCUMENT_EXPIRED, "document expired");
      }
      return MrzResult.ok(
          new Mrz(
              format,
              code.replace("<", ""),
              state,
              number.replace("<", ""),
              nationality,
              birthDate,
              s,
              expiryDate,
              primary,
              secondary));
    }

    private static LocalDate date(String yymmdd, boolean birth, LocalDate today) {
      int yy = Integer.parseInt(yymmdd.substring(0, 2));
      int mm = Integer.parseInt(yymmdd.substring(2, 4));
      int dd = Integer.parseInt(yymmdd.substring(4, 6));
      LocalDate d = LocalDate.of(2000 + yy, mm, dd);
      return birth && d.isAfter(today) ? LocalDate.of(1900 + yy, mm, dd) : d;
    }
  }
}
