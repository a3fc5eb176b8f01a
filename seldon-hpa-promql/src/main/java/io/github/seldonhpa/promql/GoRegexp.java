package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Go {@code regexp} (RE2 syntax, {@code regexp.Compile}) translated to {@link Pattern}.
 *
 * <p>The translator parses the expression as Go's {@code regexp/syntax} does and rejects what Go rejects,
 * with Go's error text ({@code error parsing regexp: <reason>: `<part>`}): backreferences, lookaround,
 * atomic groups, possessive and stacked quantifiers, repeat counts above 1000, {@code \Z} and other
 * unknown escapes. It writes Java syntax with Go's meaning: {@code ^}/{@code $} are text anchors unless
 * {@code (?m)}, {@code .} excludes only {@code \n} unless {@code (?s)}, {@code (?U)} swaps greediness,
 * {@code \d \s \w \b} and POSIX classes are ASCII, octal escapes are literals, named groups
 * ({@code (?P<n>…)}, {@code (?<n>…)}, duplicates allowed) become plain groups whose names this class
 * keeps. Matching is leftmost-first as in Go. Offsets are Java string indices (UTF-16), not Go's byte
 * offsets. Unicode classes ({@code \pL}, {@code \p{Greek}}) use the JDK's Unicode tables.
 */
final class GoRegexp {
  private final String expr;
  private final Pattern pattern;
  private final List<String> names;

  private GoRegexp(String expr, Pattern pattern, List<String> names) {
    this.expr = expr;
    this.pattern = pattern;
    this.names = names;
  }

  /**
   * {@code regexp.Compile(expr)}.
   *
   * @throws HpaValidationException with Go's message, e.g. {@code error parsing regexp: missing closing ): `(`}
   */
  static GoRegexp compile(String expr) {
    Translator t = new Translator(expr);
    String java = t.translate();
    Pattern p;
    try {
      p = Pattern.compile(java);
    } catch (PatternSyntaxException e) {
      throw new HpaValidationException(
          "regular expression cannot be translated to java.util.regex (was " + expr + "): " + e.getDescription());
    }
    return new GoRegexp(expr, p, Collections.unmodifiableList(t.names));
  }

  /** The source text, as Go's {@code String()}. */
  @Override
  public String toString() {
    return expr;
  }

  /** {@code MatchString}: whether {@code s} contains a match (unanchored). */
  boolean matches(String s) {
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

  /** The RE2 to java.util.regex translator; follows the structure of Go's regexp/syntax parser. */
  private static final class Translator {
    private static final int FOLD = 1;
    private static final int MULTILINE = 2;
    private static final int DOTNL = 4;
    private static final int NONGREEDY = 8;

    private final String whole;
    final List<String> names = new ArrayList<>();
    private int flags;

    /** An open group: its alternatives (each a list of atoms) and the flags to restore at its end. */
    private static final class Frame {
      final List<List<String>> alts = new ArrayList<>();
      /** Nested repeat products of the current alternative's atoms, and the largest of closed ones. */
      List<Integer> weights = new ArrayList<>();
      int maxWeight = 1;
      final int savedFlags;
      final boolean capture;

      Frame(int savedFlags, boolean capture) {
        this.savedFlags = savedFlags;
        this.capture = capture;
        alts.add(new ArrayList<>());
      }

      List<String> current() {
        return alts.get(alts.size() - 1);
      }
    }

    private final List<Frame> stack = new ArrayList<>();

    Translator(String whole) {
      this.whole = whole;
      names.add("");
    }

    private HpaValidationException error(String code, String part) {
      return new HpaValidationException("error parsing regexp: " + code + ": `" + part + "`");
    }

    String translate() {
      stack.add(new Frame(0, false));
      String t = whole;
      String lastRepeat = "";
      while (!t.isEmpty()) {
        String repeat = "";
        char c = t.charAt(0);
        switch (c) {
          case '(': {
            if (t.startsWith("(?")) {
              t = perlFlags(t);
              break;
            }
            names.add("");
            openGroup(true);
            t = t.substring(1);
            break;
          }
          case '|': {
            Frame f = stack.get(stack.size() - 1);
            f.maxWeight = Math.max(f.maxWeight, maxOf(f.weights));
            f.weights = new ArrayList<>();
            f.alts.add(new ArrayList<>());
            t = t.substring(1);
          }
            break;
          case ')':
            closeGroup();
            t = t.substring(1);
            break;
          case '^':
            atom((flags & MULTILINE) != 0 ? "(?:\\A|(?<=\\n))" : "\\A", 1);
            t = t.substring(1);
            break;
          case '$':
            atom((flags & MULTILINE) != 0 ? "(?=\\n|\\z)" : "\\z", 1);
            t = t.substring(1);
            break;
          case '.':
            atom((flags & DOTNL) != 0 ? "[\\x{0}-\\x{10FFFF}]" : "[^\\n]", 1);
            t = t.substring(1);
            break;
          case '[':
            t = charClass(t);
            break;
          case '*':
          case '+':
          case '?': {
            String before = t;
            String after = t.substring(1);
            after = repeat(String.valueOf(c), 1, before, after, lastRepeat);
            repeat = before;
            t = after;
            break;
          }
          case '{': {
            String before = t;
            int[] mm = parseRepeat(t);
            if (mm == null) {
              literal('{');
              t = t.substring(1);
              break;
            }
            String after = t.substring(mm[2]);
            int min = mm[0];
            int max = mm[1];
            if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)) {
              throw error("invalid repeat count", before.substring(0, before.length() - after.length()));
            }
            String q = "{" + min + (max == -1 ? "," : max == min ? "" : "," + max) + "}";
            int w = Math.max(min, max);
            after = repeat(q, w, before, after, lastRepeat);
            repeat = before;
            t = after;
            break;
          }
          case '\\':
            t = escape(t);
            break;
          default: {
            int r = t.codePointAt(0);
            literal(r);
            t = t.substring(Character.charCount(r));
          }
        }
        lastRepeat = repeat;
      }
      if (stack.size() > 1) {
        throw error("missing closing )", whole);
      }
      return join(stack.get(0));
    }

