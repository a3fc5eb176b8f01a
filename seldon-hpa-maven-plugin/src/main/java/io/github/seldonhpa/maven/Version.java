package io.github.seldonhpa.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The plugin's version, for the SARIF tool record. */
final class Version {
  private Version() {}

  static String of() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(
        "/META-INF/maven/io.github.seldonhpa/seldon-hpa-maven-plugin/pom.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }
}
