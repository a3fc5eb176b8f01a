package io.github.seldonhpa.k8s;

import java.util.regex.Pattern;

/** Builds the paths findings and positions use: {@code spec.metrics[0].object.target.type}. */
final class YamlPaths {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private YamlPaths() {}

  /** {@code parent.key}, quoting keys that are not plain words: {@code data."config.yaml"}. */
  static String key(String parent, String key) {
    String segment = PLAIN_KEY.matcher(key).matches() ? key : quote(key);
    return parent.isEmpty() ? segment : parent + "." + segment;
  }

  /** {@code parent[index]}. */
  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
