package io.github.seldonhpa.promql.internal.go;

import java.util.Arrays;
import java.util.List;

/** The few Go regexp calls the adapter code makes, in one place. */
public final class GoEngine {
  private GoEngine() {}

  /** {@code Regexp.SubexpNames()}: index 0 is the whole match, "" for unnamed groups. */
  public static List<String> subexpNames(GoRegexp re) {
    return re.subexpNames();
  }

  /** {@code FindStringSubmatch}: the leftmost match and its groups, null when there is none. */
  public static List<String> findSubmatch(GoRegexp re, String text) {
    String[] m = re.findSubmatch(text);
    return m == null ? null : Arrays.asList(m);
  }

  /** {@code Regexp.ExpandString(nil, template, src, FindStringSubmatchIndex(src))}; null when no match. */
  public static String expandFirstMatch(GoRegexp re, String template, String src) {
    int[] m = re.findSubmatchIndex(src);
    return m == null ? null : re.expand(template, src, m);
  }
}
