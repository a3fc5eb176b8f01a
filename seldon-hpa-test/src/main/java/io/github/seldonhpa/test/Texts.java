package io.github.seldonhpa.test;

import io.github.seldonhpa.k8s.QueryResult;
import io.github.seldonhpa.k8s.QuerySample;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** How the assertions write numbers, samples and text differences in their messages. */
final class Texts {
  private Texts() {}

  /** {@code 40}, {@code 7.5}, {@code 0.1}: no trailing {@code .0}, never an exponent for ordinary values. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** {@code {model="irisa0"} 7.5, {model="income"} 4.0625}, or {@code no samples}. */
  static String samples(QueryResult result) {
    if (result.samples().isEmpty()) {
      return "no samples";
    }
    return result.samples().stream().map(Texts::sample).collect(Collectors.joining(", "));
  }

  static String sample(QuerySample s) {
    return s.labels().entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
        .collect(Collectors.joining(",", "{", "}")) + " " + number(s.value());
  }

  /** Where two texts first differ: {@code line 3: expected "..." but was "..."}. */
  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? "\"" + e[i] + "\"" : "(no line)";
      String al = i < a.length ? "\"" + a[i] + "\"" : "(no line)";
      if (!el.equals(al)) {
        return "line " + (i + 1) + ": expected " + el + " but was " + al;
      }
    }
    return "no line differs";
  }

  /** The message as AssertJ's {@code failWithMessage} format: no format specifiers. */
  static String literal(String message) {
    return message.replace("%", "%%");
  }
}
