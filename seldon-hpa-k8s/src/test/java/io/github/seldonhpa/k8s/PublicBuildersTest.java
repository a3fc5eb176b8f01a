package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.testing.PublicBuilders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every builder method of the module is declared, and so documented, on a public builder. */
class PublicBuildersTest {
  @Test
  void everyGeneratedBuilderMethodIsDeclaredOnThePublicBuilder() {
    List<Class<?>> builders = PublicBuilders.of(Lint.class);
    assertThat(builders).extracting(Class::getName).contains("io.github.seldonhpa.k8s.AdapterInstall$Builder",
        "io.github.seldonhpa.k8s.Finding$Builder", "io.github.seldonhpa.k8s.LintFacts$Builder");
    assertThat(PublicBuilders.problems(builders)).isEmpty();
  }
}
