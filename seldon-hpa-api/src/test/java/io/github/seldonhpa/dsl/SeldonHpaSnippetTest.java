package io.github.seldonhpa.dsl;

import static io.github.seldonhpa.SeldonHpa.*;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The house-style quick-start snippet, compiled from outside the API package, against the seeds. */
class SeldonHpaSnippetTest {

  @Test
  void houseStyleSnippetYieldsTheSeedsHpaPair() {
    // as written in house-style.md §4, minus the renderer call that lives in seldon-hpa-k8s
    ScalingPlan plan = scalingPlan("irisa0")                          // the Model CR to scale
        .namespace("seldon-mesh")
        .serverName("mlserver")                                      // also emit the matching Server HPA
        .addMetric(objectMetric("infer_rps", averageValue(3)))   // type: Object, AverageValue 3 per replica
        .replicas(1, 3)
        .scaleUp(scalingRules()
            .stabilizationWindow(ofSeconds(60))
            .addPolicy(pods(5, ofSeconds(90)))                   // at most 5 Pods per 90 s
            .build())
        .build();                                                // @Value.Check -> HpaValidationException

    Hpa modelHpa = plan.modelHpa();
    assertThat(modelHpa.name()).isEqualTo("irisa0-model-hpa");
    assertThat(modelHpa.namespace()).isEqualTo("seldon-mesh");
    assertThat(modelHpa.scaleTargetRef()).isEqualTo(ObjectReference.of("mlops.seldon.io/v1alpha1", "Model", "irisa0"));
    assertThat(modelHpa.minReplicas()).contains(1);
    assertThat(modelHpa.maxReplicas()).isEqualTo(3);
    assertThat(modelHpa.metrics()).containsExactly(seedMetric());
    ScalingRules up = modelHpa.behavior().orElseThrow().scaleUp().orElseThrow();
    assertThat(up.stabilizationWindowSeconds()).contains(60);
    assertThat(up.selectPolicy()).isEmpty();
    assertThat(up.policies()).containsExactly(ScalingPolicy.pods(5, Duration.ofSeconds(90)));
    assertThat(modelHpa.behavior().orElseThrow().scaleDown()).isEmpty();

    Hpa serverHpa = plan.serverHpa().orElseThrow();
    assertThat(serverHpa.name()).isEqualTo("mlserver-server-hpa");
    assertThat(serverHpa.scaleTargetRef()).isEqualTo(ObjectReference.of("mlops.seldon.io/v1alpha1", "Server", "mlserver"));
    assertThat(serverHpa.metrics()).isEqualTo(modelHpa.metrics());
    assertThat(serverHpa.behavior()).isEqualTo(modelHpa.behavior());
    assertThat(plan.modelResource()).isEmpty();
  }

  @Test
  void snippetWithStorageYieldsTheSeedsIrisa0Model() {
    ScalingPlan plan = scalingPlan("irisa0")
        .namespace("seldon-mesh")
        .serverName("mlserver")
        .storageUri("gs://seldon-models/testing/iris1")
        .addRequirement("sklearn")
        .memory("3M")
        .addMetric(objectMetric("infer_rps", averageValue(3)))
        .replicas(1, 3)
        .build();

    Model model = plan.modelResource().orElseThrow();
    assertThat(model.name()).isEqualTo("irisa0");
    assertThat(model.namespace()).contains("seldon-mesh");
    assertThat(model.storageUri()).isEqualTo("gs://seldon-models/testing/iris1");
    assertThat(model.requirements()).containsExactly("sklearn");
    assertThat(model.memory().map(Quantity::toString)).contains("3M");
    assertThat(model.replicas()).contains(1);
    assertThat(model.minReplicas()).isEmpty();
    assertThat(model.maxReplicas()).isEmpty();
    assertThat(model.server()).isEmpty();
    assertThat(plan.behavior()).isEmpty();
    assertThat(plan.modelHpa().behavior()).isEmpty();
  }

  private static Metric seedMetric() {
    return ObjectMetric.builder()
        .metricName("infer_rps")
        .describedObject(ObjectReference.model("irisa0"))
        .target(MetricTarget.averageValue(Quantity.parse("3")))
        .build();
  }

  @Test
  void targetsCompareQuantitiesByValue() {
    List<MetricTarget> same = List.of(averageValue(3), averageValue("3"), averageValue("3000m"));
    assertThat(same).allMatch(t -> t.equals(averageValue(3)));
  }
}
