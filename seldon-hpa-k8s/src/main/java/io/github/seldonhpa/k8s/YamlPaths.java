package io.github.seldonhpa.k8s;

/** Builds the paths findings and positions use: {@code spec.metrics[0].object.target.type}. */
final class YamlPaths {
  private YamlPaths() {}

  /** {@code parent.key}, quoting keys that are not plain words: {@code data."config.yaml"}. */
  static String key(String parent, String key) {
    String segment = plain(key) ? key : quote(key);
    return parent.isEmpty() ? segment : parent + "." + segment;
  }

  /** {@code parent[index]}. */
  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A letter, {@code _} or {@code $}, then letters, digits, {@code _}, {@code $} or {@code -} (ASCII). */
  private static boolean plain(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
      if (!word && (i == 0 || !(c >= '0' && c <= '9' || c == '-'))) {
        return false;
      }
    }
    return true;
  }
}
