package io.mip.profile;

import java.util.regex.Pattern;

/**
 * What a consent grant covers: an exact category ({@code health.visit}), every category under a
 * prefix ({@code health.*} matches {@code health.visit} and {@code health.lab.result}, not {@code
 * health} itself nor {@code healthcare.x}), or everything ({@code *}).
 */
public record CategoryPattern(String value) {
  private static final Pattern FORM =
      Pattern.compile("\\*|[a-z][a-z0-9-]{0,31}(\\.[a-z][a-z0-9-]{0,31}){0,7}(\\.\\*)?");

  /** Validates the form. */
  public CategoryPattern {
    if (value == null
        || value.length() > Category.MAX_LENGTH + 2
        || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "category pattern must be '*', a category, or a category prefix ending in '.*'");
    }
  }

  /** Returns whether this pattern covers {@code category}. */
  public boolean matches(Category category) {
    if (value.equals("*")) {
      return true;
    }
    if (value.endsWith(".*")) {
      String prefix = value.substring(0, value.length() - 1);
      return category.value().startsWith(prefix);
    }
    return value.equals(category.value());
  }

  @Override
  public String toString() {
    return value;
  }
}
