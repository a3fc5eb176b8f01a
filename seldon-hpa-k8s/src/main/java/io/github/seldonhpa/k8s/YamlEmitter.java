package io.github.seldonhpa.k8s;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Quantity;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of ordered maps, lists and scalars as block-style YAML in the layout of kubectl and the
 * Seldon docs: two-space indentation, list items at their key's indentation, multi-line strings as literal
 * blocks. Strings are quoted exactly when go-yaml v2 (Kubernetes), a YAML 1.1 or a YAML 1.2 reader would
 * otherwise read another type or another text ({@link YamlScalars#plainSafe}), so every reader gets back the
 * same strings; numbers of any {@link Number} type are written as {@link YamlScalars#number} says.
 */
final class YamlEmitter {
  // longer keys are written as explicit keys ("? key"): readers allow at most 1,024 characters before the
  // ":" of an implicit key, and an escaped character takes up to six (the limit SnakeYAML's emitter uses)
  private static final int IMPLICIT_KEY_LENGTH = 128;
  private static final String SPACES = " ".repeat(64);

  private YamlEmitter() {}

  /** One document: a map at the top level. */
  static void document(Map<String, ?> root, StringBuilder out) {
    map(root, 0, out);
  }

  private static void map(Map<String, ?> map, int indent, StringBuilder out) {
    for (Map.Entry<String, ?> e : map.entrySet()) {
      pad(indent, out);
      entry(e.getKey(), e.getValue(), indent, out);
    }
  }

  // "key: value" from the current column, which is indent
  private static void entry(Object key, Object value, int indent, StringBuilder out) {
    if (!(key instanceof String)) {
      throw new HpaValidationException("a map key must be a string to be written as YAML (was "
          + (key == null ? "null" : key.getClass().getName()) + ")");
    }
    String k = (String) key;
    if (k.length() > IMPLICIT_KEY_LENGTH) {
      out.append("? ");
      scalarText(k, indent, out);
      out.append('\n');
      pad(indent, out);
    } else {
      scalarText(k, indent, out);
    }
    out.append(':');
    value(value, indent, out);
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
          entry(e.getKey(), e.getValue(), indent + 2, out);
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
    } else if (v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Number && !(v instanceof Quantity)) {
      String text = YamlScalars.number((Number) v);
      if (text == null) {
        throw new HpaValidationException("a number must be finite and within a double's range to be written as"
            + " YAML (was " + v + ")");
      }
      out.append(text);
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
      throw new HpaValidationException("a value must be a string, number, boolean, null, list or map to be"
          + " written as YAML (was a " + v.getClass().getName() + ")");
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
    if (YamlScalars.plainSafe(s)) {
      out.append(s);
    } else {
      doubleQuoted(s, out);
    }
  }

  // literal blocks cannot carry control characters or carriage returns, and a leading space or an
  // all-blank text needs more care than it is worth: those go double-quoted
  private static boolean literalBlockSafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\n' && c != '\t' && YamlScalars.needsEscape(s, i)) {
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
          if (YamlScalars.needsEscape(s, i)) {
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
