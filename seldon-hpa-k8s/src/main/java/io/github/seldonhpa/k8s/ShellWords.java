package io.github.seldonhpa.k8s;

/** Words for the POSIX shell commands the library prints: each argument reaches the program unchanged. */
final class ShellWords {
  private ShellWords() {}

  /** {@code s} as one shell word: as is when it holds only characters no shell treats specially, else quoted. */
  static String word(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "_-./:=@%+,".indexOf(c) >= 0;
      if (!plain) {
        return quoted(s);
      }
    }
    return s.isEmpty() ? "''" : s;
  }

  /** {@code s} in single quotes, each {@code '} written as {@code '\''}: nothing inside is expanded. */
  static String quoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * A value for {@code helm --set key=value}: Helm's parser splits at {@code ,} and reads {@code \} as an
   * escape, so both are escaped with a backslash.
   */
  static String helmSetValue(String s) {
    return s.replace("\\", "\\\\").replace(",", "\\,");
  }
}
