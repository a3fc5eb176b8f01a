package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.seldonhpa.testing.Generators;
import org.junit.jupiter.api.Test;

/** toBuilder() copies every value: a copy equals its original, and a changed copy leaves it alone. */
class ToBuilderPropertyTest {
  @Test
  void aCopiedPlanEqualsItsOriginalAndDerivesTheSameObjects() {
    qt().withExamples(3000).forAll(Generators.plans()).checkAssert(plan -> {
      ScalingPlan copy = plan.toBuilder().build();
      assertThat(copy).isEqualTo(plan);
      assertThat(copy.modelHpa()).isEqualTo(plan.modelHpa());
      assertThat(copy.serverHpa()).isEqualTo(plan.serverHpa());
      assertThat(copy.modelResource()).isEqualTo(plan.modelResource());
    });
  }

  @Test
  void aPlanDerivedForAnotherModelChangesOnlyItsNames() {
    qt().withExamples(3000).forAll(Generators.plans(), Generators.names()).checkAssert((plan, name) -> {
      ScalingPlan derived = plan.toBuilder().modelName(name).build();
      assertThat(derived.modelHpa().name()).isEqualTo(name + "-model-hpa");
      assertThat(derived.modelHpa().scaleTargetRef()).isEqualTo(ObjectReference.model(name));
      assertThat(derived.modelHpa().behavior()).isEqualTo(plan.modelHpa().behavior());
      assertThat(derived.modelHpa().maxReplicas()).isEqualTo(plan.modelHpa().maxReplicas());
      assertThat(derived.toBuilder().modelName(plan.modelName()).build()).isEqualTo(plan);
    });
  }

  @Test
  void copiedObjectsEqualTheirOriginals() {
    qt().withExamples(3000).forAll(Generators.models(), Generators.servers(), Generators.serverHpas())
        .checkAssert((model, server, hpa) -> {
          assertThat(model.toBuilder().build()).isEqualTo(model);
          assertThat(server.toBuilder().build()).isEqualTo(server);
          assertThat(hpa.toBuilder().build()).isEqualTo(hpa);
        });
  }
}
