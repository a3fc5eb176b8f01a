package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus duration text ({@code model.Duration}), as used for rate windows and
 * {@code resourceRules.window}: {@code 2m}, {@code 1m30s}, {@code 1h}, {@code 500ms}, {@code 1w}.
 */
public final class PrometheusDuration {
  private static final Pattern SYNTAX = Pattern.compile(
      "(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?");
  private static final long[] UNIT_MS = {
    365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600_000L, 60_000L, 1000L, 1L
  };
  private static final String[] UNIT = {"y", "w", "d", "h", "m", "s", "ms"};

  private PrometheusDuration() {}

  /**
   * Formats as Prometheus does: largest units first, years and weeks only when they divide the rest
   * exactly ({@code 90s} is {@code 1m30s}, {@code 14d} is {@code 2w}, zero is {@code 0s}).
   *
   * @param duration a duration at least 0, in whole milliseconds
   * @return the Prometheus text, such as {@code 1m30s}
   * @throws HpaValidationException for negative durations or fractions of a millisecond
   */
  public static String format(Duration duration) {
    if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
      throw new HpaValidationException(
          "duration must be zero or positive whole milliseconds (was " + duration + ")");
    }
    long ms = duration.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < UNIT.length; i++) {
      boolean exactOnly = i < 2;
      if (exactOnly && ms % UNIT_MS[i] != 0) {
        continue;
      }
      long v = ms / UNIT_MS[i];
      if (v > 0) {
        out.append(v).append(UNIT[i]);
        ms -= v * UNIT_MS[i];
      }
    }
    return out.toString();
  }

  /**
   * Parses Prometheus duration text ({@code model.ParseDuration}): units in order y, w, d, h, m, s, ms,
   * each at most once, or {@code 0}.
   *
   * @param field the field named in the error, e.g. {@code resourceRules.window}
   * @param text the duration as written, such as {@code 1m30s}
   * @return the duration
   * @throws HpaValidationException for text Prometheus rejects
   */
  public static Duration parse(String field, String text) {
    if ("0".equals(text)) {
      return Duration.ZERO;
    }
    Matcher m = SYNTAX.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new HpaValidationException(
          field + " must be a Prometheus duration such as 5m or 1m30s (was \"" + text + "\")");
    }
    long ms = 0;
    for (int i = 0; i < UNIT.length; i++) {
      String g = m.group(i + 1);
      if (g != null) {
        try {
          ms = Math.addExact(ms, Math.multiplyExact(Long.parseLong(g), UNIT_MS[i]));
        } catch (ArithmeticException | NumberFormatException e) {
          throw new HpaValidationException(field + " must fit in 64 bits of milliseconds (was \"" + text + "\")");
        }
      }
    }
    return Duration.ofMillis(ms);
  }
}
