package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.promql.Requirement.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * apimachinery's label selectors: {@code labels.Parse} of selector text and
 * {@code metav1.LabelSelectorAsSelector} of an HPA metric selector, both giving requirements in selector
 * order (sorted by key, values as sorted sets); parsed text is validated as {@code labels.NewRequirement}
 * does.
 */
final class LabelSelectors {
  private LabelSelectors() {}

  /**
   * The HPA metric selector as the API server sees it. {@link LabelSelector} and its requirements already
   * enforce what {@code labels.NewRequirement} checks (keys, values, value counts per operator), so this
   * runs on every request without checking again.
   */
  static List<Requirement> of(LabelSelector selector) {
    Map<String, String> labels = selector.matchLabels();
    List<Requirement> out = new ArrayList<>(labels.size() + selector.matchExpressions().size());
    for (Map.Entry<String, String> e : labels.entrySet()) {
      out.add(new Requirement(e.getKey(), Op.EQUALS, List.of(e.getValue())));
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      Op op = switch (r.operator()) {
        case IN -> Op.IN;
        case NOT_IN -> Op.NOT_IN;
        case EXISTS -> Op.EXISTS;
        case DOES_NOT_EXIST -> Op.DOES_NOT_EXIST;
      };
      out.add(Requirement.of(r.key(), op, r.values()));
    }
    return Requirement.selectorOrder(out);
  }

  /** {@code labels.Parse}: the requirements of selector text such as {@code app in (a,b),!canary}. */
  static List<Requirement> parse(String selector) {
    return Requirement.selectorOrder(new Parser(selector).parse());
  }

