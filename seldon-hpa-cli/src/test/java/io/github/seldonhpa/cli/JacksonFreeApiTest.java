package io.github.seldonhpa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.testing.PublicSignatures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No public signature of the module mentions a Jackson type, so users are not tied to Jackson 2. */
class JacksonFreeApiTest {
  @Test
  void noPublicSignatureMentionsJackson() {
    assertThat(PublicSignatures.mentioning(Main.class, List.of("io.github.seldonhpa.cli"), "com.fasterxml."))
        .isEmpty();
  }
}
