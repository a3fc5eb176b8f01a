package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.internal.go.GoQuote;
import io.github.seldonhpa.promql.internal.go.GoRegexp;
import java.util.ArrayList;
import java.util.List;

/**
 * A Prometheus series selector such as {@code {__name__="seldon_model_infer_total",namespace!=""}} (a
 * rule's {@code seriesQuery}), evaluated against known series the way {@code /api/v1/series} would:
 * {@code =}, {@code !=}, {@code =~}, {@code !~} with fully anchored RE2 regexps, a missing label being "".
 */
final class SeriesSelector {
  private record Matcher(String label, String op, String value, GoRegexp regexp) {
    boolean matches(Series series) {
      String actual = label.equals("__name__") ? series.name() : series.labels().getOrDefault(label, "");
      return switch (op) {
        case "=" -> actual.equals(value);
        case "!=" -> !actual.equals(value);
        case "=~" -> regexp.matches(actual);
        default -> !regexp.matches(actual);
      };
    }
  }

  private final List<Matcher> matchers;

  private SeriesSelector(List<Matcher> matchers) {
    this.matchers = matchers;
  }

  /** Whether the series is selected. */
  boolean matches(Series series) {
    for (Matcher m : matchers) {
      if (!m.matches(series)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses {@code metric}, {@code {matchers}} or {@code metric{matchers}}.
   *
   * @throws HpaValidationException when the text is not a plain series selector
   */
  static SeriesSelector parse(String text) {
    return new Parser(text).parse();
  }

  private static final class Parser {
    private final String text;
    private int i;

    Parser(String text) {
      this.text = text;
    }

    private HpaValidationException error(String what) {
      return new HpaValidationException("seriesQuery must be a series selector such as {__name__=\"m\",namespace!=\"\"}: "
          + what + " at offset " + i + " (was " + GoQuote.quote(text) + ")");
    }

    private void skipSpace() {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }

    private static boolean nameStart(char c, boolean metric) {
      return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (metric && c == ':');
    }

    private String name(boolean metric) {
      int start = i;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (nameStart(c, metric) || (i > start && c >= '0' && c <= '9')) {
          i++;
        } else {
          break;
        }
      }
      return text.substring(start, i);
    }

    SeriesSelector parse() {
      List<Matcher> out = new ArrayList<>();
      skipSpace();
      if (i < text.length() && nameStart(text.charAt(i), true)) {
        out.add(new Matcher("__name__", "=", name(true), null));
        skipSpace();
      }
      if (i < text.length() && text.charAt(i) == '{') {
        i++;
        while (true) {
          skipSpace();
          if (i < text.length() && text.charAt(i) == '}') {
            i++;
            break;
          }
          String label = name(false);
          if (label.isEmpty()) {
            throw error("expected a label name");
          }
          skipSpace();
          String op;
          if (text.startsWith("=~", i) || text.startsWith("!~", i) || text.startsWith("!=", i)) {
            op = text.substring(i, i + 2);
          } else if (text.startsWith("=", i)) {
            op = "=";
          } else {
            throw error("expected =, !=, =~ or !~");
          }
          i += op.length();
          skipSpace();
          String value = string();
          GoRegexp re = op.endsWith("~") ? GoRegexp.compile("^(?s:" + value + ")$") : null;
          out.add(new Matcher(label, op, value, re));
          skipSpace();
          if (i < text.length() && text.charAt(i) == ',') {
            i++;
          } else if (i >= text.length() || text.charAt(i) != '}') {
            throw error("expected , or }");
          }
        }
      }
      skipSpace();
      if (i != text.length() || out.isEmpty()) {
        throw error("unexpected text");
      }
      return new SeriesSelector(List.copyOf(out));
    }

    private String string() {
      if (i >= text.length()) {
        throw error("expected a quoted string");
      }
      char quote = text.charAt(i);
      if (quote != '"' && quote != '\'' && quote != '`') {
        throw error("expected a quoted string");
      }
      int start = i++;
      while (i < text.length() && text.charAt(i) != quote) {
        i += quote != '`' && text.charAt(i) == '\\' ? 2 : 1;
      }
      if (i >= text.length()) {
        throw error("unterminated string");
      }
      i++;
      String body = text.substring(start + 1, i - 1);
      if (quote == '`') {
        return body;
      }
      if (quote == '\'') {
        body = body.replace("\\'", "'").replace("\"", "\\\"");
      }
      return GoQuote.unquote("\"" + body + "\"");
    }
  }
}
