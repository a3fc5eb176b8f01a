package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HpaValidationExceptionTest {

  @Test
  void isAnIllegalArgumentException() {
    assertThat(new HpaValidationException("value must be > 0 (was 0)"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("value must be > 0 (was 0)");
  }

  @Test
  void namesMissingAttributes() {
    assertThat(new HpaValidationException("namespace", "maxReplicas"))
        .hasMessage("missing required attributes: namespace, maxReplicas");
  }
}
