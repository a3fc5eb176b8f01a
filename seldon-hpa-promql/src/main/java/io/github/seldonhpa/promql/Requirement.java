package io.github.seldonhpa.promql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One label-selector requirement as apimachinery's {@code labels.Requirement} holds it: a key, an
 * operator and the values as a sorted set.
 */
record Requirement(String key, Op op, List<String> values) {
  /** The selector operators of apimachinery's {@code selection} package, with their vector codes. */
  enum Op {
    EQUALS("=", "="),
    DOUBLE_EQUALS("==", "=="),
    NOT_EQUALS("!=", "!="),
    IN("in", " in "),
    NOT_IN("notin", " notin "),
    EXISTS("exists", ""),
    DOES_NOT_EXIST("!", ""),
    GREATER_THAN("gt", ">"),
    LESS_THAN("lt", "<");

    final String code;
    final String infix;

    Op(String code, String infix) {
      this.code = code;
      this.infix = infix;
    }

    static Op ofCode(String code) {
      for (Op op : values()) {
        if (op.code.equals(code)) {
          return op;
        }
      }
      throw new IllegalArgumentException("unknown selector operator " + code);
    }
  }

  /** Go compares strings byte-wise in UTF-8, which is code-point order (UTF-16 order differs). */
  static final Comparator<String> GO_ORDER = Requirement::compareGo;

  static int compareGo(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The requirement with its values de-duplicated and sorted, as {@code sets.String.List()} gives them. */
  static Requirement of(String key, Op op, List<String> values) {
    if (values.size() <= 1) {
      return new Requirement(key, op, List.copyOf(values));
    }
    TreeSet<String> set = new TreeSet<>(GO_ORDER);
    set.addAll(values);
    return new Requirement(key, op, List.copyOf(set));
  }

  /**
   * Requirements in selector order: sorted by key in Go's byte order, keeping the given order for equal
   * keys (Go's sort is an insertion sort, hence stable, for the up to 12 requirements of real
   * selectors).
   */
  static List<Requirement> selectorOrder(List<Requirement> requirements) {
    if (requirements.size() <= 1) {
      return requirements;
    }
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key, GO_ORDER));
    return sorted;
  }

  /** {@code labels.Requirement.String()}: {@code key=v}, {@code key in (a,b)}, {@code !key}, {@code key}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (op == Op.DOES_NOT_EXIST) {
      sb.append('!');
    }
    sb.append(key);
    if (op == Op.EXISTS || op == Op.DOES_NOT_EXIST) {
      return sb.toString();
    }
    sb.append(op.infix);
    boolean set = op == Op.IN || op == Op.NOT_IN;
    if (set) {
      sb.append('(');
    }
    sb.append(String.join(",", values));
    if (set) {
      sb.append(')');
    }
    return sb.toString();
  }
}
