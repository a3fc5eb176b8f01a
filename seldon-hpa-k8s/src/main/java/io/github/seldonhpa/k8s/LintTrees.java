package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.Quantity;
import java.util.LinkedHashSet;
import java.util.Set;

/** Path and tree helpers the lint checks share. */
final class LintTrees {
  static final String SELDON_GROUP = "mlops.seldon.io";
  static final String SELDON_API_VERSION = "mlops.seldon.io/v1alpha1";

  private LintTrees() {}

  /** The path's parent: {@code a.b[0].c} to {@code a.b[0]}, {@code a.b[0]} to {@code a.b}, {@code a} to "". */
  static String parent(String path) {
    int end = path.length();
    if (path.endsWith("]")) {
      return path.substring(0, path.lastIndexOf('['));
    }
    if (path.endsWith("\"")) {
      end = path.lastIndexOf('"', end - 2);
    }
    int dot = path.lastIndexOf('.', end - 1);
    int bracket = path.lastIndexOf(']', end - 1);
    return dot < 0 ? (bracket < 0 ? "" : path.substring(0, bracket + 1)) : path.substring(0, dot);
  }

  /** The group of an apiVersion: {@code mlops.seldon.io} of {@code mlops.seldon.io/v1alpha1}, "" for core. */
  static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The node at a path below {@code root} ({@code spec.metrics[0].object}), or a missing node. */
  static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    int i = 0;
    while (i < path.length() && !node.isMissingNode()) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        int close = path.indexOf(']', i);
        node = node.path(Integer.parseInt(path.substring(i + 1, close)));
        i = close + 1;
      } else if (c == '"') {
        StringBuilder key = new StringBuilder();
        int j = i + 1;
        while (path.charAt(j) != '"') {
          if (path.charAt(j) == '\\') {
            j++;
          }
          key.append(path.charAt(j++));
        }
        node = node.path(key.toString());
        i = j + 1;
      } else {
        int j = i;
        while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        node = node.path(path.substring(i, j));
        i = j;
      }
    }
    return node;
  }

  /** The path of the first difference between two trees, or {@code null}; quantities compare by value. */
  static String difference(JsonNode a, JsonNode b, String path) {
    boolean aMissing = !Fields.present(a);
    boolean bMissing = !Fields.present(b);
    if (aMissing || bMissing) {
      return aMissing == bMissing ? null : path;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String d = difference(a.get(key), b.get(key), YamlPaths.key(path, key));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        String d = difference(a.get(i), b.get(i), YamlPaths.index(path, i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.equals(b)) {
      return null;
    }
    if (a.isValueNode() && b.isValueNode() && !a.isBoolean() && !b.isBoolean()) {
      try {
        if (Quantity.parse(a.asText()).equals(Quantity.parse(b.asText()))) {
          return null;
        }
      } catch (IllegalArgumentException e) {
        return path;
      }
    }
    return path;
  }

  /** A value for messages: a scalar as written, a mapping or sequence in JSON, cut at 80 characters. */
  static String show(JsonNode node) {
    if (!Fields.present(node)) {
      return "unset";
    }
    String text = node.isContainerNode() ? node.toString() : ManifestReader.describe(node);
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  /** Levenshtein distance, for near misses of names. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