  /** The selector text apimachinery writes ({@code Selector.String()}); "" for no requirements. */
  static String toString(List<Requirement> requirements) {
    StringBuilder sb = new StringBuilder();
    for (Requirement r : requirements) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(r);
    }
    return sb.toString();
  }

  /** {@code labels.NewRequirement}: key, value count per operator and label values validated. */
  static Requirement checked(String field, String key, Op op, List<String> values) {
    checkKey(field, key);
    switch (op) {
      case IN, NOT_IN -> check(!values.isEmpty(), field, "values must not be empty for 'in', 'notin' operators", values);
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS ->
          check(values.size() == 1, field, "values must be one single value for exact-match operators", values);
      case EXISTS, DOES_NOT_EXIST ->
          check(values.isEmpty(), field, "values must be empty for exists and does not exist", values);
      case GREATER_THAN, LESS_THAN -> {
        check(values.size() == 1, field, "values must be exactly one integer for 'gt', 'lt' operators", values);
        try {
          Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
          check(false, field, "values must be exactly one integer for 'gt', 'lt' operators", values);
        }
      }
    }
    for (String v : values) {
      check(v.isEmpty() || isNamePart(v), field,
          "values must be valid label values: at most 63 characters, alphanumeric, '-', '_' or '.', starting and"
              + " ending with an alphanumeric character", "\"" + v + "\"");
    }
    return Requirement.of(key, op, values);
  }

  private static void checkKey(String field, String key) {
    String name = key;
    boolean ok = true;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      ok = isDnsSubdomain(prefix);
    }
    ok = ok && isNamePart(name);
    check(ok, field, "key must be a qualified name: an optional DNS subdomain prefix and '/', then at most 63"
        + " alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character",
        "\"" + key + "\"");
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}, at most 63 characters (written out: it runs per request). */
  private static boolean isNamePart(String s) {
    int n = s.length();
    if (n == 0 || n > 63 || !alnum(s.charAt(0)) || !alnum(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (!alnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** A DNS-1123 subdomain: dot-separated lower-case labels of letters, digits and '-', at most 253 characters. */
  private static boolean isDnsSubdomain(String s) {
    if (s.isEmpty() || s.length() > 253) {
      return false;
    }
    for (String label : s.split("\\.", -1)) {
      int n = label.length();
      if (n == 0 || !lowerAlnum(label.charAt(0)) || !lowerAlnum(label.charAt(n - 1))) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!lowerAlnum(label.charAt(i)) && label.charAt(i) != '-') {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean lowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static void check(boolean ok, String field, String rule, Object was) {
    if (!ok) {
      throw new HpaValidationException(field + " " + rule + " (was " + was + ")");
    }
  }

  private enum Tok {
    IDENTIFIER, DOES_NOT_EXIST, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, IN, NOT_IN, GREATER_THAN, LESS_THAN,
    OPEN_PAR, CLOSED_PAR, COMMA, END, ERROR
  }

  private record Item(Tok tok, String literal) {}

  /** A port of apimachinery's selector lexer and parser (pkg/labels/selector.go). */
  private static final class Parser {
    private final String text;
    private final List<Item> items = new ArrayList<>();
    private int position;

    Parser(String text) {
      this.text = text;
      lex();
    }

    private static boolean isWhitespace(char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSpecial(char c) {
      return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }

    private static Tok symbol(String s) {
      return switch (s) {
        case ")" -> Tok.CLOSED_PAR;
        case "(" -> Tok.OPEN_PAR;
        case "," -> Tok.COMMA;
        case "!" -> Tok.DOES_NOT_EXIST;
        case "==" -> Tok.DOUBLE_EQUALS;
        case "=" -> Tok.EQUALS;
        case ">" -> Tok.GREATER_THAN;
        case "<" -> Tok.LESS_THAN;
        case "!=" -> Tok.NOT_EQUALS;
        case "in" -> Tok.IN;
        case "notin" -> Tok.NOT_IN;
        default -> null;
      };
    }

    private void lex() {
      int i = 0;
      int n = text.length();
      while (true) {
        while (i < n && isWhitespace(text.charAt(i))) {
          i++;
        }
        if (i >= n) {
          items.add(new Item(Tok.END, ""));
          return;
        }
        char c = text.charAt(i);
        if (isSpecial(c)) {
          // longest run of special symbols that still forms a token
          StringBuilder buffer = new StringBuilder();
          Item last = null;
          while (i < n && isSpecial(text.charAt(i))) {
            buffer.append(text.charAt(i));
            Tok t = symbol(buffer.toString());
            if (t != null) {
              last = new Item(t, buffer.toString());
              i++;
            } else if (last != null) {
              break;
            } else {
              i++;
            }
          }
          items.add(last != null ? last : new Item(Tok.ERROR, "error expected: keyword found '" + buffer + "'"));
        } else {
          int start = i;
          while (i < n && !isWhitespace(text.charAt(i)) && !isSpecial(text.charAt(i))) {
            i++;
          }
          String word = text.substring(start, i);
          Tok t = symbol(word);
          items.add(new Item(t != null ? t : Tok.IDENTIFIER, word));
        }
      }
    }

    /** In value context the keywords {@code in} and {@code notin} are plain identifiers. */
    private Item lookahead() {
      Item it = items.get(position);
      return it.tok == Tok.IN || it.tok == Tok.NOT_IN ? new Item(Tok.IDENTIFIER, it.literal) : it;
    }

    private Item consume() {
      Item it = lookahead();
      position++;
      return it;
    }

    private Item consumeOperator() {
      return items.get(position++);
    }

    private HpaValidationException error(String message) {
      return new HpaValidationException(
          "metricLabelSelector must parse as a label selector: " + message + " (was \"" + text + "\")");
    }

    List<Requirement> parse() {
      List<Requirement> out = new ArrayList<>();
      while (true) {
        Item it = lookahead();
        switch (it.tok) {
          case IDENTIFIER, DOES_NOT_EXIST -> {
            out.add(requirement());
            Item next = consume();
            if (next.tok == Tok.END) {
              return out;
            }
            if (next.tok != Tok.COMMA) {
              throw error("found '" + next.literal + "', expected: ',' or 'end of string'");
            }
            Item after = lookahead();
            if (after.tok != Tok.IDENTIFIER && after.tok != Tok.DOES_NOT_EXIST) {
              throw error("found '" + after.literal + "', expected: identifier after ','");
            }
          }
          case END -> {
            return out;
          }
          default -> throw error("found '" + it.literal + "', expected: !, identifier, or 'end of string'");
        }
      }
    }

    private Requirement requirement() {
      Op op = null;
      Item it = consume();
      if (it.tok == Tok.DOES_NOT_EXIST) {
        op = Op.DOES_NOT_EXIST;
        it = consume();
      }
      if (it.tok != Tok.IDENTIFIER) {
        throw error("unable to parse requirement: found '" + it.literal + "', expected: identifier");
      }
      String key = it.literal;
      Tok next = lookahead().tok;
      if (next == Tok.END || next == Tok.COMMA) {
        if (op == null) {
          op = Op.EXISTS;
        }
      }
      if (op == Op.EXISTS || op == Op.DOES_NOT_EXIST) {
        return checked("metricLabelSelector", key, op, List.of());
      }
      Item opItem = consumeOperator();
      op = switch (opItem.tok) {
        case IN -> Op.IN;
        case EQUALS -> Op.EQUALS;
        case DOUBLE_EQUALS -> Op.DOUBLE_EQUALS;
        case GREATER_THAN -> Op.GREATER_THAN;
        case LESS_THAN -> Op.LESS_THAN;
        case NOT_IN -> Op.NOT_IN;
        case NOT_EQUALS -> Op.NOT_EQUALS;
        default -> throw error("unable to parse requirement: found '" + opItem.literal
            + "', expected: in, notin, =, ==, !=, gt, lt");
      };
      List<String> values = op == Op.IN || op == Op.NOT_IN ? setValues() : exactValue();
      return checked("metricLabelSelector", key, op, values);
    }

    private List<String> exactValue() {
      Tok t = lookahead().tok;
      if (t == Tok.END || t == Tok.COMMA) {
        return List.of("");
      }
      Item it = consume();
      if (it.tok == Tok.IDENTIFIER) {
        return List.of(it.literal);
      }
      throw error("unable to parse requirement: found '" + it.literal + "', expected: identifier");
    }

    private List<String> setValues() {
      Item open = consume();
      if (open.tok != Tok.OPEN_PAR) {
        throw error("unable to parse requirement: found '" + open.literal + "' expected: '('");
      }
      Item it = lookahead();
      switch (it.tok) {
        case IDENTIFIER, COMMA -> {
          List<String> values = identifiers();
          if (consume().tok != Tok.CLOSED_PAR) {
            throw error("unable to parse requirement: found '" + it.literal + "', expected: ')'");
          }
          return values;
        }
        case CLOSED_PAR -> {
          consume();
          return List.of("");
        }
        default -> throw error("unable to parse requirement: found '" + it.literal
            + "', expected: ',', ')' or identifier");
      }
    }

    private List<String> identifiers() {
      TreeSet<String> set = new TreeSet<>(Requirement.GO_ORDER);
      while (true) {
        Item it = consume();
        switch (it.tok) {
          case IDENTIFIER -> {
            set.add(it.literal);
            Item next = lookahead();
            if (next.tok == Tok.CLOSED_PAR) {
              return new ArrayList<>(set);
            }
            if (next.tok != Tok.COMMA) {
              throw error("unable to parse requirement: found '" + next.literal + "', expected: ',' or ')'");
            }
          }
          case COMMA -> {
            // "(,", ",)" and ",," each stand for the empty value
            if (set.isEmpty()) {
              set.add("");
            }
            Item next = lookahead();
            if (next.tok == Tok.CLOSED_PAR) {
              set.add("");
              return new ArrayList<>(set);
            }
            if (next.tok == Tok.COMMA) {
              consume();
              set.add("");
            }
          }
          default -> throw error("unable to parse requirement: found '" + it.literal
              + "', expected: ',', or identifier");
        }
      }
    }
  }
}
