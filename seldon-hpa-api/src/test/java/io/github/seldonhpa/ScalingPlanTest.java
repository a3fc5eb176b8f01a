package io.github.seldonhpa;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScalingPlanTest {

  private static ScalingPlan.Builder irisa0() {
    return ScalingPlan.builder().modelName("irisa0").namespace("seldon-mesh")
        .addMetric(ObjectMetric.of("infer_rps", MetricTarget.averageValue(3))).replicas(1, 3);
  }

  @Test
  void seed002ModelAndServerHpaPair() {
    ScalingPlan plan = irisa0().serverName("mlserver").build();
    Hpa expectedMetricSource = Hpa.builder().name("irisa0-model-hpa").namespace("seldon-mesh")
        .scaleTargetRef(ObjectReference.model("irisa0")).replicas(1, 3)
        .addMetric(ObjectMetric.builder().metricName("infer_rps").describedObject(ObjectReference.model("irisa0"))
            .target(MetricTarget.averageValue(3)).build())
        .build();
    assertThat(plan.modelHpa()).isEqualTo(expectedMetricSource);
    Hpa server = plan.serverHpa().orElseThrow();
    assertThat(server).isEqualTo(Hpa.builder().name("mlserver-server-hpa").namespace("seldon-mesh")
        .scaleTargetRef(ObjectReference.server("mlserver")).replicas(1, 3)
        .addAllMetrics(expectedMetricSource.metrics()).build());
  }

  @Test
  void seed002CustomScaleUpPolicyGoesToBothHpas() {
    ScalingRules up = ScalingRules.builder().stabilizationWindow(ofSeconds(60))
        .addPolicy(ScalingPolicy.pods(5, ofSeconds(90))).build();
    ScalingPlan plan = irisa0().serverName("mlserver").scaleUp(up).build();
    Behavior expected = Behavior.builder().scaleUp(up).build();
    assertThat(plan.behavior()).contains(expected);
    assertThat(plan.modelHpa().behavior()).contains(expected);
    assertThat(plan.serverHpa().orElseThrow().behavior()).contains(expected);
  }

  @Test
  void scaleDownAloneMakesABehaviour() {
    ScalingRules down = ScalingRules.builder().stabilizationWindow(ofSeconds(600)).build();
    ScalingPlan plan = irisa0().scaleDown(down).build();
    assertThat(plan.modelHpa().behavior()).contains(Behavior.builder().scaleDown(down).build());
  }

  @Test
  void anExplicitDescribedObjectIsKept() {
    ObjectMetric perNamespace = ObjectMetric.builder().metricName("infer_rps")
        .describedObject(ObjectReference.of("v1", "Namespace", "seldon-mesh"))
        .target(MetricTarget.averageValue(30)).build();
    ScalingPlan plan = ScalingPlan.builder().modelName("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(perNamespace).replicas(2, 4).build();
    assertThat(plan.modelHpa().metrics()).containsExactly(perNamespace);
    assertThat(plan.serverHpa().orElseThrow().metrics()).containsExactly(perNamespace);
  }

  @Test
  void selectorsAndSeveralMetricsAreCarriedInOrder() {
    ObjectMetric rest = ObjectMetric.builder().metricName("infer_rps")
        .selector(LabelSelector.matchLabel("method_type", "rest")).target(MetricTarget.averageValue("3")).build();
    ExternalMetric queue = ExternalMetric.of("queue_depth", MetricTarget.averageValue(10));
    ScalingPlan plan = ScalingPlan.builder().modelName("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(rest).addMetric(queue).replicas(1, 3).build();
    assertThat(plan.modelHpa().metrics()).containsExactly(rest.describing(ObjectReference.model("irisa0")), queue);
    assertThat(plan.serverHpa().orElseThrow().metrics()).isEqualTo(plan.modelHpa().metrics());
  }

  @Test
  void theModelCrFollowsTheSeed() {
    ScalingPlan plan = ScalingPlan.builder().modelName("irisa0").namespace("seldon-mesh")
        .storageUri("gs://seldon-models/testing/iris1").addRequirement("sklearn").memory("3M")
        .addMetric(ObjectMetric.of("infer_rps", MetricTarget.averageValue(3))).replicas(2, 3).build();
    assertThat(plan.modelResource()).contains(Model.builder().name("irisa0").namespace("seldon-mesh")
        .storageUri("gs://seldon-models/testing/iris1").addRequirement("sklearn").memory("3M").replicas(2).build());
  }
}
