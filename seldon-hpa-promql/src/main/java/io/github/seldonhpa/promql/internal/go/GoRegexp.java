package io.github.seldonhpa.promql.internal.go;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.github.seldonhpa.HpaValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Go {@code regexp} ({@code regexp.Compile}: RE2 syntax, leftmost-first, linear time) on google re2j, a
 * port of Go's own regexp package with Go's syntax and error texts. This class keeps what re2j lacks:
 * Go's {@code Expand} (for {@code name.as}), {@code SubexpNames} with duplicate names (Go allows
 * {@code (?P<n>a)|(?P<n>b)}, re2j refuses it), and the limits Go's parser checks that re2j does not
 * (tree height 1000, nested repeat counts above 1000, program size), with Go's texts. re2j's one
 * differing text, {@code a)}, is bridged to Go's {@code unexpected )}. Offsets are Java string indices
 * (UTF-16), not Go's byte offsets.
 *
 * <p>A regexp longer than {@link #MAX_LENGTH} characters is refused before it is parsed, so an untrusted
 * ConfigMap cannot make the library parse megabytes of pattern.
 */
public final class GoRegexp {
  /**
   * The longest regexp compiled, in characters. Real adapter configs stay under a few hundred; the budget
   * bounds both compilation (a counted repeat per 7 characters: about 600,000 instructions, 40 MB) and
   * matching, which is linear in the text but also in the pattern (a 160,000-character literal takes
   * minutes on a name of the same length).
   */
  public static final int MAX_LENGTH = 4096;

  private final String expr;
  private final Pattern pattern;
  private final List<String> names;
  private final int[] neverMatched;

  private GoRegexp(String expr, Pattern pattern, GoLimits limits) {
    this.expr = expr;
    this.pattern = pattern;
    this.names = Collections.unmodifiableList(limits.names());
    this.neverMatched = limits.neverMatched().stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * {@code regexp.Compile(expr)}.
   *
   * @throws HpaValidationException with Go's message, e.g. {@code error parsing regexp: missing closing ): `(`},
   *     or {@code regexp must be at most 4096 characters (was 160000 characters)}
   */
  public static GoRegexp compile(String expr) {
    if (expr.length() > MAX_LENGTH) {
      throw new HpaValidationException("regexp must be at most " + MAX_LENGTH + " characters (was " + expr.length()
          + " characters)");
    }
    GoLimits limits = GoLimits.check(expr);
    Pattern p;
    try {
      p = Pattern.compile(expr);
    } catch (PatternSyntaxException e) {
      if (e.getDescription().equals("duplicate capture group name")) {
        // Go allows duplicate names; re2j only needs the groups, this class keeps the names
        p = compileUnnamed(limits.unnamed());
      } else {
        throw goError(e, expr);
      }
    }
    return new GoRegexp(expr, p, limits);
  }

  private static Pattern compileUnnamed(String unnamed) {
    try {
      return Pattern.compile(unnamed);
    } catch (PatternSyntaxException e) {
      throw goError(e, unnamed);
    }
  }

  private static HpaValidationException goError(PatternSyntaxException e, String expr) {
    if (e.getDescription().startsWith("regexp/syntax: internal error") && "stack underflow".equals(e.getPattern())) {
      // re2j reports an unopened ) as an internal error; Go says ErrUnexpectedParen with the whole expression
      return new HpaValidationException("error parsing regexp: unexpected ): `" + expr + "`");
    }
    return new HpaValidationException(e.getMessage());
  }

  /** The source text, as Go's {@code String()}. */
  @Override
  public String toString() {
    return expr;
  }

  /** {@code MatchString}: whether {@code s} contains a match (unanchored). */
  public boolean matches(String s) {
    return pattern.matcher(s).find();
  }

  /** {@code NumSubexp}: the number of capturing groups, named or not. */
  int numSubexp() {
    return names.size() - 1;
  }

  /** {@code SubexpNames}: index 0 and unnamed groups are {@code ""}. */
  List<String> subexpNames() {
    return names;
  }

  /** {@code FindStringSubmatchIndex}: start/end pairs of the leftmost match and its groups, -1 for none; null if no match. */
  int[] findSubmatchIndex(String s) {
    Matcher m = pattern.matcher(s);
    if (!m.find()) {
      return null;
    }
    int[] idx = new int[2 * (m.groupCount() + 1)];
    for (int g = 0; g <= m.groupCount(); g++) {
      idx[2 * g] = m.start(g);
      idx[2 * g + 1] = m.end(g);
    }
    for (int g : neverMatched) {
      idx[2 * g] = -1;
      idx[2 * g + 1] = -1;
    }
    return idx;
  }

  /** {@code FindStringSubmatch}: the texts of the leftmost match and its groups (null for a group that did not take part); null if no match. */
  String[] findSubmatch(String s) {
    int[] idx = findSubmatchIndex(s);
    if (idx == null) {
      return null;
    }
    String[] out = new String[idx.length / 2];
    for (int g = 0; g < out.length; g++) {
      out[g] = idx[2 * g] < 0 ? null : s.substring(idx[2 * g], idx[2 * g + 1]);
    }
    return out;
  }

  /**
   * {@code ExpandString(nil, template, src, match)}: {@code $$} is {@code $}; {@code $name} takes the longest
   * run of letters, digits and {@code _}; {@code ${name}} is braced; an all-digit name without a leading zero
   * is a group number; an unknown name, an out-of-range number or a group that did not take part expands
   * to nothing; a malformed reference keeps its {@code $}.
   */
  String expand(String template, String src, int[] match) {
    StringBuilder dst = new StringBuilder(template.length() + 16);
    String t = template;
    while (!t.isEmpty()) {
      int d = t.indexOf('$');
      if (d < 0) {
        break;
      }
      dst.append(t, 0, d);
      t = t.substring(d + 1);
      if (!t.isEmpty() && t.charAt(0) == '$') {
        dst.append('$');
        t = t.substring(1);
        continue;
      }
      Object[] ex = extract(t);
      if (ex == null) {
        dst.append('$');
        continue;
      }
      String name = (String) ex[0];
      int num = (Integer) ex[1];
      t = (String) ex[2];
      if (num >= 0) {
        if (2 * num + 1 < match.length && match[2 * num] >= 0) {
          dst.append(src, match[2 * num], match[2 * num + 1]);
        }
      } else {
        for (int i = 0; i < names.size(); i++) {
          if (name.equals(names.get(i)) && 2 * i + 1 < match.length && match[2 * i] >= 0) {
            dst.append(src, match[2 * i], match[2 * i + 1]);
            break;
          }
        }
      }
    }
    dst.append(t);
    return dst.toString();
  }

  /** Go's {@code extract}: {name, num (-1 for a name), rest}, or null when malformed. */
  private static Object[] extract(String str) {
    if (str.isEmpty()) {
      return null;
    }
    boolean brace = false;
    if (str.charAt(0) == '{') {
      brace = true;
      str = str.substring(1);
    }
    int i = 0;
    while (i < str.length()) {
      int r = str.codePointAt(i);
      if (!Character.isLetter(r) && !Character.isDigit(r) && r != '_') {
        break;
      }
      i += Character.charCount(r);
    }
    if (i == 0) {
      return null;
    }
    String name = str.substring(0, i);
    if (brace) {
      if (i >= str.length() || str.charAt(i) != '}') {
        return null;
      }
      i++;
    }
    int num = 0;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9' || num >= 100_000_000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name.charAt(0) == '0' && name.length() > 1) {
      num = -1;
    }
    return new Object[] {name, num, str.substring(i)};
  }
}
