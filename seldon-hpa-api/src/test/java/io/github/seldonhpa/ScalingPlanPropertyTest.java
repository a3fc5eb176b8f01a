package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.testing.Generators;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

/** Invariants of every valid plan: the derived Model HPA and Server HPA cannot drift apart. */
class ScalingPlanPropertyTest implements WithQuickTheories {

  @Test
  void modelAndServerHpaCarryTheSameMetricsBoundsAndBehaviour() {
    qt().withExamples(3000).forAll(Generators.plans()).checkAssert(plan -> {
      Hpa model = plan.modelHpa();
      assertThat(model.name()).isEqualTo(plan.modelName() + "-model-hpa");
      assertThat(model.scaleTargetRef()).isEqualTo(ObjectReference.model(plan.modelName()));
      assertThat(model.namespace()).isEqualTo(plan.namespace());
      assertThat(model.minReplicas()).contains(plan.minReplicas());
      assertThat(model.maxReplicas()).isEqualTo(plan.maxReplicas());
      assertThat(model.behavior()).isEqualTo(plan.behavior());
      assertThat(plan.serverHpa().isPresent()).isEqualTo(plan.serverName().isPresent());
      plan.serverHpa().ifPresent(server -> {
        assertThat(server.name()).isEqualTo(plan.serverName().get() + "-server-hpa");
        assertThat(server.scaleTargetRef()).isEqualTo(ObjectReference.server(plan.serverName().get()));
        assertThat(server.namespace()).isEqualTo(model.namespace());
        assertThat(server.minReplicas()).isEqualTo(model.minReplicas());
        assertThat(server.maxReplicas()).isEqualTo(model.maxReplicas());
        assertThat(server.metrics()).isEqualTo(model.metrics());
        assertThat(server.behavior()).isEqualTo(model.behavior());
      });
    });
  }

  @Test
  void anUndescribedObjectMetricDescribesThePlansModelInBothHpas() {
    qt().withExamples(3000).forAll(Generators.plans()).checkAssert(plan -> {
      List<Hpa> hpas = plan.serverHpa().map(s -> List.of(plan.modelHpa(), s)).orElse(List.of(plan.modelHpa()));
      for (Hpa hpa : hpas) {
        assertThat(hpa.metrics()).hasSameSizeAs(plan.metrics());
        for (int i = 0; i < plan.metrics().size(); i++) {
          ObjectMetric given = (ObjectMetric) plan.metrics().get(i);
          ObjectMetric derived = (ObjectMetric) hpa.metrics().get(i);
          assertThat(derived.describedObject())
              .contains(given.describedObject().orElse(ObjectReference.model(plan.modelName())));
          assertThat(derived.metricName()).isEqualTo(given.metricName());
          assertThat(derived.selector()).isEqualTo(given.selector());
          assertThat(derived.target()).isEqualTo(given.target());
        }
      }
    });
  }

  @Test
  void theDerivedModelHasReplicasAndNeverMinOrMax() {
    qt().withExamples(3000).forAll(Generators.plans()).checkAssert(plan -> {
      assertThat(plan.modelResource().isPresent()).isEqualTo(plan.storageUri().isPresent());
      plan.modelResource().ifPresent(m -> {
        assertThat(m.name()).isEqualTo(plan.modelName());
        assertThat(m.namespace()).contains(plan.namespace());
        assertThat(m.replicas()).contains(plan.minReplicas());
        assertThat(m.minReplicas()).isEmpty();
        assertThat(m.maxReplicas()).isEmpty();
        assertThat(m.nativeScaling()).isFalse();
        assertThat(m.storageUri()).isEqualTo(plan.storageUri().get());
        assertThat(m.requirements()).isEqualTo(plan.requirements());
        assertThat(m.memory()).isEqualTo(plan.memory());
      });
    });
  }

  @Test
  void aPlanRebuiltFromItsPartsIsEqual() {
    qt().withExamples(2000).forAll(Generators.plans()).checkAssert(plan -> {
      ScalingPlan copy = ScalingPlan.builder()
          .modelName(plan.modelName()).namespace(plan.namespace()).serverName(plan.serverName())
          .storageUri(plan.storageUri()).addAllRequirements(plan.requirements()).memory(plan.memory())
          .addAllMetrics(plan.metrics()).replicas(plan.minReplicas(), plan.maxReplicas())
          .scaleUp(plan.scaleUp()).scaleDown(plan.scaleDown())
          .build();
      assertThat(copy).isEqualTo(plan).hasSameHashCodeAs(plan);
      assertThat(copy.modelHpa()).isEqualTo(plan.modelHpa()).hasSameHashCodeAs(plan.modelHpa());
      assertThat(copy.serverHpa()).isEqualTo(plan.serverHpa());
      assertThat(copy.modelResource()).isEqualTo(plan.modelResource());
    });
  }
}
