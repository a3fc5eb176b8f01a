package io.github.seldonhpa.promql.internal.go;

import io.github.seldonhpa.HpaValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt} package for the values a template can hold: {@code Sprint}, {@code Sprintln} and
 * {@code Sprintf} with the verbs {@code %v %+v %#v %T %s %q %d %b %o %O %x %X %c %U %e %E %f %F %g %G %t}
 * and {@code %%}, the flags {@code - + # 0 space}, width, precision, {@code *} and explicit argument
 * indexes {@code %[n]d}, and Go's error forms ({@code %!d(string=x)}, {@code %!d(MISSING)},
 * {@code %!(EXTRA string=x)}, {@code %!(NOVERB)}, {@code %!d(BADINDEX)}, {@code %!(BADWIDTH)},
 * {@code %!(BADPREC)}).
 *
 * <p>Values: {@link String} (string), {@link Long}/{@link Integer}/{@link Short}/{@link Byte} (int),
 * {@link Double} (float64), {@link Boolean} (bool), {@link List} (slice), {@link Map}
 * ({@code map[string]string}), {@link GoMap}, {@link GoStruct} and {@code null} (nil). Map keys print in
 * Go's sorted order (byte-wise, which is code point order). Floats print with Go's shortest
 * representation for {@code %v} ({@code 1e+06}, {@code 1.5}, {@code 100000}).
 */
final class GoFormat {
  private GoFormat() {}

  private static final String LDIGITS = "0123456789abcdefx";
  private static final String UDIGITS = "0123456789ABCDEFX";

  /** {@code fmt.Sprint(args...)}: spaces only between operands when neither is a string. */
  static String sprint(Object... args) {
    StringBuilder out = new StringBuilder();
    print(out, args);
    return out.toString();
  }

  /** {@code fmt.Sprintln(args...)}: operands always separated by spaces, then a newline. */
  static String sprintln(Object... args) {
    StringBuilder out = new StringBuilder();
    println(out, args);
    return out.toString();
  }

  /** {@code fmt.Sprintf(format, args...)}. */
  static String sprintf(String format, Object... args) {
    StringBuilder out = new StringBuilder(format.length() + 16);
    printf(out, format, args);
    return out.toString();
  }

  /** {@code fmt.Fprint(out, args...)}. */
  static void print(StringBuilder out, Object[] args) {
    Printer p = null;
    boolean prevString = false;
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      boolean isString = arg instanceof String;
      if (i > 0 && !isString && !prevString) {
        out.append(' ');
      }
      if (!appendSimple(out, arg)) {
        if (p == null) {
          p = new Printer(out);
        }
        p.printArg(arg, 'v');
      }
      prevString = isString;
    }
  }

  /** {@code fmt.Fprintln(out, args...)}. */
  static void println(StringBuilder out, Object[] args) {
    Printer p = null;
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      if (!appendSimple(out, args[i])) {
        if (p == null) {
          p = new Printer(out);
        }
        p.printArg(args[i], 'v');
      }
    }
    out.append('\n');
  }

  /** {@code fmt.Fprint(out, value)} for one value: what a template action prints. */
  static void appendValue(StringBuilder out, Object value) {
    if (!appendSimple(out, value)) {
      new Printer(out).printArg(value, 'v');
    }
  }

  /** {@code fmt.Fprintf(out, format, args...)}. */
  static void printf(StringBuilder out, String format, Object[] args) {
    new Printer(out).doPrintf(format, args);
  }

  /** Prints the common scalar cases of {@code %v} without a printer; false when {@code v} needs one. */
  private static boolean appendSimple(StringBuilder out, Object v) {
    if (v instanceof String) {
      out.append((String) v);
      return true;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      out.append(((Number) v).longValue());
      return true;
    }
    if (v instanceof Boolean) {
      out.append(((Boolean) v).booleanValue());
      return true;
    }
    return false;
  }

  /** Go's {@code reflect.Type.String()} of a template value ({@code <nil>} for nil). */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof GoStruct) {
      return ((GoStruct) v).typeName();
    }
    if (v instanceof GoMap) {
      return ((GoMap) v).typeName();
    }
    if (v instanceof Map) {
      return "map[string]string";
    }
    if (v instanceof List) {
      for (Object e : (List<?>) v) {
        if (!(e instanceof String)) {
          return "[]interface {}";
        }
      }
      return "[]string";
    }
    throw unsupported(v);
  }

  static HpaValidationException unsupported(Object v) {
    return new HpaValidationException(
        "template data value type not supported (was " + v.getClass().getName() + ")");
  }

  /** Go's string order: byte-wise on UTF-8, which is code point order (not UTF-16 unit order). */
  static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        // Surrogates (supplementary runes) sort above every BMP rune in code point order.
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }

  static List<String> sortedKeys(Map<String, ?> m) {
    List<String> keys = new ArrayList<>(m.keySet());
    keys.sort(GoFormat::compareStrings);
    return keys;
  }

  /** One formatting run: Go's {@code pp} with its {@code fmt} flags. */
  private static final class Printer {
    private final StringBuilder buf;
    private boolean minus;
    private boolean plus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private boolean widPresent;
    private boolean precPresent;
    private int wid;
    private int prec;
    private boolean reordered;
    private boolean goodArgNum;

    Printer(StringBuilder buf) {
      this.buf = buf;
    }

    private void clearFlags() {
      minus = plus = sharp = space = zero = plusV = sharpV = widPresent = precPresent = false;
      wid = prec = 0;
    }

    void doPrintf(String format, Object[] a) {
      int end = format.length();
      int argNum = 0;
      boolean afterIndex;
      reordered = false;
      int i = 0;
      formatLoop:
      while (i < end) {
        goodArgNum = true;
        int lasti = i;
        while (i < end && format.charAt(i) != '%') {
          i++;
        }
        if (i > lasti) {
          buf.append(format, lasti, i);
        }
        if (i >= end) {
          break;
        }
        i++; // the '%'
        clearFlags();
        simple:
        for (; i < end; i++) {
          char c = format.charAt(i);
          switch (c) {
            case '#':
              sharp = true;
              break;
            case '0':
              zero = !minus;
              break;
            case '+':
              plus = true;
              break;
            case '-':
              minus = true;
              zero = false;
              break;
            case ' ':
              space = true;
              break;
            default:
              if (c >= 'a' && c <= 'z' && argNum < a.length) {
                if (c == 'v') {
                  sharpV = sharp;
                  sharp = false;
                  plusV = plus;
                  plus = false;
                }
                printArg(a[argNum], c);
                argNum++;
                i++;
                continue formatLoop;
              }
              break simple;
          }
        }
        int[] r = argNumber(argNum, format, i, a.length);
        argNum = r[0];
        i = r[1];
        afterIndex = r[2] != 0;
        if (i < end && format.charAt(i) == '*') {
          i++;
          int[] w = intFromArg(a, argNum);
          wid = w[0];
          widPresent = w[1] != 0;
          argNum = w[2];
          if (!widPresent) {
            buf.append("%!(BADWIDTH)");
          }
          if (wid < 0) {
            wid = -wid;
            minus = true;
            zero = false;
          }
          afterIndex = false;
        } else {
          int[] n = parseNum(format, i, end);
          wid = n[0];
          widPresent = n[1] != 0;
          i = n[2];
          if (afterIndex && widPresent) {
            goodArgNum = false;
          }
        }
        if (i + 1 < end && format.charAt(i) == '.') {
          i++;
          if (afterIndex) {
            goodArgNum = false;
          }
          r = argNumber(argNum, format, i, a.length);
          argNum = r[0];
          i = r[1];
          afterIndex = r[2] != 0;
          if (i < end && format.charAt(i) == '*') {
            i++;
            int[] w = intFromArg(a, argNum);
            prec = w[0];
            precPresent = w[1] != 0;
            argNum = w[2];
            if (prec < 0) {
              prec = 0;
              precPresent = false;
            }
            if (!precPresent) {
              buf.append("%!(BADPREC)");
            }
            afterIndex = false;
          } else {
            int[] n = parseNum(format, i, end);
            prec = n[0];
            precPresent = n[1] != 0;
            i = n[2];
            if (!precPresent) {
              prec = 0;
              precPresent = true;
            }
          }
        }
        if (!afterIndex) {
          r = argNumber(argNum, format, i, a.length);
          argNum = r[0];
          i = r[1];
        }
        if (i >= end) {
          buf.append("%!(NOVERB)");
          break;
        }
        int verb = format.codePointAt(i);
        i += Character.charCount(verb);
        if (verb == '%') {
          buf.append('%');
        } else if (!goodArgNum) {
          buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
        } else if (argNum >= a.length) {
          buf.append("%!").appendCodePoint(verb).append("(MISSING)");
        } else {
          if (verb == 'v') {
            sharpV = sharp;
            sharp = false;
            plusV = plus;
            plus = false;
          }
          printArg(a[argNum], verb);
          argNum++;
        }
      }
      if (!reordered && argNum < a.length) {
        clearFlags();
        buf.append("%!(EXTRA ");
        for (int k = argNum; k < a.length; k++) {
          if (k > argNum) {
            buf.append(", ");
          }
          Object arg = a[k];
          if (arg == null) {
            buf.append("<nil>");
          } else {
            buf.append(typeName(arg)).append('=');
            printArg(arg, 'v');
          }
        }
        buf.append(')');
      }
    }

    /** Go's {@code argNumber}: returns {argNum, i, found}. */
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
      if (format.length() <= i || format.charAt(i) != '[') {
        return new int[] {argNum, i, 0};
      }
      reordered = true;
      String f = format.substring(i);
      int index = 0;
      int w = 1;
      boolean ok = false;
      if (f.length() >= 3) {
        for (int k = 1; k < f.length(); k++) {
          if (f.charAt(k) == ']') {
            int[] n = parseNum(f, 1, k);
            if (n[1] == 0 || n[2] != k) {
              w = k + 1;
            } else {
              index = n[0] - 1;
              w = k + 1;
              ok = true;
            }
            break;
          }
        }
      }
      if (ok && index >= 0 && index < numArgs) {
        return new int[] {index, i + w, 1};
      }
      goodArgNum = false;
      return new int[] {argNum, i + w, ok ? 1 : 0};
    }

    /** Go's {@code parsenum}: returns {num, isnum, newi}. */
    private static int[] parseNum(String s, int start, int end) {
      if (start >= end) {
        return new int[] {0, 0, end};
      }
      int num = 0;
      boolean isnum = false;
      int i = start;
      for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
        if (num > 1_000_000) {
          return new int[] {0, 0, end}; // Go's tooLarge: the rest of the verb is swallowed
        }
        num = num * 10 + (s.charAt(i) - '0');
        isnum = true;
      }
      return new int[] {num, isnum ? 1 : 0, i};
    }

    /** Go's {@code intFromArg}: returns {num, isInt, newArgNum}. */
    private static int[] intFromArg(Object[] a, int argNum) {
      int num = 0;
      boolean isInt = false;
      int newArgNum = argNum;
      if (argNum < a.length) {
        Object v = a[argNum];
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
          long n = ((Number) v).longValue();
          if (n >= -1_000_000 && n <= 1_000_000) {
            num = (int) n;
            isInt = true;
          }
        }
        newArgNum = argNum + 1;
      }
      return new int[] {num, isInt ? 1 : 0, newArgNum};
    }

    void printArg(Object arg, int verb) {
      if (arg == null) {
        if (verb == 'T' || verb == 'v') {
          padString("<nil>");
        } else {
          badVerb(verb, null, true);
        }
        return;
      }
      if (verb == 'T') {
        fmtS(typeName(arg));
        return;
      }
      if (verb == 'p') {
        if (arg instanceof List || arg instanceof Map || arg instanceof GoMap) {
          // Go prints the address of a slice's or map's data, which a Java value does not have.
          throw new HpaValidationException(
              "printf verb %p is not supported by seldon-hpa (was " + typeName(arg) + ")");
        }
        badVerb(verb, arg, false);
        return;
      }
      printValue(arg, verb, 0);
    }

    private void printValue(Object v, int verb, int depth) {
      if (v == null) {
        // A nil interface inside a slice, map or struct.
        if (sharpV) {
          buf.append("interface {}(nil)");
        } else {
          fmtS("<nil>");
        }
      } else if (v instanceof String) {
        fmtString((String) v, verb);
      } else if (v instanceof Boolean) {
        if (verb == 't' || verb == 'v') {
          padString(((Boolean) v) ? "true" : "false");
        } else {
          badVerb(verb, v, false);
        }
      } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        fmtIntegerVerb(((Number) v).longValue(), verb, v);
      } else if (v instanceof Double) {
        fmtFloatVerb(((Number) v).doubleValue(), verb, v);
      } else if (v instanceof List) {
        List<?> list = (List<?>) v;
        if (sharpV) {
          buf.append(typeName(v)).append('{');
          for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
              buf.append(", ");
            }
            printValue(list.get(i), verb, depth + 1);
          }
          buf.append('}');
        } else {
          buf.append('[');
          for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
              buf.append(' ');
            }
            printValue(list.get(i), verb, depth + 1);
          }
          buf.append(']');
        }
      } else if (v instanceof Map || v instanceof GoMap) {
        @SuppressWarnings("unchecked")
        Map<String, ?> m = v instanceof GoMap ? ((GoMap) v).entries() : (Map<String, ?>) v;
        if (sharpV) {
          buf.append(typeName(v)).append('{');
        } else {
          buf.append("map[");
        }
        boolean first = true;
        for (String k : sortedKeys(m)) {
          if (!first) {
            buf.append(sharpV ? ", " : " ");
          }
          first = false;
          printValue(k, verb, depth + 1);
          buf.append(':');
          printValue(m.get(k), verb, depth + 1);
        }
        buf.append(sharpV ? '}' : ']');
      } else if (v instanceof GoStruct) {
        GoStruct s = (GoStruct) v;
        if (sharpV) {
          buf.append(s.typeName());
        }
        buf.append('{');
        boolean first = true;
        for (int i = 0; i < s.size(); i++) {
          if (!first) {
            buf.append(sharpV ? ", " : " ");
          }
          first = false;
          if (plusV || sharpV) {
            buf.append(s.name(i)).append(':');
          }
          printValue(s.value(i), verb, depth + 1);
        }
        buf.append('}');
      } else {
        throw unsupported(v);
      }
    }

    private void badVerb(int verb, Object v, boolean nil) {
      buf.append("%!").appendCodePoint(verb).append('(');
      if (nil) {
        buf.append("<nil>");
      } else {
        buf.append(typeName(v)).append('=');
        boolean oldSharpV = sharpV;
        boolean oldPlusV = plusV;
        printValue(v, 'v', 0);
        sharpV = oldSharpV;
        plusV = oldPlusV;
      }
      buf.append(')');
    }

    // ---- strings ----

    private void fmtString(String s, int verb) {
      switch (verb) {
        case 'v':
          if (sharpV) {
            fmtQ(s);
          } else {
            fmtS(s);
          }
          break;
        case 's':
          fmtS(s);
          break;
        case 'x':
          fmtSx(s, LDIGITS);
          break;
        case 'X':
          fmtSx(s, UDIGITS);
          break;
        case 'q':
          fmtQ(s);
          break;
        default:
          badVerb(verb, s, false);
      }
    }

    private String truncate(String s) {
      if (precPresent) {
        int n = prec;
        for (int i = 0; i < s.length(); ) {
          n--;
          if (n < 0) {
            return s.substring(0, i);
          }
          i += Character.charCount(s.codePointAt(i));
        }
      }
      return s;
    }

    private void fmtS(String s) {
      padString(truncate(s));
    }

    private void fmtQ(String s) {
      s = truncate(s);
      if (sharp && GoQuote.canBackquote(s)) {
        padString("`" + s + "`");
      } else if (plus) {
        padString(GoQuote.quoteToAscii(s));
      } else {
        padString(GoQuote.quote(s));
      }
    }

    private void fmtSx(String s, String digits) {
      byte[] b = GoQuote.utf8(s);
      int length = b.length;
      if (precPresent && prec < length) {
        length = prec;
      }
      int width = 2 * length;
      if (width > 0) {
        if (space) {
          if (sharp) {
            width *= 2;
          }
          width += length - 1;
        } else if (sharp) {
          width += 2;
        }
      } else {
        if (widPresent) {
          writePadding(wid);
        }
        return;
      }
      if (widPresent && wid > width && !minus) {
        writePadding(wid - width);
      }
      if (sharp) {
        buf.append('0').append(digits.charAt(16));
      }
      for (int i = 0; i < length; i++) {
        if (space && i > 0) {
          buf.append(' ');
          if (sharp) {
            buf.append('0').append(digits.charAt(16));
          }
        }
        int c = b[i] & 0xFF;
        buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
      }
      if (widPresent && wid > width && minus) {
        writePadding(wid - width);
      }
    }

    // ---- padding ----

    private void writePadding(int n) {
      if (n <= 0) {
        return;
      }
      char pad = zero && !minus ? '0' : ' ';
      for (int i = 0; i < n; i++) {
        buf.append(pad);
      }
    }

    private void padString(String s) {
      if (!widPresent || wid == 0) {
        buf.append(s);
        return;
      }
      int width = wid - s.codePointCount(0, s.length());
      if (!minus) {
        writePadding(width);
        buf.append(s);
      } else {
        buf.append(s);
        writePadding(width);
      }
    }

    // ---- integers ----

    private void fmtIntegerVerb(long v, int verb, Object original) {
      switch (verb) {
        case 'v':
        case 'd':
          fmtInteger(v, 10, verb, LDIGITS);
          break;
        case 'b':
          fmtInteger(v, 2, verb, LDIGITS);
          break;
        case 'o':
        case 'O':
          fmtInteger(v, 8, verb, LDIGITS);
          break;
        case 'x':
          fmtInteger(v, 16, verb, LDIGITS);
          break;
        case 'X':
          fmtInteger(v, 16, verb, UDIGITS);
          break;
        case 'c':
          padString(new String(Character.toChars(validRune(v))));
          break;
        case 'q': {
          if (v < 0 || v > 0x10FFFF) {
            badVerb(verb, original, false);
            break;
          }
          StringBuilder q = new StringBuilder();
          int r = validRune(v);
          String one = new String(Character.toChars(r));
          if (sharp && GoQuote.canBackquote(one)) {
            q.append('\'').append(one).append('\'');
          } else {
            GoQuote.quoteRune(r, plus, q);
          }
          padString(q.toString());
          break;
        }
        case 'U':
          fmtUnicode(v);
          break;
        default:
          badVerb(verb, original, false);
      }
    }

    private static int validRune(long v) {
      if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return 0xFFFD;
      }
      return (int) v;
    }

    private void fmtUnicode(long u) {
      StringBuilder s = new StringBuilder("U+");
      String hex = Long.toHexString(u).toUpperCase(java.util.Locale.ROOT);
      int minDigits = precPresent && prec > 4 ? prec : 4;
      for (int i = hex.length(); i < minDigits; i++) {
        s.append('0');
      }
      s.append(hex);
      if (sharp && u >= 0 && u <= 0x10FFFF && GoUnicode.isPrint((int) u)) {
        s.append(" '").appendCodePoint((int) u).append('\'');
      }
      boolean oldZero = zero;
      zero = false;
      padString(s.toString());
      zero = oldZero;
    }

    private void fmtInteger(long v, int base, int verb, String digits) {
      boolean negative = v < 0;
      // Go negates the unsigned value; Long.MIN_VALUE stays its own magnitude through unsigned printing.
      String mag = negative ? Long.toUnsignedString(-v, base) : Long.toString(v, base);
      if (digits == UDIGITS) {
        mag = mag.toUpperCase(java.util.Locale.ROOT);
      }
      int precision = 0;
      if (precPresent) {
        precision = prec;
        if (precision == 0 && v == 0) {
          boolean oldZero = zero;
          zero = false;
          writePadding(wid);
          zero = oldZero;
          return;
        }
      } else if (zero && !minus && widPresent) {
        precision = wid;
        if (negative || plus || space) {
          precision--;
        }
      }
      StringBuilder s = new StringBuilder(mag.length() + 4);
      for (int k = mag.length(); k < precision; k++) {
        s.append('0');
      }
      s.append(mag);
      if (sharp) {
        if (base == 2) {
          s.insert(0, "0b");
        } else if (base == 8) {
          if (s.charAt(0) != '0') {
            s.insert(0, '0');
          }
        } else if (base == 16) {
          s.insert(0, digits.charAt(16)).insert(0, '0');
        }
      }
      if (verb == 'O') {
        s.insert(0, "0o");
      }
      if (negative) {
        s.insert(0, '-');
      } else if (plus) {
        s.insert(0, '+');
      } else if (space) {
        s.insert(0, ' ');
      }
      boolean oldZero = zero;
      zero = false;
      padString(s.toString());
      zero = oldZero;
    }

    // ---- floats ----

    private void fmtFloatVerb(double v, int verb, Object original) {
      switch (verb) {
        case 'v':
          fmtFloat(v, 'g', -1, true);
          break;
        case 'b':
        case 'g':
        case 'G':
        case 'x':
        case 'X':
          fmtFloat(v, verb, -1, false);
          break;
        case 'f':
        case 'e':
        case 'E':
        case 'F':
          fmtFloat(v, verb, 6, false);
          break;
        default:
          badVerb(verb, original, false);
      }
    }

    private void fmtFloat(double v, int verb, int precision, boolean isV) {
      if (precPresent) {
        precision = prec;
      }
      String formatted = formatFloat(v, verb == 'F' ? 'f' : verb, precision);
      StringBuilder num = new StringBuilder(formatted.length() + 8);
      if (formatted.charAt(0) == '-' || formatted.charAt(0) == '+') {
        num.append(formatted);
      } else {
        num.append('+').append(formatted);
      }
      if (space && num.charAt(0) == '+' && !plus) {
        num.setCharAt(0, ' ');
      }
      if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
        boolean oldZero = zero;
        zero = false;
        if (num.charAt(1) == 'N' && !space && !plus) {
          num.deleteCharAt(0);
        }
        padString(num.toString());
        zero = oldZero;
        return;
      }
      if (sharp && verb != 'b' && !isV) {
        applySharp(num, verb, precision);
      }
      if (plus || num.charAt(0) != '+') {
        if (zero && !minus && widPresent && wid > num.length()) {
          buf.append(num.charAt(0));
          writePadding(wid - num.length());
          buf.append(num, 1, num.length());
          return;
        }
        padString(num.toString());
        return;
      }
      padString(num.substring(1));
    }

    /** The {@code #} flag on floats: always a decimal point, and %g keeps its trailing zeros. */
    private static void applySharp(StringBuilder num, int verb, int precision) {
      int digits = 0;
      if (verb == 'g' || verb == 'G' || verb == 'x') {
        digits = precision == -1 ? 6 : precision;
      }
      String tail = "";
      boolean hasDecimalPoint = false;
      boolean sawNonzeroDigit = false;
      for (int i = 1; i < num.length(); i++) {
        char c = num.charAt(i);
        if (c == '.') {
          hasDecimalPoint = true;
        } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
          tail = num.substring(i);
          num.setLength(i);
          break;
        } else {
          if (c != '0') {
            sawNonzeroDigit = true;
          }
          if (sawNonzeroDigit) {
            digits--;
          }
        }
      }
      if (!hasDecimalPoint) {
        if (num.length() == 2 && num.charAt(1) == '0') {
          digits--;
        }
        num.append('.');
      }
      for (; digits > 0; digits--) {
        num.append('0');
      }
      num.append(tail);
    }
  }

  // ---- strconv.FormatFloat(v, fmt, prec, 64) ----

  /** {@code strconv.FormatFloat(v, fmt, prec, 64)} for {@code fmt} in {@code e E f g G b x X}. */
  static String formatFloat(double v, int fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (fmt == 'b') {
      return formatBinary(v);
    }
    if (fmt == 'x' || fmt == 'X') {
      return formatHex(v, fmt, prec);
    }
    boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    BigDecimal exact = new BigDecimal(Math.abs(v));
    boolean shortest = prec < 0;
    Digits d;
    if (shortest) {
      d = shortestDigits(Math.abs(v), exact);
      switch (fmt) {
        case 'e':
        case 'E':
          prec = Math.max(d.nd() - 1, 0);
          break;
        case 'f':
          prec = Math.max(d.nd() - d.dp, 0);
          break;
        default:
          prec = d.nd();
          break;
      }
    } else if (fmt == 'e' || fmt == 'E') {
      d = Digits.round(exact, new MathContext(prec + 1, RoundingMode.HALF_EVEN));
    } else if (fmt == 'f') {
      d = Digits.of(exact.setScale(prec, RoundingMode.HALF_EVEN));
    } else {
      if (prec == 0) {
        prec = 1;
      }
      d = Digits.round(exact, new MathContext(prec, RoundingMode.HALF_EVEN));
    }
    StringBuilder out = new StringBuilder(24);
    switch (fmt) {
      case 'e':
      case 'E':
        fmtE(out, neg, d, prec, (char) fmt);
        break;
      case 'f':
        fmtF(out, neg, d, prec);
        break;
      default: {
        int eprec = prec;
        if (eprec > d.nd() && d.nd() >= d.dp) {
          eprec = d.nd();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = d.dp - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > d.nd()) {
            prec = d.nd();
          }
          fmtE(out, neg, d, prec - 1, fmt == 'g' ? 'e' : 'E');
        } else {
          if (prec > d.dp) {
            prec = d.nd();
          }
          fmtF(out, neg, d, Math.max(prec - d.dp, 0));
        }
      }
    }
    return out.toString();
  }

  /** Decimal digits without trailing zeros and the decimal point position, as Go's decimalSlice. */
  private static final class Digits {
    final String d;
    final int dp;

    Digits(String d, int dp) {
      this.d = d;
      this.dp = dp;
    }

    int nd() {
      return d.length();
    }

    static Digits round(BigDecimal exact, MathContext mc) {
      return of(exact.round(mc));
    }

    static Digits of(BigDecimal x) {
      if (x.signum() == 0) {
        return new Digits("", 0);
      }
      BigDecimal s = x.stripTrailingZeros();
      String digits = s.unscaledValue().toString();
      return new Digits(digits, digits.length() - s.scale());
    }
  }

  /** The shortest digits that read back as {@code v}, the closest such to the exact value. */
  private static Digits shortestDigits(double v, BigDecimal exact) {
    if (v == 0) {
      return new Digits("", 0);
    }
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == v) {
        return Digits.of(r);
      }
    }
    return Digits.round(exact, new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static void fmtE(StringBuilder out, boolean neg, Digits d, int prec, char fmt) {
    if (neg) {
      out.append('-');
    }
    out.append(d.nd() != 0 ? d.d.charAt(0) : '0');
    if (prec > 0) {
      out.append('.');
      int i = 1;
      int m = Math.min(d.nd(), prec + 1);
      if (i < m) {
        out.append(d.d, i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        out.append('0');
      }
    }
    out.append(fmt);
    appendExponent(out, d.nd() == 0 ? 0 : d.dp - 1);
  }

  /** A signed exponent of at least two digits, as strconv writes it: +06, -10, +308. */
  private static void appendExponent(StringBuilder out, int exp) {
    if (exp < 0) {
      out.append('-');
      exp = -exp;
    } else {
      out.append('+');
    }
    if (exp < 10) {
      out.append('0');
    }
    out.append(exp);
  }

  private static void fmtF(StringBuilder out, boolean neg, Digits d, int prec) {
    if (neg) {
      out.append('-');
    }
    if (d.dp > 0) {
      int m = Math.min(d.nd(), d.dp);
      out.append(d.d, 0, m);
      for (; m < d.dp; m++) {
        out.append('0');
      }
    } else {
      out.append('0');
    }
    if (prec > 0) {
      out.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = d.dp + i - 1;
        out.append(j >= 0 && j < d.nd() ? d.d.charAt(j) : '0');
      }
    }
  }

  /** {@code %b}: decimalless scientific notation with a power-of-two exponent, e.g. 4503599627370496p-52. */
  private static String formatBinary(double v) {
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    int exp = (int) ((bits >>> 52) & 0x7FF);
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0) {
      exp++;
    } else {
      mant |= 1L << 52;
    }
    exp += -1023 - 52;
    return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
  }

  /** {@code %x}/{@code %X}: Go's hexadecimal float ({@code strconv.FormatFloat(v, 'x', prec, 64)}). */
  private static String formatHex(double v, int fmt, int prec) {
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    int exp = (int) ((bits >>> 52) & 0x7FF);
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0) {
      exp++;
    } else {
      mant |= 1L << 52;
    }
    exp -= 1023;
    if (mant == 0) {
      exp = 0;
    }
    // Shift so that the leading 1 (if any) is at bit 60.
    mant <<= 60 - 52;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > (1L << 59)) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) {
        mant >>>= 1;
        exp++;
      }
    }
    String hex = fmt == 'X' ? UDIGITS : LDIGITS;
    StringBuilder out = new StringBuilder(24);
    if (neg) {
      out.append('-');
    }
    out.append('0').append((char) fmt).append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
      out.append('.');
      while (mant != 0) {
        out.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      out.append('.');
      for (int i = 0; i < prec; i++) {
        out.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    out.append(fmt == 'X' ? 'P' : 'p');
    appendExponent(out, exp);
    return out.toString();
  }
}
