package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.testing.PublicBuilders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every builder method of the module is declared, and so documented, on a public builder. */
class PublicBuildersTest {
  @Test
  void everyGeneratedBuilderMethodIsDeclaredOnThePublicBuilder() {
    List<Class<?>> builders = PublicBuilders.of(ScalingPlan.class);
    assertThat(builders).extracting(Class::getName).contains("io.github.seldonhpa.ScalingPlan$Builder",
        "io.github.seldonhpa.Hpa$Builder", "io.github.seldonhpa.Model$Builder", "io.github.seldonhpa.Server$Builder",
        "io.github.seldonhpa.ScaledObject$Builder", "io.github.seldonhpa.scaling.Simulation$Builder");
    assertThat(PublicBuilders.problems(builders)).isEmpty();
  }

  @Test
  void aBuilderExtendingTheGeneratedOneIsReported() {
    assertThat(PublicBuilders.problems(List.of(BuilderStylesTestTypes.Extending.Builder.class))).containsExactly(
        "io.github.seldonhpa.BuilderStylesTestTypes$Extending$Builder is not the abstract superclass of"
            + " io.github.seldonhpa.ImmutableExtending$Builder");
  }

  @Test
  void labelAndAnnotationSettersAreDeclaredOnlyOnThePublicMetadataBuilder() {
    assertThat(ScalingPlan.Builder.class.getInterfaces()).containsExactly(MetadataBuilder.class);
    assertThat(Model.Builder.class.getDeclaredMethods()).extracting(java.lang.reflect.Method::getName)
        .doesNotContain("putLabel", "labels", "putAllLabels", "putAnnotation", "annotations", "putAllAnnotations");
  }

  @Test
  void aBuilderLeavingMethodsToAHiddenInterfaceIsReported() {
    assertThat(PublicBuilders.problems(List.of(BuilderStylesTestTypes.Hiding.Builder.class))).containsExactly(
        "io.github.seldonhpa.BuilderStylesTestTypes$Hiding$Builder implements"
            + " io.github.seldonhpa.BuilderStylesTestTypes$HiddenSetters, which has no public page",
        "io.github.seldonhpa.BuilderStylesTestTypes$Hiding$Builder.value[int] is undeclared");
  }
}
