package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScalingPlanValidationTest {
  private static final ObjectMetric RPS = ObjectMetric.of("infer_rps", MetricTarget.averageValue(3));

  private static ScalingPlan.Builder plan() {
    return ScalingPlan.builder().modelName("irisa0").namespace("seldon-mesh");
  }

  @Test
  void replicaBounds() {
    assertThat(plan().addMetric(RPS).replicas(1, 1).build().maxReplicas()).isEqualTo(1);
    assertThatThrownBy(() -> plan().addMetric(RPS).replicas(0, 3).build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("minReplicas must be >= 1: 0 needs the HPAScaleToZero feature gate (alpha, off by default)"
            + " and an Object or External metric; KEDA scales to zero without it (was 0)");
    assertThatThrownBy(() -> plan().addMetric(RPS).replicas(2, 1).build())
        .hasMessage("maxReplicas must be >= minReplicas (was maxReplicas=1, minReplicas=2)");
  }

  @Test
  void objectMetricsMustUseAverageValueBecauseTheModelSelectsNoPods() {
    assertThatThrownBy(() -> plan().addMetric(ObjectMetric.of("infer_rps", MetricTarget.value(3))).replicas(1, 3).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metrics[0].target.type must be AverageValue for an Object metric on a Seldon HPA: with Value the"
            + " HPA scales by the ready pods of the target's selector, and a Seldon Model's selector matches no pods"
            + " (was Value)");
  }

  @Test
  void cpuAndMemoryMetricsAreRejectedBecauseThePlanAlsoScalesTheModel() {
    assertThatThrownBy(() -> plan().addMetric(RPS).addMetric(ResourceMetric.of("memory", MetricTarget.utilization(70)))
            .replicas(1, 3).serverName("mlserver").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metrics[1] must not be a Resource metric in a ScalingPlan: the plan applies its metrics to the"
            + " Model HPA, and a Seldon Model's selector matches no pods; build a Server HPA with Hpa.builder()"
            + " (was Resource memory)");
    assertThatThrownBy(() -> plan().addMetric(PodsMetric.of("rps", MetricTarget.averageValue(3))).replicas(1, 3).build())
        .hasMessageStartingWith("metrics[0] must not be a Pods metric in a ScalingPlan: ")
        .hasMessageEndingWith("(was Pods rps)");
  }

  @Test
  void atLeastOneMetric() {
    assertThatThrownBy(() -> plan().replicas(1, 3).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metrics must not be empty: a plan scales on at least one metric (was [])");
  }

  @Test
  void namesLeaveRoomForTheHpaSuffixes() {
    String model243 = "m".repeat(243);
    assertThat(ScalingPlan.builder().modelName(model243).namespace("seldon-mesh").addMetric(RPS).replicas(1, 3).build().modelHpa().name())
        .hasSize(253).endsWith("-model-hpa");
    assertThatThrownBy(() -> ScalingPlan.builder().modelName(model243 + "m").namespace("seldon-mesh").addMetric(RPS)
            .replicas(1, 3).build())
        .hasMessage("modelName must be at most 243 characters so that <modelName>-model-hpa is a valid name"
            + " (was 244 characters)");
    String server242 = "s".repeat(242);
    assertThat(plan().serverName(server242).addMetric(RPS).replicas(1, 3).build().serverHpa().orElseThrow().name())
        .hasSize(253);
    assertThatThrownBy(() -> plan().serverName(server242 + "s").addMetric(RPS).replicas(1, 3).build())
        .hasMessage("serverName must be at most 242 characters so that <serverName>-server-hpa is a valid name"
            + " (was 243 characters)");
  }

  @Test
  void namesAreDns1123() {
    assertThatThrownBy(() -> ScalingPlan.builder().modelName("Irisa0").namespace("seldon-mesh").addMetric(RPS)
            .replicas(1, 3).build())
        .hasMessage("modelName must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and"
            + " ending with a letter or digit, at most 253 characters (was \"Irisa0\")");
    assertThatThrownBy(() -> plan().serverName("ml_server").addMetric(RPS).replicas(1, 3).build())
        .hasMessageStartingWith("serverName must be a DNS-1123 subdomain: ").hasMessageEndingWith("(was \"ml_server\")");
    String ns63 = "n".repeat(63);
    assertThat(ScalingPlan.builder().modelName("irisa0").namespace(ns63).addMetric(RPS).replicas(1, 3).build()
        .namespace()).isEqualTo(ns63);
    assertThatThrownBy(() -> ScalingPlan.builder().modelName("irisa0").namespace(ns63 + "n").addMetric(RPS)
            .replicas(1, 3).build())
        .hasMessageStartingWith("namespace must be a DNS-1123 label: ");
  }

  @Test
  void modelFieldsNeedAStorageUri() {
    assertThatThrownBy(() -> plan().addRequirement("sklearn").addMetric(RPS).replicas(1, 3).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("storageUri must be set when requirements or memory are, to derive the Model CR (was unset)");
    assertThatThrownBy(() -> plan().storageUri("").addMetric(RPS).replicas(1, 3).build())
        .hasMessage("storageUri must not be blank (was \"\")");
    assertThatThrownBy(() -> plan().storageUri("gs://x").memory("-3M").addMetric(RPS).replicas(1, 3).build())
        .hasMessage("memory must be > 0 (was -3M)");
    assertThatThrownBy(() -> plan().storageUri("gs://x").addRequirement(" ").addMetric(RPS).replicas(1, 3).build())
        .hasMessage("requirements[0] must not be blank (was \" \")");
  }

  @Test
  void missingAttributesAreNamed() {
    assertThatThrownBy(() -> ScalingPlan.builder().modelName("irisa0").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("missing required attributes: namespace, minReplicas, maxReplicas");
  }
}
