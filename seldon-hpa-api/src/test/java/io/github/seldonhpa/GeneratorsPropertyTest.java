package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.testing.Generators;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

/** The shared generators give valid values, with the shapes their names promise. */
class GeneratorsPropertyTest implements WithQuickTheories {

  @Test
  void modelsScaleNativelyExactlyWhenBoundsAreSet() {
    qt().withExamples(2000).forAll(Generators.models()).checkAssert(m -> {
      assertThat(m.nativeScaling()).isEqualTo(m.minReplicas().isPresent());
      assertThat(m.replicas()).isPresent();
      assertThat(Model.builder().name(m.name()).namespace(m.namespace()).putAllLabels(m.labels()).storageUri(m.storageUri())
          .addAllRequirements(m.requirements()).memory(m.memory()).server(m.server()).replicas(m.replicas())
          .minReplicas(m.minReplicas()).maxReplicas(m.maxReplicas()).putAllExtraSpec(m.extraSpec()).build()).isEqualTo(m);
    });
  }

  @Test
  void serversHaveNoNativeBounds() {
    qt().withExamples(1000).forAll(Generators.servers()).checkAssert(s -> {
      assertThat(s.minReplicas()).isEmpty();
      assertThat(s.maxReplicas()).isEmpty();
    });
  }

  @Test
  void serverHpasTargetAServerAndDescribeModels() {
    qt().withExamples(2000).forAll(Generators.serverHpas()).checkAssert(h -> {
      assertThat(h.scaleTargetRef().isSeldonServer()).isTrue();
      assertThat(h.maxReplicas()).isGreaterThanOrEqualTo(h.effectiveMinReplicas());
      h.metrics().stream().filter(ObjectMetric.class::isInstance).map(ObjectMetric.class::cast)
          .forEach(o -> assertThat(o.describedObject().orElseThrow().isSeldonModel()).isTrue());
    });
  }
}
