package io.github.seldonhpa.internal;

import io.github.seldonhpa.HpaValidationException;
import java.time.Duration;
import java.util.regex.Pattern;

/** Validation helpers shared by the value types. Not API. */
public final class Checks {
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Checks() {}

  /** Throws {@link HpaValidationException} with the formatted message unless the condition holds. */
  public static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new HpaValidationException(String.format(format, args));
    }
  }

  /** {@code field} must be in {@code min..max}. */
  public static void range(String field, long value, long min, long max) {
    check(value >= min && value <= max, "%s must be in %d..%d (was %d)", field, min, max, value);
  }

  /** Kubernetes stores durations in whole seconds: a fraction would be silently dropped. */
  public static void wholeSeconds(String field, Duration value) {
    check(value.getNano() == 0,
        "%s must be whole seconds (was %s)", field, value);
  }

  /** A Kubernetes object name: a DNS-1123 subdomain of at most 253 characters. */
  public static void dns1123Subdomain(String field, String value) {
    check(value.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(value).matches(),
        "%s must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending"
            + " with a letter or digit, at most 253 characters (was \"%s\")", field, value);
  }

  /** A namespace name: a DNS-1123 label of at most 63 characters. */
  public static void dns1123Label(String field, String value) {
    check(value.length() <= 63 && DNS_1123_LABEL.matcher(value).matches(),
        "%s must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a"
            + " letter or digit, at most 63 characters (was \"%s\")", field, value);
  }
}
