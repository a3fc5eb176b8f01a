package io.github.seldonhpa.k8s.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources of the k8s module (the seeds' manifests under {@code seeds/}). */
public final class Fixtures {
  private Fixtures() {}

  /** The text of a class-path resource, e.g. {@code seeds/irisa0-model-hpa.yaml}. */
  public static String read(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
