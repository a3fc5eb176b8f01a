package io.github.seldonhpa.promql.internal.go;

import io.github.seldonhpa.HpaValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks Go's {@code regexp/syntax} parser makes that re2j does not (Go 1.24, {@code parse.go}):
 * {@code maxHeight} (a syntax tree deeper than 1000: {@code expression nests too deeply}),
 * and {@code repeatIsValid} (nested counted repeats whose product exceeds 1000: {@code invalid repeat count}),
 * plus the capture names in order, which re2j does not give for duplicate names, and the groups under a
 * {@code {0}} repeat. One pass over the text; syntax errors are left to re2j. Go's {@code maxSize}
 * ({@code expression too large}) is not reached within {@link GoRegexp#MAX_LENGTH}.
 */
final class GoLimits {
  private static final int MAX_HEIGHT = 1000;
  private static final int MAX_REPEAT = 1000;

  private final String whole;
  private final List<String> names = new ArrayList<>();
  private final StringBuilder unnamed;
  private final List<Frame> stack = new ArrayList<>();
  private final List<Integer> neverMatched = new ArrayList<>();

  /** An open group: the largest repeat product inside it, and its last atom's. */
  private static final class Frame {
    int maxWeight = 1;
    int lastWeight;
    /** Whether the previous item was an atom a repeat can apply to. */
    boolean hasAtom;
    /** The capture groups opened in this group (from its own) and in its last atom, as index ranges. */
    int groupFrom;
    int lastGroupFrom;
    int lastGroupTo;
  }

  private GoLimits(String whole) {
    this.whole = whole;
    this.unnamed = new StringBuilder(whole.length());
    names.add("");
  }

  /** The capture names ({@code SubexpNames}). */
  List<String> names() {
    return names;
  }

  /**
   * The capture groups under a {@code {0}} repeat: Go reports them as not taking part, where re2j reports an
   * empty match at the start.
   */
  List<Integer> neverMatched() {
    return neverMatched;
  }

  /** The expression with every {@code (?P<name>} and {@code (?<name>} written as {@code (}. */
  String unnamed() {
    return unnamed.toString();
  }

  private HpaValidationException error(String code, String part) {
    return new HpaValidationException("error parsing regexp: " + code + ": `" + part + "`");
  }

  static GoLimits check(String expr) {
    GoLimits limits = new GoLimits(expr);
    limits.scan();
    return limits;
  }

  private void scan() {
    stack.add(new Frame());
    String s = whole;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      switch (c) {
        case '(' -> i = open(s, i);
        case ')' -> {
          close();
          unnamed.append(c);
          i++;
        }
        case '|' -> {
          top().hasAtom = false;
          unnamed.append(c);
          i++;
        }
        case '*', '+', '?' -> {
          i++;
          if (i < s.length() && s.charAt(i) == '?') {
            i++;
          }
          repeat(-1, s.substring(start, i));
          unnamed.append(s, start, i);
        }
        case '{' -> i = brace(s, i);
        case '[' -> i = charClass(s, i);
        case '\\' -> i = escape(s, i);
        default -> {
          atom();
          unnamed.append(c);
          i++;
        }
      }
    }
  }

  private Frame top() {
    return stack.get(stack.size() - 1);
  }

  private void atom() {
    Frame f = top();
    f.lastGroupFrom = 0;
    f.lastGroupTo = 0;
    f.lastWeight = 1;
    f.hasAtom = true;
  }

  private int open(String s, int i) {
    int j = i + 1;
    if (j < s.length() && s.charAt(j) == '?') {
      int nameStart = s.startsWith("P<", j + 1) ? j + 3 : s.startsWith("<", j + 1)
          && !s.startsWith("<=", j + 1) && !s.startsWith("<!", j + 1) ? j + 2 : -1;
      if (nameStart >= 0) {
        int end = s.indexOf('>', nameStart);
        if (end < 0) {
          unnamed.append(s, i, s.length());
          return s.length(); // re2j reports it
        }
        names.add(s.substring(nameStart, end));
        unnamed.append('(');
        push(names.size() - 1);
        return end + 1;
      }
      int k = j + 1;
      while (k < s.length() && "imsU-".indexOf(s.charAt(k)) >= 0) {
        k++;
      }
      unnamed.append(s, i, Math.min(k + 1, s.length()));
      if (k < s.length() && s.charAt(k) == ':') {
        push(names.size());
      }
      // (?flags) sets flags and is no group; anything else is a syntax error re2j reports
      return k + 1;
    }
    names.add("");
    unnamed.append('(');
    push(names.size() - 1);
    return j;
  }

  private void push(int groupFrom) {
    // each group is one more level of the tree (a capture or the concatenation inside it)
    if (stack.size() >= MAX_HEIGHT) {
      throw error("expression nests too deeply", whole);
    }
    Frame f = new Frame();
    f.groupFrom = groupFrom;
    stack.add(f);
  }

  private void close() {
    if (stack.size() == 1) {
      return; // re2j reports the unexpected )
    }
    Frame inner = stack.remove(stack.size() - 1);
    Frame f = top();
    f.lastWeight = Math.max(inner.maxWeight, inner.lastWeight);
    f.lastGroupFrom = inner.groupFrom;
    f.lastGroupTo = names.size();
    f.hasAtom = true;
    f.maxWeight = Math.max(f.maxWeight, f.lastWeight);
  }

  /** A repeat of the last atom: {@code count} for a counted repeat ({@code max(min, max)}), else -1. */
  private void repeat(int count, String text) {
    Frame f = top();
    if (!f.hasAtom) {
      return; // re2j reports the missing argument or the nested repetition
    }
    if (count >= 2 && (long) count * f.lastWeight > MAX_REPEAT) {
      throw error("invalid repeat count", text);
    }
    if (count >= 2) {
      f.lastWeight = count * f.lastWeight;
    }
    f.maxWeight = Math.max(f.maxWeight, f.lastWeight);
    f.hasAtom = false;
  }

  private int brace(String s, int i) {
    int j = i + 1;
    int digits = j;
    while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
      j++;
    }
    if (j == digits) {
      atom();
      unnamed.append('{');
      return i + 1;
    }
    long min = parse(s, digits, j);
    long max = min;
    if (j < s.length() && s.charAt(j) == ',') {
      j++;
      int maxStart = j;
      while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
        j++;
      }
      max = j == maxStart ? -1 : parse(s, maxStart, j);
    }
    if (j >= s.length() || s.charAt(j) != '}') {
      atom();
      unnamed.append('{');
      return i + 1;
    }
    j++;
    if (j < s.length() && s.charAt(j) == '?') {
      j++;
    }
    unnamed.append(s, i, j);
    if (min == 0 && max == 0 && top().hasAtom) {
      for (int g = top().lastGroupFrom; g < top().lastGroupTo; g++) {
        neverMatched.add(g);
      }
    }
    if (min <= MAX_REPEAT && max <= MAX_REPEAT) {
      repeat((int) Math.max(min, max), s.substring(i, j));
    }
    return j;
  }

  private static long parse(String s, int from, int to) {
    return to - from > 9 ? Long.MAX_VALUE : Long.parseLong(s.substring(from, to));
  }

  private int charClass(String s, int i) {
    int j = i + 1;
    if (j < s.length() && s.charAt(j) == '^') {
      j++;
    }
    if (j < s.length() && s.charAt(j) == ']') {
      j++;
    }
    while (j < s.length() && s.charAt(j) != ']') {
      if (s.charAt(j) == '\\') {
        j += 2;
      } else if (s.startsWith("[:", j)) {
        int end = s.indexOf(":]", j + 2);
        j = end < 0 ? j + 1 : end + 2;
      } else {
        j++;
      }
    }
    j = Math.min(j + 1, s.length());
    unnamed.append(s, i, j);
    atom();
    return j;
  }

  private int escape(String s, int i) {
    if (s.startsWith("\\Q", i)) {
      int end = s.indexOf("\\E", i + 2);
      int stop = end < 0 ? s.length() : end + 2;
      unnamed.append(s, i, stop);
      if ((end < 0 ? s.length() : end) > i + 2) {
        atom();
      }
      return stop;
    }
    int j = Math.min(i + 2, s.length());
    if (j < s.length() && s.charAt(j) == '{' && "pPx".indexOf(s.charAt(i + 1)) >= 0) {
      int end = s.indexOf('}', j);
      j = end < 0 ? s.length() : end + 1;
    }
    unnamed.append(s, i, j);
    atom();
    return j;
  }
}
