package io.github.seldonhpa.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.testing.PublicSignatures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No public signature of the module mentions Jackson, and the scan finds every kind of mention. */
class PublicSignaturesTest {
  @Test
  void theApiMentionsNoJacksonType() {
    assertThat(PublicSignatures.mentioning(ScalingPlan.class, List.of("io.github.seldonhpa",
        "io.github.seldonhpa.scaling"), "com.fasterxml.")).isEmpty();
  }

  @Test
  void everyKindOfMentionIsFound() {
    String leaky = SignatureFixtures.Leaky.class.getName();
    assertThat(PublicSignatures.mentioning(SignatureFixtures.class, List.of("io.github.seldonhpa.signatures"),
        "com.fasterxml.")).containsExactly(
            leaky + " implements com.fasterxml.jackson.databind.node.ObjectNode",
            leaky + " type parameter T com.fasterxml.jackson.databind.JsonNode",
            leaky + "() takes com.fasterxml.jackson.databind.node.ObjectNode",
            leaky + ".mapper is com.fasterxml.jackson.databind.ObjectMapper",
            leaky + ".read() takes com.fasterxml.jackson.databind.node.ObjectNode",
            leaky + ".read() throws com.fasterxml.jackson.core.JsonProcessingException",
            leaky + ".tree() returns com.fasterxml.jackson.databind.JsonNode");
  }
}
