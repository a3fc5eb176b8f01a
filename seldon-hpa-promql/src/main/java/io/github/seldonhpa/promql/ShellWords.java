package io.github.seldonhpa.promql;

/**
 * Words of the commands the library prints for a POSIX shell, written so that pasting them runs exactly the
 * command shown: a word of characters no shell treats specially stays bare, any other is single-quoted (a
 * {@code '} inside becomes {@code '\''}), so {@code $(id)}, backquotes, globs and spaces are inert.
 */
public final class ShellWords {
  private ShellWords() {}

  /**
   * {@return the word as a POSIX shell reads it back unchanged: bare when it can be, else single-quoted}
   *
   * @param word any text, empty and newlines included
   */
  public static String quote(String word) {
    if (!word.isEmpty() && word.chars().allMatch(ShellWords::plain)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static boolean plain(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-_./:,+@%".indexOf(c) >= 0;
  }
}
