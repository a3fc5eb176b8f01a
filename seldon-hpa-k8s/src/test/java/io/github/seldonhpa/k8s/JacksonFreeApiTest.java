package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.testing.PublicSignatures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No public signature of the exported package mentions a Jackson type, so users are not tied to Jackson 2
 * (fabric8's objects, which the renderers return, are Jackson-annotated; see docs/dependency.md).
 */
class JacksonFreeApiTest {
  @Test
  void noPublicSignatureMentionsJackson() {
    assertThat(PublicSignatures.mentioning(Manifest.class, List.of("io.github.seldonhpa.k8s"), "com.fasterxml."))
        .isEmpty();
  }
}