    private static String join(Frame f) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < f.alts.size(); i++) {
        if (i > 0) {
          sb.append('|');
        }
        for (String a : f.alts.get(i)) {
          sb.append(a);
        }
      }
      return sb.toString();
    }

    private void openGroup(boolean capture) {
      // Go's parser limits the nesting of the syntax tree to a height of 1000.
      if (stack.size() >= 1000) {
        throw error("expression nests too deeply", whole);
      }
      stack.add(new Frame(flags, capture));
    }

    private static int maxOf(List<Integer> weights) {
      int m = 1;
      for (int w : weights) {
        m = Math.max(m, w);
      }
      return m;
    }

    private void closeGroup() {
      if (stack.size() == 1) {
        throw error("unexpected )", whole);
      }
      Frame f = stack.remove(stack.size() - 1);
      flags = f.savedFlags;
      int weight = Math.max(f.maxWeight, maxOf(f.weights));
      atom((f.capture ? "(" : "(?:") + join(f) + ")", weight);
    }

    /** Appends an atom to the current alternative; weight is its nested repeat product. */
    private void atom(String s, int weight) {
      Frame f = stack.get(stack.size() - 1);
      f.current().add(s);
      f.weights.add(weight);
    }

    private void literal(int r) {
      String lit = quoteLiteral(r);
      atom((flags & FOLD) != 0 ? "(?iu:" + lit + ")" : lit, 1);
    }

    private static String quoteLiteral(int r) {
      if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_') {
        return String.valueOf((char) r);
      }
      return "\\x{" + Integer.toHexString(r) + "}";
    }

    /** Go's repeat: applies a quantifier to the last atom; returns the text after it. */
    private String repeat(String op, int count, String before, String after, String lastRepeat) {
      boolean nonGreedy = (flags & NONGREEDY) != 0;
      if (!after.isEmpty() && after.charAt(0) == '?') {
        after = after.substring(1);
        nonGreedy = !nonGreedy;
      }
      if (!lastRepeat.isEmpty()) {
        throw error("invalid nested repetition operator",
            lastRepeat.substring(0, lastRepeat.length() - after.length()));
      }
      List<String> cur = stack.get(stack.size() - 1).current();
      List<Integer> w = stack.get(stack.size() - 1).weights;
      if (cur.isEmpty()) {
        throw error("missing argument to repetition operator",
            before.substring(0, before.length() - after.length()));
      }
      String sub = cur.remove(cur.size() - 1);
      int subWeight = w.remove(w.size() - 1);
      if (op.startsWith("{") && count >= 2 && (long) count * subWeight > 1000) {
        throw error("invalid repeat count", before.substring(0, before.length() - after.length()));
      }
      cur.add("(?:" + sub + ")" + op + (nonGreedy ? "?" : ""));
      w.add(op.startsWith("{") ? Math.max(1, count) * subWeight : subWeight);
      return after;
    }

    /** Go's parseRepeat: {min, max (-1 for none), length consumed} or null when not a repeat. */
    private static int[] parseRepeat(String s) {
      if (s.isEmpty() || s.charAt(0) != '{') {
        return null;
      }
      int i = 1;
      int[] n = parseInt(s, i);
      if (n == null) {
        return null;
      }
      int min = n[0];
      i = n[1];
      int max;
      if (i >= s.length()) {
        return null;
      }
      if (s.charAt(i) != ',') {
        max = min;
      } else {
        i++;
        if (i >= s.length()) {
          return null;
        }
        if (s.charAt(i) == '}') {
          max = -1;
        } else {
          int[] m = parseInt(s, i);
          if (m == null) {
            return null;
          }
          max = m[0];
          i = m[1];
          if (max < 0) {
            min = -1; // too big a number: an invalid count, not an unbounded one
          }
        }
      }
      if (i >= s.length() || s.charAt(i) != '}') {
        return null;
      }
      return new int[] {min, max, i + 1};
    }

    /** Go's parseInt: decimal digits without leading zeros; values above 1e8 become -1 (too big). */
    private static int[] parseInt(String s, int i) {
      int start = i;
      if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
      if (s.length() - i >= 2 && s.charAt(i) == '0' && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
        return null; // leading zero
      }
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      String digits = s.substring(start, i);
      int n = digits.length() >= 8 ? -1 : Integer.parseInt(digits);
      return new int[] {n, i};
    }

    private String perlFlags(String s) {
      String t = s;
      boolean startsWithP = t.length() > 4 && t.charAt(2) == 'P' && t.charAt(3) == '<';
      boolean startsWithName = t.length() > 3 && t.charAt(2) == '<';
      if (startsWithP || startsWithName) {
        int begin = startsWithP ? 4 : 3;
        int end = t.indexOf('>');
        if (end < 0) {
          throw error("invalid named capture", s);
        }
        String capture = t.substring(0, end + 1);
        String name = t.substring(begin, end);
        if (!validCaptureName(name)) {
          throw error("invalid named capture", capture);
        }
        names.add(name);
        openGroup(true);
        return t.substring(end + 1);
      }
      t = t.substring(2);
      int f = flags;
      int sign = 1;
      boolean sawFlag = false;
      while (!t.isEmpty()) {
        int c = t.codePointAt(0);
        t = t.substring(Character.charCount(c));
        boolean stop = false;
        switch (c) {
          case 'i':
            f = sign > 0 ? f | FOLD : f & ~FOLD;
            sawFlag = true;
            break;
          case 'm':
            f = sign > 0 ? f | MULTILINE : f & ~MULTILINE;
            sawFlag = true;
            break;
          case 's':
            f = sign > 0 ? f | DOTNL : f & ~DOTNL;
            sawFlag = true;
            break;
          case 'U':
            f = sign > 0 ? f | NONGREEDY : f & ~NONGREEDY;
            sawFlag = true;
            break;
          case '-':
            if (sign < 0) {
              stop = true;
              break;
            }
            sign = -1;
            sawFlag = false;
            break;
          case ':':
          case ')':
            if (sign < 0 && !sawFlag) {
              stop = true;
              break;
            }
            if (c == ':') {
              openGroup(false);
            }
            flags = f;
            return t;
          default:
            stop = true;
        }
        if (stop) {
          break;
        }
      }
      throw error("invalid or unsupported Perl syntax", s.substring(0, s.length() - t.length()));
    }

    private static boolean validCaptureName(String name) {
      if (name.isEmpty()) {
        return false;
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c != '_' && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
          return false;
        }
      }
      return true;
    }

    // ---- escapes ----

    private String escape(String t) {
      if (t.startsWith("\\Q")) {
        String lit = t.substring(2);
        int e = lit.indexOf("\\E");
        String rest = "";
        if (e >= 0) {
          rest = lit.substring(e + 2);
          lit = lit.substring(0, e);
        }
        for (int i = 0; i < lit.length(); ) {
          int r = lit.codePointAt(i);
          literal(r);
          i += Character.charCount(r);
        }
        return rest;
      }
      if (t.length() >= 2) {
        switch (t.charAt(1)) {
          case 'A':
            atom("\\A", 1);
            return t.substring(2);
          case 'z':
            atom("\\z", 1);
            return t.substring(2);
          case 'b':
            atom("(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))", 1);
            return t.substring(2);
          case 'B':
            atom("(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))", 1);
            return t.substring(2);
          case 'p':
          case 'P': {
            StringBuilder cls = new StringBuilder();
            String rest = unicodeClass(t, cls);
            atom(wrapFold(cls.length() == 0 ? NOTHING : "[" + cls + "]"), 1);
            return rest;
          }
          case 'd':
          case 'D':
          case 's':
          case 'S':
          case 'w':
          case 'W': {
            atom(wrapFold("[" + perlClass(t.charAt(1)) + "]"), 1);
            return t.substring(2);
          }
          default:
            break;
        }
      }
      int[] r = new int[1];
      String rest = escapeRune(t, r);
      literal(r[0]);
      return rest;
    }

    private String wrapFold(String cls) {
      return (flags & FOLD) != 0 ? "(?iu:" + cls + ")" : cls;
    }

    private static final String NOTHING = "[^\\x{0}-\\x{10ffff}]";

    private static final int[] DIGIT = {'0', '9'};
    private static final int[] SPACE = {'\t', '\n', '\f', '\r', ' ', ' '};
    private static final int[] WORD = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};

    /** The Java class body (ranges, without brackets) for Go's ASCII \d \D \s \S \w \W. */
    private static String perlClass(char c) {
      int[] set = c == 'd' || c == 'D' ? DIGIT : c == 's' || c == 'S' ? SPACE : WORD;
      return ranges(Character.isUpperCase(c) ? complement(set) : set);
    }

    /** Sorted inclusive [lo, hi] pairs as Java class items. */
    private static String ranges(int[] r) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i += 2) {
        sb.append("\\x{").append(Integer.toHexString(r[i])).append('}');
        if (r[i + 1] != r[i]) {
          sb.append("-\\x{").append(Integer.toHexString(r[i + 1])).append('}');
        }
      }
      return sb.toString();
    }

    /** The complement of sorted disjoint [lo, hi] pairs within U+0000..U+10FFFF. */
    private static int[] complement(int[] r) {
      List<Integer> out = new ArrayList<>();
      int next = 0;
      for (int i = 0; i < r.length; i += 2) {
        if (r[i] > next) {
          out.add(next);
          out.add(r[i] - 1);
        }
        next = r[i + 1] + 1;
      }
      if (next <= 0x10FFFF) {
        out.add(next);
        out.add(0x10FFFF);
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Go's parseEscape for a single rune; returns the rest of the text. */
    private String escapeRune(String s, int[] out) {
      String t = s.substring(1);
      if (t.isEmpty()) {
        throw error("trailing backslash at end of expression", "");
      }
      int c = t.codePointAt(0);
      t = t.substring(Character.charCount(c));
      switch (c) {
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
          if (t.isEmpty() || t.charAt(0) < '0' || t.charAt(0) > '7') {
            break;
          }
          // fall through: an octal escape of two or three digits
        case '0': {
          int r = c - '0';
          for (int i = 1; i < 3; i++) {
            if (t.isEmpty() || t.charAt(0) < '0' || t.charAt(0) > '7') {
              break;
            }
            r = r * 8 + (t.charAt(0) - '0');
            t = t.substring(1);
          }
          out[0] = r;
          return t;
        }
        case 'x': {
          if (t.isEmpty()) {
            break;
          }
          int c1 = t.codePointAt(0);
          t = t.substring(Character.charCount(c1));
          if (c1 == '{') {
            int nhex = 0;
            int r = 0;
            while (true) {
              if (t.isEmpty()) {
                throw error("invalid escape sequence", s.substring(0, s.length() - t.length()));
              }
              int ch = t.codePointAt(0);
              t = t.substring(Character.charCount(ch));
              if (ch == '}') {
                break;
              }
              int v = ch < 0x80 ? Character.digit(ch, 16) : -1;
              if (v < 0) {
                throw error("invalid escape sequence", s.substring(0, s.length() - t.length()));
              }
              r = r * 16 + v;
              if (r > 0x10FFFF) {
                throw error("invalid escape sequence", s.substring(0, s.length() - t.length()));
              }
              nhex++;
            }
            if (nhex == 0) {
              throw error("invalid escape sequence", s.substring(0, s.length() - t.length()));
            }
            out[0] = r;
            return t;
          }
          if (t.isEmpty()) {
            break;
          }
          int c2 = t.codePointAt(0);
          t = t.substring(Character.charCount(c2));
          int x = c1 < 0x80 ? Character.digit(c1, 16) : -1;
          int y = c2 < 0x80 ? Character.digit(c2, 16) : -1;
          if (x < 0 || y < 0) {
            break;
          }
          out[0] = x * 16 + y;
          return t;
        }
        case 'a':
          out[0] = 7;
          return t;
        case 'f':
          out[0] = '\f';
          return t;
        case 'n':
          out[0] = '\n';
          return t;
        case 'r':
          out[0] = '\r';
          return t;
        case 't':
          out[0] = '\t';
          return t;
        case 'v':
          out[0] = 0x0B;
          return t;
        default:
          if (c < 0x80 && !Character.isLetterOrDigit(c)) {
            out[0] = c; // escaped punctuation is literal
            return t;
          }
          break;
      }
      throw error("invalid escape sequence", s.substring(0, s.length() - t.length()));
    }

    /** Parses {@code \pX}, {@code \p{Name}}, {@code \PX}, {@code \p{^Name}}; appends Java class syntax. */
    private String unicodeClass(String s, StringBuilder out) {
      boolean negate = s.charAt(1) == 'P';
      String t = s.substring(2);
      if (t.isEmpty()) {
        throw error("invalid character class range", s);
      }
      String name;
      String seq;
      int c = t.codePointAt(0);
      if (c != '{') {
        seq = s.substring(0, 2 + Character.charCount(c));
        name = new String(Character.toChars(c));
        t = t.substring(Character.charCount(c));
      } else {
        int end = t.indexOf('}');
        if (end < 0) {
          throw error("invalid character class range", s);
        }
        seq = s.substring(0, 2 + end + 1);
        name = t.substring(1, end);
        t = t.substring(end + 1);
      }
      if (!name.isEmpty() && name.charAt(0) == '^') {
        negate = !negate;
        name = name.substring(1);
      }
      if (name.equals("Any")) {
        // Every rune, or (negated) none: a negated Any adds nothing to a class.
        out.append(negate ? "" : "\\x{0}-\\x{10ffff}");
        return t;
      }
      String items = javaProperty(name, negate);
      if (items == null) {
        throw error("invalid character class range", seq);
      }
      out.append(items);
      return t;
    }

    /** Go's unicode.Categories names. */
    private static final java.util.Set<String> CATEGORIES = java.util.Set.of(
        "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl",
        "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");

    /**
     * Java class items for a Go Unicode class name, or null when Go would not know it. Go's {@code C} is
     * Cc, Cf, Co and Cs only (Java's includes unassigned runes), so it is spelt out, and so is its
     * complement.
     */
    private static String javaProperty(String name, boolean negate) {
      if (name.equals("C")) {
        return negate ? "\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Z}\\p{Cn}" : "\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}";
      }
      String prop = null;
      if (CATEGORIES.contains(name)) {
        prop = name;
      } else if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
        try {
          Character.UnicodeScript script = Character.UnicodeScript.forName(name);
          if (script != Character.UnicodeScript.UNKNOWN && script.name().equalsIgnoreCase(name)
              && (titleCase(script.name()).equals(name) || name.equals("SignWriting"))) {
            prop = "Is" + name;
          }
        } catch (IllegalArgumentException e) {
          prop = null;
        }
      }
      if (prop == null) {
        return null;
      }
      return (negate ? "\\P{" : "\\p{") + prop + "}";
    }

    /** OLD_ITALIC to Old_Italic, the spelling of Go's unicode.Scripts keys. */
    private static String titleCase(String enumName) {
      StringBuilder sb = new StringBuilder(enumName.length());
      boolean upper = true;
      for (char c : enumName.toCharArray()) {
        sb.append(upper ? c : Character.toLowerCase(c));
        upper = c == '_';
      }
      return sb.toString();
    }

    // ---- character classes ----

    private static final String[] POSIX_NAMES = {
      "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space",
      "upper", "word", "xdigit"
    };
    private static final int[][] POSIX_RANGES = {
      {'0', '9', 'A', 'Z', 'a', 'z'},
      {'A', 'Z', 'a', 'z'},
      {0, 0x7f},
      {'\t', '\t', ' ', ' '},
      {0, 0x1f, 0x7f, 0x7f},
      {'0', '9'},
      {'!', '~'},
      {'a', 'z'},
      {' ', '~'},
      {'!', '/', ':', '@', '[', '`', '{', '~'},
      {'\t', '\r', ' ', ' '},
      {'A', 'Z'},
      {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'},
      {'0', '9', 'A', 'F', 'a', 'f'},
    };

    /** Go's parseClass: translates {@code [...]} into a Java class; returns the text after it. */
    private String charClass(String s) {
      String t = s.substring(1);
      StringBuilder items = new StringBuilder();
      boolean negate = false;
      if (!t.isEmpty() && t.charAt(0) == '^') {
        negate = true;
        t = t.substring(1);
      }
      boolean first = true;
      while (t.isEmpty() || t.charAt(0) != ']' || first) {
        if (t.isEmpty()) {
          throw error("missing closing ]", s);
        }
        // A leading ']' is a literal; '-' is literal anywhere in Perl mode.
        first = false;
        if (t.startsWith("[:")) {
          int end = t.indexOf(":]", 2);
          if (end >= 0) {
            String name = t.substring(2, end);
            boolean neg = name.startsWith("^");
            if (neg) {
              name = name.substring(1);
            }
            int[] set = null;
            for (int k = 0; k < POSIX_NAMES.length; k++) {
              if (POSIX_NAMES[k].equals(name)) {
                set = POSIX_RANGES[k];
              }
            }
            if (set == null) {
              throw error("invalid character class range", t.substring(0, end + 2));
            }
            items.append(ranges(neg ? complement(set) : set));
            t = t.substring(end + 2);
            continue;
          }
        }
        if (t.length() > 2 && t.charAt(0) == '\\' && (t.charAt(1) == 'p' || t.charAt(1) == 'P')) {
          t = unicodeClass(t, items);
          continue;
        }
        if (t.length() >= 2 && t.charAt(0) == '\\' && "dDsSwW".indexOf(t.charAt(1)) >= 0) {
          items.append(perlClass(t.charAt(1)));
          t = t.substring(2);
          continue;
        }
        String rangeStart = t;
        int[] lo = new int[1];
        t = classChar(t, lo, s);
        int hi = lo[0];
        if (t.length() >= 2 && t.charAt(0) == '-' && t.charAt(1) != ']') {
          t = t.substring(1);
          int[] h = new int[1];
          t = classChar(t, h, s);
          hi = h[0];
          if (hi < lo[0]) {
            throw error("invalid character class range",
                rangeStart.substring(0, rangeStart.length() - t.length()));
          }
        }
        items.append("\\x{").append(Integer.toHexString(lo[0])).append('}');
        if (hi != lo[0]) {
          items.append("-\\x{").append(Integer.toHexString(hi)).append('}');
        }
      }
      t = t.substring(1);
      String cls = items.length() == 0 ? (negate ? "[\\x{0}-\\x{10ffff}]" : NOTHING)
          : negate ? "[^" + items + "]" : "[" + items + "]";
      // Go's negated classes match \n too (unlike Perl), and so do Java's: nothing to add.
      atom(wrapFold(cls), 1);
      return t;
    }

    /** One class character (possibly escaped); returns the rest. */
    private String classChar(String t, int[] out, String whole) {
      if (t.isEmpty()) {
        throw error("missing closing ]", whole);
      }
      if (t.charAt(0) == '\\') {
        return escapeRune(t, out);
      }
      int r = t.codePointAt(0);
      out[0] = r;
      return t.substring(Character.charCount(r));
    }
  }

}
