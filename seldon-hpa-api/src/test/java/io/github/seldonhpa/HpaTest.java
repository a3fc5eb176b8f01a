package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HpaTest {
  private static final ObjectMetric RPS = ObjectMetric.builder().metricName("infer_rps")
      .describedObject(ObjectReference.model("irisa0")).target(MetricTarget.averageValue(3)).build();
  private static final String NO_PODS = " must not be a %s metric on a Model HPA: it is measured on the pods of the"
      + " target's selector, and a Seldon Model's selector matches no pods; put it on the Server HPA (was %s)";

  private static Hpa.Builder modelHpa() {
    return Hpa.builder().name("irisa0-model-hpa").namespace("seldon-mesh")
        .scaleTargetRef(ObjectReference.model("irisa0"));
  }

  private static Hpa.Builder serverHpa() {
    return Hpa.builder().name("mlserver-server-hpa").namespace("seldon-mesh")
        .scaleTargetRef(ObjectReference.server("mlserver"));
  }

  @Test
  void theSeedsModelHpa() {
    Hpa hpa = modelHpa().replicas(1, 3).addMetric(RPS).build();
    assertThat(hpa.name()).isEqualTo("irisa0-model-hpa");
    assertThat(hpa.namespace()).isEqualTo("seldon-mesh");
    assertThat(hpa.scaleTargetRef()).isEqualTo(ObjectReference.model("irisa0"));
    assertThat(hpa.minReplicas()).contains(1);
    assertThat(hpa.effectiveMinReplicas()).isEqualTo(1);
    assertThat(hpa.maxReplicas()).isEqualTo(3);
    assertThat(hpa.metrics()).containsExactly(RPS);
    assertThat(hpa.behavior()).isEmpty();
  }

  @Test
  void minReplicasDefaultsToOne() {
    Hpa hpa = modelHpa().maxReplicas(1).addMetric(RPS).build();
    assertThat(hpa.minReplicas()).isEmpty();
    assertThat(hpa.effectiveMinReplicas()).isEqualTo(1);
    assertThatThrownBy(() -> modelHpa().maxReplicas(0).addMetric(RPS).build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("maxReplicas must be >= 1 (was 0)");
  }

  @Test
  void replicaBounds() {
    assertThat(modelHpa().replicas(3, 3).addMetric(RPS).build().maxReplicas()).isEqualTo(3);
    assertThatThrownBy(() -> modelHpa().replicas(0, 3).addMetric(RPS).build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("minReplicas must be >= 1: 0 needs the HPAScaleToZero feature gate (alpha, off by default)"
            + " and an Object or External metric; KEDA scales to zero without it (was 0)");
    assertThatThrownBy(() -> modelHpa().replicas(3, 2).addMetric(RPS).build())
        .hasMessage("maxReplicas must be >= minReplicas (was maxReplicas=2, minReplicas=3)");
  }

  @Test
  void namesAreDns1123() {
    assertThatThrownBy(() -> Hpa.builder().name("Irisa0-hpa").namespace("seldon-mesh")
            .scaleTargetRef(ObjectReference.model("irisa0")).maxReplicas(3).addMetric(RPS).build())
        .hasMessage("name must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending"
            + " with a letter or digit, at most 253 characters (was \"Irisa0-hpa\")");
    assertThatThrownBy(() -> Hpa.builder().name("irisa0-hpa").namespace("seldon.mesh")
            .scaleTargetRef(ObjectReference.model("irisa0")).maxReplicas(3).addMetric(RPS).build())
        .hasMessage("namespace must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a"
            + " letter or digit, at most 63 characters (was \"seldon.mesh\")");
    assertThatThrownBy(() -> Hpa.builder().name("irisa0-hpa").namespace("seldon-mesh")
            .scaleTargetRef(ObjectReference.model("Irisa0")).maxReplicas(3).addMetric(RPS).build())
        .hasMessageStartingWith("scaleTargetRef.name must be a DNS-1123 subdomain: ");
  }

  @Test
  void theTargetMustBeASeldonModelOrServer() {
    assertThatThrownBy(() -> Hpa.builder().name("p").namespace("n")
            .scaleTargetRef(ObjectReference.of("mlops.seldon.io/v1alpha1", "Pipeline", "p")).maxReplicas(3).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("scaleTargetRef.kind must be Model or Server: they are the Seldon kinds with a scale subresource,"
            + " Pipelines and Experiments have none (was \"Pipeline\")");
    assertThatThrownBy(() -> Hpa.builder().name("e").namespace("n")
            .scaleTargetRef(ObjectReference.of("mlops.seldon.io/v1alpha1", "Experiment", "e")).maxReplicas(3).build())
        .hasMessageEndingWith("(was \"Experiment\")");
    assertThatThrownBy(() -> Hpa.builder().name("d").namespace("n")
            .scaleTargetRef(ObjectReference.of("apps/v1", "Deployment", "d")).maxReplicas(3).build())
        .hasMessage("scaleTargetRef.apiVersion must be mlops.seldon.io/v1alpha1: seldon-hpa scales Seldon Models and"
            + " Servers (was \"apps/v1\")");
  }

  @Test
  void objectMetricsMustUseAverageValue() {
    ObjectMetric value = ObjectMetric.builder().metricName("infer_rps")
        .describedObject(ObjectReference.model("irisa0")).target(MetricTarget.value(3)).build();
    String message = "metrics[1].target.type must be AverageValue for an Object metric on a Seldon HPA: with Value the"
        + " HPA scales by the ready pods of the target's selector, and a Seldon Model's selector matches no pods"
        + " (was Value)";
    assertThatThrownBy(() -> modelHpa().maxReplicas(3).addMetrics(RPS, value).build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage(message);
    assertThatThrownBy(() -> serverHpa().maxReplicas(3).addMetrics(RPS, value).build()).hasMessage(message);
  }

  @Test
  void objectMetricsMustNameTheirDescribedObject() {
    assertThatThrownBy(() -> modelHpa().maxReplicas(3).addMetric(ObjectMetric.of("infer_rps",
            MetricTarget.averageValue(3))).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metrics[0].describedObject must be set on an HPA (was unset)");
  }

  @Test
  void externalMetricsOnAModelHpaMustUseAverageValue() {
    assertThat(modelHpa().maxReplicas(3).addMetric(ExternalMetric.of("q", MetricTarget.averageValue(5))).build()
        .metrics()).hasSize(1);
    assertThat(serverHpa().maxReplicas(3).addMetric(ExternalMetric.of("q", MetricTarget.value(5))).build()
        .metrics()).hasSize(1);
    assertThatThrownBy(() -> modelHpa().maxReplicas(3).addMetric(ExternalMetric.of("q", MetricTarget.value(5))).build())
        .hasMessage("metrics[0].target.type must be AverageValue for an External metric on a Model HPA: with Value the"
            + " HPA scales by the ready pods of the target's selector, and a Seldon Model's selector matches no pods"
            + " (was Value)");
  }

  @Test
  void resourceAndPodsMetricsOnlyOnAServerHpa() {
    ResourceMetric cpu = ResourceMetric.of("cpu", MetricTarget.utilization(80));
    PodsMetric pods = PodsMetric.of("rps", MetricTarget.averageValue(3));
    Hpa server = serverHpa().maxReplicas(3).addMetrics(cpu, pods).build();
    assertThat(server.metrics()).containsExactly(cpu, pods);
    assertThatThrownBy(() -> modelHpa().maxReplicas(3).addMetrics(RPS, cpu).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage(String.format("metrics[1]" + NO_PODS, "Resource", "Resource cpu"));
    assertThatThrownBy(() -> modelHpa().maxReplicas(3).addMetric(pods).build())
        .hasMessage(String.format("metrics[0]" + NO_PODS, "Pods", "Pods rps"));
  }

  @Test
  void aModelHpaNeedsAMetricAServerHpaMayTakeTheDefault() {
    assertThat(serverHpa().maxReplicas(3).build().metrics()).isEmpty();
    assertThatThrownBy(() -> modelHpa().maxReplicas(3).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metrics must not be empty on a Model HPA: the API server would fill in cpu Utilization 80, and a"
            + " Seldon Model's selector matches no pods (was [])");
  }

  @Test
  void missingRequiredAttributesAreNamed() {
    assertThatThrownBy(() -> Hpa.builder().name("x").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("missing required attributes: namespace, scaleTargetRef, maxReplicas");
  }
}
