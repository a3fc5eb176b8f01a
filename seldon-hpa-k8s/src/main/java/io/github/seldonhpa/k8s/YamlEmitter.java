package io.github.seldonhpa.k8s;

import io.github.seldonhpa.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a tree of ordered maps, lists and scalars as block-style YAML in the layout of kubectl and the
 * Seldon docs: two-space indentation, list items at their key's indentation, multi-line strings as literal
 * blocks. Strings are quoted exactly when a YAML 1.1 or 1.2 reader would otherwise read another type or
 * another text, so every reader gets back the same strings.
 */
final class YamlEmitter {
  // plain scalars a YAML 1.1 (SnakeYAML) or 1.2 reader resolves to null, bool, number or date
  private static final Pattern NOT_A_STRING = Pattern.compile(
      "~|null|Null|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[Yy](es)?|YES|[Nn]o?|NO|[Oo]n|ON|[Oo]ff|OFF"
          + "|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
          + "|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+"
          + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
          + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|=|<<");

  // the letter-only spellings among NOT_A_STRING's alternatives, for the fast path
  private static final Set<String> WORDS = Set.of("null", "Null", "NULL", "true", "True", "TRUE", "false",
      "False", "FALSE", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
      "OFF");
  private static final String SPACES = " ".repeat(64);

  private YamlEmitter() {}

  /** One document: a map at the top level. */
  static void document(Map<String, ?> root, StringBuilder out) {
    map(root, 0, out);
  }

  private static void map(Map<String, ?> map, int indent, StringBuilder out) {
    for (Map.Entry<String, ?> e : map.entrySet()) {
      pad(indent, out);
      scalarText(e.getKey(), indent, out);
      out.append(':');
      value(e.getValue(), indent, out);
    }
  }

  // the value after "key:" (or after "- " when listItem), written from the current column
  private static void value(Object v, int indent, StringBuilder out) {
    if (v instanceof Map) {
      Map<String, ?> m = cast(v);
      if (m.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        map(m, indent + 2, out);
      }
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      if (l.isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        list(l, indent, out);
      }
    } else {
      out.append(' ');
      scalar(v, indent, out);
      out.append('\n');
    }
  }

  private static void list(List<?> list, int indent, StringBuilder out) {
    for (Object item : list) {
      pad(indent, out);
      out.append("- ");
      if (item instanceof Map && !((Map<?, ?>) item).isEmpty()) {
        Map<String, ?> m = cast(item);
        boolean first = true;
        for (Map.Entry<String, ?> e : m.entrySet()) {
          if (!first) {
            pad(indent + 2, out);
          }
          first = false;
          scalarText(e.getKey(), indent + 2, out);
          out.append(':');
          value(e.getValue(), indent + 2, out);
        }
      } else if (item instanceof List && !((List<?>) item).isEmpty()) {
        out.append('\n');
        list((List<?>) item, indent + 2, out);
      } else if (item instanceof Map) {
        out.append("{}\n");
      } else if (item instanceof List) {
        out.append("[]\n");
      } else {
        scalar(item, indent + 2, out);
        out.append('\n');
      }
    }
  }

  private static void scalar(Object v, int indent, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Quantity) {
      // a quantity is a string to the API server, but a plain integer reads best unquoted (as the docs do)
      String text = v.toString();
      if (isPlainInteger(text)) {
        out.append(text);
      } else {
        scalarText(text, indent, out);
      }
    } else if (v instanceof String) {
      String s = (String) v;
      if (s.indexOf('\n') >= 0 && literalBlockSafe(s)) {
        literal(s, indent, out);
      } else {
        scalarText(s, indent, out);
      }
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as YAML");
    }
  }

  private static boolean isPlainInteger(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return s.length() == 1 || s.charAt(0) != '0';
  }

  private static void scalarText(String s, int indent, StringBuilder out) {
    if (isPlainSafe(s)) {
      out.append(s);
    } else {
      doubleQuoted(s, out);
    }
  }

  static boolean isPlainSafe(String s) {
    if (isSimpleWord(s)) {
      return true;
    }
    if (s.isEmpty() || NOT_A_STRING.matcher(s).matches() || numberLike(s)) {
      return false;
    }
    char first = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@` \t".indexOf(first) >= 0) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last == ' ' || last == ':') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfeff
          || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029' || c == 0x85) {
        return false;
      }
      // ": " starts a mapping value and " #" a comment (the first character is never '#' here)
      if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ' '
          || c == '#' && s.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  // Readers disagree at the edges of YAML's number syntax (Jackson reads "._" as a malformed number,
  // YAML 1.1 allows "_" in numbers, Go's yaml.v2 sexagesimals): anything made only of number characters
  // that starts like a number is quoted. Quantities such as 500m or 2Gi keep their plain form.
  private static boolean numberLike(String s) {
    char first = s.charAt(0);
    if (!(first >= '0' && first <= '9') && first != '.' && first != '+' && first != '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if ("0123456789_.:+-eExXoObBabcdfABCDFiInN".indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  // The fast path for the keys and names that make up most of a manifest: a letter, then letters, digits
  // and "_-./", and not one of the words YAML 1.1 reads as a bool or null (all of at most five letters).
  private static boolean isSimpleWord(String s) {
    int n = s.length();
    if (n == 0 || !isAsciiLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.' && c != '/') {
        return false;
      }
    }
    return n > 5 || !WORDS.contains(s);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  // literal blocks cannot carry control characters or carriage returns, and a leading space or an
  // all-blank text needs more care than it is worth: those go double-quoted
  private static boolean literalBlockSafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)
          || c == 0xfeff || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return !s.isBlank() && s.charAt(0) != ' ' && s.charAt(0) != '\t' && s.charAt(0) != '\n';
  }

  private static void literal(String s, int indent, StringBuilder out) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    int trailing = s.length() - end;
    out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+");
    String body = s.substring(0, end);
    int start = 0;
    while (start <= body.length()) {
      int nl = body.indexOf('\n', start);
      String line = nl < 0 ? body.substring(start) : body.substring(start, nl);
      out.append('\n');
      if (!line.isEmpty()) {
        pad(indent + 2, out);
        out.append(line);
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    for (int i = 1; i < trailing; i++) {
      out.append('\n');
    }
  }

  private static void doubleQuoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\t': out.append("\\t"); break;
        case '\r': out.append("\\r"); break;
        case 0: out.append("\\0"); break;
        default:
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfeff
              || c == '\u2028' || c == '\u2029'
              || (Character.isSurrogate(c) && !validPair(s, i))) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)) {
            out.append(c).append(s.charAt(++i));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static void pad(int n, StringBuilder out) {
    for (int left = n; left > 0; left -= SPACES.length()) {
      out.append(SPACES, 0, Math.min(left, SPACES.length()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Object o) {
    return (Map<String, ?>) o;
  }
}
