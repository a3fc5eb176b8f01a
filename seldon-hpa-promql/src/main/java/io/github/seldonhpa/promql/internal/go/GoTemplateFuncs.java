package io.github.seldonhpa.promql.internal.go;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The builtin functions of Go's {@code text/template} ({@code funcs.go}), on template values (see
 * {@link GoTemplate}); {@code null} is Go's nil or missing value. Each function returns its result or throws
 * {@link FuncError} with the text Go's function returns as its error, which the executor wraps as
 * {@code error calling <name>: <text>}.
 */
final class GoTemplateFuncs {
  private GoTemplateFuncs() {}

  /** A builtin: its name and Go's arity (fixed parameters; variadic or not). */
  enum Builtin {
    AND("and", 1, true),
    CALL("call", 1, true),
    HTML("html", 0, true),
    INDEX("index", 1, true),
    SLICE("slice", 1, true),
    JS("js", 0, true),
    LEN("len", 1, false),
    NOT("not", 1, false),
    OR("or", 1, true),
    PRINT("print", 0, true),
    PRINTF("printf", 1, true),
    PRINTLN("println", 0, true),
    URLQUERY("urlquery", 0, true),
    EQ("eq", 1, true),
    GE("ge", 2, false),
    GT("gt", 2, false),
    LE("le", 2, false),
    LT("lt", 2, false),
    NE("ne", 2, false);

    final String goName;
    final int fixed;
    final boolean variadic;

    Builtin(String goName, int fixed, boolean variadic) {
      this.goName = goName;
      this.fixed = fixed;
      this.variadic = variadic;
    }

    static Builtin byName(String name) {
      for (Builtin b : values()) {
        if (b.goName.equals(name)) {
          return b;
        }
      }
      return null;
    }
  }

