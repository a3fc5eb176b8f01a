package io.github.seldonhpa.internal;

import io.github.seldonhpa.HpaValidationException;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Validation helpers shared by the value types. Not API. */
public final class Checks {
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  private Checks() {}

  /** Throws {@link HpaValidationException} with the formatted message unless the condition holds. */
  public static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new HpaValidationException(String.format(format, args));
    }
  }

  /** Kubernetes stores durations in whole seconds: a fraction would be silently dropped. */
  public static void wholeSeconds(String field, Duration value) {
    check(value.getNano() == 0,
        "%s must be whole seconds (was %s)", field, value);
  }

  /** A Kubernetes object name: a DNS-1123 subdomain of at most 253 characters. */
  public static void dns1123Subdomain(String field, String value) {
    check(isDns1123Subdomain(value),
        "%s must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending"
            + " with a letter or digit, at most 253 characters (was \"%s\")", field, value);
  }

  /** A namespace name: a DNS-1123 label of at most 63 characters. */
  public static void dns1123Label(String field, String value) {
    check(isDns1123Label(value),
        "%s must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a"
            + " letter or digit, at most 63 characters (was \"%s\")", field, value);
  }

  /** Whether {@code value} is a DNS-1123 subdomain of at most 253 characters (an object name). */
  public static boolean isDns1123Subdomain(String value) {
    return value.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(value).matches();
  }

  /** Whether {@code value} is a DNS-1123 label of at most 63 characters (a namespace). */
  public static boolean isDns1123Label(String value) {
    return value.length() <= 63 && DNS_1123_LABEL.matcher(value).matches();
  }

  /** Whether {@code value} can be a URL path segment ({@code IsValidPathSegmentName}). */
  public static boolean isPathSegment(String value) {
    return !value.isEmpty() && !value.equals(".") && !value.equals("..") && value.indexOf('/') < 0
        && value.indexOf('%') < 0;
  }

  /** Not empty and not only white space. */
  public static void notBlank(String field, String value) {
    check(!value.trim().isEmpty(), "%s must not be blank (was \"%s\")", field, value);
  }

  /**
   * A name the API server puts in a URL path (kinds, metric names): not empty, not {@code .} or
   * {@code ..}, without {@code /} or {@code %}.
   */
  public static void pathSegment(String field, String value) {
    check(isPathSegment(value),
        "%s must be a valid path segment: not empty, not . or .., without / or %% (was \"%s\")", field, value);
  }

  /** A label key: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters. */
  public static void labelKey(String field, String key) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = key.substring(slash + 1);
    boolean ok = name.length() <= 63 && LABEL_NAME.matcher(name).matches()
        && (prefix == null || prefix.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(prefix).matches());
    check(ok, "%s must be a label key: an optional DNS-1123 prefix and '/', then at most 63 letters, digits,"
        + " '-', '_' or '.', starting and ending with a letter or digit (was \"%s\")", field, key);
  }

  /** A label value: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric. */
  public static void labelValue(String field, String value) {
    check(value.isEmpty() || value.length() <= 63 && LABEL_NAME.matcher(value).matches(),
        "%s must be a label value: empty or at most 63 letters, digits, '-', '_' or '.', starting and ending"
            + " with a letter or digit (was \"%s\")", field, value);
  }

  /**
   * The constant of {@code values} whose YAML spelling is {@code value}; otherwise throws
   * {@code <field> must be A, B or C (was "<value>")} listing the spellings in declaration order.
   */
  public static <E> E yamlConstant(String field, String value, E[] values, Function<E, String> yamlName) {
    for (E e : values) {
      if (yamlName.apply(e).equals(value)) {
        return e;
      }
    }
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      names.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append(yamlName.apply(values[i]));
    }
    throw new HpaValidationException(String.format("%s must be %s (was \"%s\")", field, names, value));
  }
}
