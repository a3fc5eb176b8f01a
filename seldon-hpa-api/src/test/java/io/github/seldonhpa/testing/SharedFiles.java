package io.github.seldonhpa.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The shared reference material (vectors, schemas) beside the project, read at run time. Tests that need
 * it call {@link #require}, which aborts the test (reported as skipped, never passed) when it is absent.
 */
public final class SharedFiles {
  private SharedFiles() {}

  /**
   * The shared folder: the system property {@code seldonhpa.shared} (set by the build to
   * {@code ../shared} beside the project), else {@code ../shared} and {@code ../../shared} from the
   * working directory.
   */
  public static Path root() {
    String prop = System.getProperty("seldonhpa.shared");
    if (prop != null && !prop.isEmpty()) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path here = Paths.get("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("vectors"))) {
        return candidate;
      }
    }
    return here.resolveSibling("shared");
  }

  /**
   * The file named by system property {@code property} if set, else {@code relative} under {@link #root()};
   * aborts the calling test (skipped) when the file does not exist.
   */
  public static Path require(String property, String relative) {
    String prop = property == null ? null : System.getProperty(property);
    Path path = prop != null && !prop.isEmpty() ? Paths.get(prop) : root().resolve(relative);
    assumeTrue(Files.isRegularFile(path),
        () -> "skipped: shared file " + path + " is absent (clone the project beside ../shared)");
    return path;
  }

  /** {@link #require(String, String)} without a property override. */
  public static Path require(String relative) {
    return require(null, relative);
  }

  /** The text of a required shared file (see {@link #require(String, String)}). */
  public static String read(String property, String relative) {
    try {
      return new String(Files.readAllBytes(require(property, relative)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