  /** A builtin's error, as Go's function would return it. */
  static final class FuncError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FuncError(String message) {
      super(message, null, false, false);
    }
  }

  // ---- truth ----

  /** Go's {@code isTrue}: false for nil, false, zero numbers and empty strings, slices and maps. */
  static boolean truth(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      return !((String) v).isEmpty();
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue() != 0;
    }
    if (v instanceof Double) {
      return ((Number) v).doubleValue() != 0;
    }
    if (v instanceof List) {
      return !((List<?>) v).isEmpty();
    }
    if (v instanceof Map) {
      return !((Map<?, ?>) v).isEmpty();
    }
    if (v instanceof GoMap) {
      return !((GoMap) v).entries().isEmpty();
    }
    if (v instanceof GoStruct) {
      return true;
    }
    throw GoFormat.unsupported(v);
  }

  // ---- index, slice, len ----

  static Object index(Object item, Object[] indexes) {
    if (item == null) {
      throw new FuncError("index of untyped nil");
    }
    for (Object index : indexes) {
      if (item == null) {
        // An element that is a nil interface: Go's indirect reports a nil pointer.
        throw new FuncError("index of nil pointer");
      }
      if (item instanceof List) {
        List<?> list = (List<?>) item;
        int x = indexArg(index, list.size());
        if (x == list.size()) {
          throw new FuncError("reflect: slice index out of range");
        }
        item = list.get(x);
      } else if (item instanceof String) {
        byte[] b = GoQuote.utf8((String) item);
        int x = indexArg(index, b.length);
        if (x == b.length) {
          throw new FuncError("reflect: string index out of range");
        }
        item = (long) (b[x] & 0xFF);
      } else if (item instanceof Map || item instanceof GoMap) {
        if (index == null) {
          throw new FuncError("value is nil; should be of type string");
        }
        if (!(index instanceof String)) {
          throw new FuncError("value has type " + GoFormat.typeName(index) + "; should be string");
        }
        if (item instanceof GoMap) {
          GoMap m = (GoMap) item;
          Object x = m.entries().get(index);
          item = x != null ? x : m.zero();
        } else {
          Object x = ((Map<?, ?>) item).get(index);
          item = x != null ? x : "";
        }
      } else {
        throw new FuncError("can't index item of type " + GoFormat.typeName(item));
      }
    }
    return item;
  }

  private static int indexArg(Object index, int cap) {
    long x;
    if (index instanceof Long || index instanceof Integer || index instanceof Short || index instanceof Byte) {
      x = ((Number) index).longValue();
    } else if (index == null) {
      throw new FuncError("cannot index slice/array with nil");
    } else {
      throw new FuncError("cannot index slice/array with type " + GoFormat.typeName(index));
    }
    if (x < 0 || x > cap) {
      throw new FuncError("index out of range: " + x);
    }
    return (int) x;
  }

  static Object slice(Object item, Object[] indexes) {
    if (item == null) {
      throw new FuncError("slice of untyped nil");
    }
    if (indexes.length > 3) {
      throw new FuncError("too many slice indexes: " + indexes.length);
    }
    int len;
    byte[] bytes = null;
    if (item instanceof String) {
      if (indexes.length == 3) {
        throw new FuncError("cannot 3-index slice a string");
      }
      bytes = GoQuote.utf8((String) item);
      len = bytes.length;
    } else if (item instanceof List) {
      len = ((List<?>) item).size();
    } else {
      throw new FuncError("can't slice item of type " + GoFormat.typeName(item));
    }
    int[] idx = {0, len, len};
    for (int i = 0; i < indexes.length; i++) {
      idx[i] = indexArg(indexes[i], len);
    }
    if (idx[0] > idx[1]) {
      throw new FuncError("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (indexes.length == 3 && idx[1] > idx[2]) {
      throw new FuncError("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (bytes != null) {
      String s = new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
      if (!java.util.Arrays.equals(GoQuote.utf8(s),
          java.util.Arrays.copyOfRange(bytes, idx[0], idx[1]))) {
        // Go would hold the partial UTF-8 bytes; a Java string cannot.
        throw new FuncError("seldon-hpa cannot slice a string inside a multi-byte character");
      }
      return s;
    }
    return List.copyOf(((List<?>) item).subList(idx[0], idx[1]));
  }

  static long len(Object item) {
    if (item == null) {
      throw new FuncError("reflect: call of reflect.Value.Type on zero Value");
    }
    if (item instanceof String) {
      return utf8Length((String) item);
    }
    if (item instanceof List) {
      return ((List<?>) item).size();
    }
    if (item instanceof Map) {
      return ((Map<?, ?>) item).size();
    }
    if (item instanceof GoMap) {
      return ((GoMap) item).entries().size();
    }
    throw new FuncError("len of type " + GoFormat.typeName(item));
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3; // BMP rune, or a lone surrogate which Go would hold as U+FFFD
      }
    }
    return n;
  }

  // ---- comparison ----

  private enum BasicKind {
    INVALID,
    BOOL,
    INT,
    FLOAT,
    STRING
  }

  private static BasicKind basicKind(Object v) {
    if (v instanceof Boolean) {
      return BasicKind.BOOL;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BasicKind.INT;
    }
    if (v instanceof Double) {
      return BasicKind.FLOAT;
    }
    if (v instanceof String) {
      return BasicKind.STRING;
    }
    return BasicKind.INVALID;
  }

  static boolean eq(Object arg1, Object[] arg2) {
    if (arg2.length == 0) {
      throw new FuncError("missing argument for comparison");
    }
    BasicKind k1 = basicKind(arg1);
    for (Object arg : arg2) {
      BasicKind k2 = basicKind(arg);
      boolean truth;
      if (k1 != k2) {
        if (arg1 != null && arg != null) {
          throw new FuncError("incompatible types for comparison");
        }
        truth = false;
      } else {
        switch (k1) {
          case BOOL:
          case STRING:
            truth = arg1.equals(arg);
            break;
          case INT:
            truth = ((Number) arg1).longValue() == ((Number) arg).longValue();
            break;
          case FLOAT:
            truth = ((Number) arg1).doubleValue() == ((Number) arg).doubleValue();
            break;
          default:
            truth = eqOther(arg1, arg);
        }
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  /** eq on values that are not basic kinds: nil, slices, maps and structs. */
  private static boolean eqOther(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    String ta = GoFormat.typeName(a);
    String tb = GoFormat.typeName(b);
    if (!ta.equals(tb)) {
      throw new FuncError("non-comparable types " + GoFormat.sprint(a) + ": " + ta + ", " + tb + ": "
          + GoFormat.sprint(b));
    }
    if (!(a instanceof GoStruct)) {
      throw new FuncError("non-comparable type " + GoFormat.sprint(b) + ": " + tb);
    }
    return a.equals(b);
  }

  static boolean lt(Object arg1, Object arg2) {
    BasicKind k1 = basicKind(arg1);
    if (k1 == BasicKind.INVALID) {
      throw new FuncError("invalid type for comparison");
    }
    BasicKind k2 = basicKind(arg2);
    if (k2 == BasicKind.INVALID) {
      throw new FuncError("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new FuncError("incompatible types for comparison");
    }
    switch (k1) {
      case BOOL:
        throw new FuncError("invalid type for comparison");
      case FLOAT:
        return ((Number) arg1).doubleValue() < ((Number) arg2).doubleValue();
      case INT:
        return ((Number) arg1).longValue() < ((Number) arg2).longValue();
      default:
        return GoFormat.compareStrings((String) arg1, (String) arg2) < 0;
    }
  }

  static boolean le(Object arg1, Object arg2) {
    return lt(arg1, arg2) || eq(arg1, new Object[] {arg2});
  }

  // ---- escaping ----

  /** Go's evalArgs: a lone string argument as is, else fmt.Sprint with nil printed as {@code <no value>}. */
  static String evalArgs(Object[] args) {
    if (args.length == 1 && args[0] instanceof String) {
      return (String) args[0];
    }
    Object[] printable = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      printable[i] = args[i] == null ? "<no value>" : args[i];
    }
    return GoFormat.sprint(printable);
  }

  /** {@code template.HTMLEscapeString}. */
  static String html(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 0:
          out.append('\uFFFD');
          break;
        case '"':
          out.append("&#34;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code template.JSEscapeString}. */
  static String js(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (Character.isSurrogate((char) r) && r <= 0xFFFF) {
        r = 0xFFFD;
      }
      switch (r) {
        case '\\':
          out.append("\\\\");
          break;
        case '\'':
          out.append("\\'");
          break;
        case '"':
          out.append("\\\"");
          break;
        case '<':
          out.append("\\u003C");
          break;
        case '>':
          out.append("\\u003E");
          break;
        case '&':
          out.append("\\u0026");
          break;
        case '=':
          out.append("\\u003D");
          break;
        default:
          if (r < ' ' || (r >= 0x80 && !GoUnicode.isPrint(r)) || r == 0x7f) {
            if (r < 0x80 && r >= ' ') {
              out.appendCodePoint(r);
            } else {
              String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
              out.append("\\u");
              for (int k = hex.length(); k < 4; k++) {
                out.append('0');
              }
              out.append(hex);
            }
          } else {
            out.appendCodePoint(r);
          }
      }
    }
    return out.toString();
  }

  /** {@code url.QueryEscape}. */
  static String urlquery(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (byte b : GoQuote.utf8(s)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
          || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
      }
    }
    return out.toString();
  }
}
