package io.mip.profile;

import java.util.regex.Pattern;

/**
 * A record category: dotted lower-case segments such as {@code health.visit}, {@code
 * education.diploma} or {@code app.preferences}. At most 8 segments and 128 characters.
 *
 * <p>The node sees categories in clear (it enforces grants by them); a category name is therefore
 * chosen by apps to say what kind of record it is, never what the record says.
 */
public record Category(String value) {
  /** Longest category accepted. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern FORM =
      Pattern.compile("[a-z][a-z0-9-]{0,31}(\\.[a-z][a-z0-9-]{0,31}){0,7}");

  /** Validates the form. */
  public Category {
    if (value == null || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "category must be dotted lower-case segments such as health.visit");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
