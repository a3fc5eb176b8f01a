package io.github.seldonhpa.test;

import io.github.seldonhpa.HpaValidationException;

/** The library's validation error, {@code <field> <rule> (was <value>)}, for this module's builders. */
final class Validation {
  private Validation() {}

  /** Throws {@link HpaValidationException} with the formatted message unless the condition holds. */
  static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new HpaValidationException(String.format(format, args));
    }
  }
}
