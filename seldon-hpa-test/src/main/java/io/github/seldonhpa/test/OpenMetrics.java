package io.github.seldonhpa.test;

import java.math.BigDecimal;
import java.time.Instant;

/** The text details of the OpenMetrics exposition format that {@code promtool} reads. */
final class OpenMetrics {
  private OpenMetrics() {}

  /** A label value in double quotes: backslash, double quote and line feed escaped. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** The exact decimal of the double, so that Prometheus reads back the same double. */
  static String number(double value) {
    return new BigDecimal(value).toPlainString();
  }

  /** Unix seconds, with the milliseconds when there are any (Prometheus' precision). */
  static String timestamp(Instant time) {
    long millis = time.toEpochMilli();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : BigDecimal.valueOf(millis, 3).toPlainString();
  }
}
