package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.testing.PublicBuilders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builders of the rendering and lint values declare, and so document, every builder method. */
class PublicBuildersTest {
  @Test
  void everyGeneratedBuilderMethodIsDeclaredOnThePublicBuilder() {
    assertThat(PublicBuilders.problems(List.of(AdapterInstall.Builder.class, Finding.Builder.class))).isEmpty();
  }
}
