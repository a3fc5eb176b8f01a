package io.github.seldonhpa.k8s.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Golden files under {@code src/test/resources/golden/} of the calling module: the exact expected text.
 * Run with {@code -Dgolden.update=true} to rewrite them from the current output, then review the diff.
 */
public final class Golden {
  private Golden() {}

  /** Asserts that {@code actual} equals the golden file {@code name}, or rewrites it when updating. */
  public static void assertMatches(String name, String actual) {
    Path file = Paths.get("src/test/resources/golden").resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.write(file, actual.getBytes(StandardCharsets.UTF_8));
        return;
      }
      assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
      String expected = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      assertThat(actual).as("golden file %s (update with -Dgolden.update=true and review the diff)", file)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
