package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.matchLabel;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.testing.Fixtures;
import io.github.seldonhpa.promql.SeldonPresets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanFileTest {
  private static final String PLAN = Fixtures.read("plans/irisa0.plan.yaml");

  private static final ScalingPlan DSL = scalingPlan("irisa0")
      .namespace("seldon-mesh")
      .serverName("mlserver")
      .storageUri("gs://seldon-models/testing/iris1")
      .addRequirement("sklearn")
      .memory("3M")
      .addMetric(objectMetric("infer_rps", averageValue(3)))
      .replicas(1, 3)
      .scaleUp(scalingRules().stabilizationWindow(Duration.ofSeconds(60)).addPolicy(pods(5, Duration.ofSeconds(90))).build())
      .build();

  @Test
  void readsThePlanTheDslBuilds() {
    List<PlanFile> plans = PlanFile.read("irisa0.plan.yaml", PLAN);
    assertThat(plans).hasSize(1);
    PlanFile p = plans.get(0);
    assertThat(p.plan()).isEqualTo(DSL);
    assertThat(p.adapter()).contains(SeldonPresets.inferRpsConfig(Duration.ofMinutes(2)));
    assertThat(p.nativeScaling()).isEmpty();
    assertThat(p.source()).isEqualTo("irisa0.plan.yaml");
    assertThat(p.document()).isEqualTo(1);
  }

  @Test
  void objectsAreThePlanManifestsThenTheAdapterConfigMap() {
    List<Manifest> objects = PlanFile.read("irisa0.plan.yaml", PLAN).get(0).objects();
    assertThat(objects).extracting(Manifest::describe).containsExactly(
        "Model seldon-mesh/irisa0", "HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa",
        "HorizontalPodAutoscaler seldon-mesh/mlserver-server-hpa",
        "ConfigMap seldon-monitoring/hpa-metrics-prometheus-adapter");
    assertThat(Manifest.toYaml(objects)).isEqualTo(Manifests.yaml(DSL) + "---\n"
        + Manifests.adapterConfigMapYaml("hpa-metrics", "seldon-monitoring", SeldonPresets.inferRpsConfig(Duration.ofMinutes(2))));
    assertThat(PlanFile.fileName(objects.get(1), "yaml")).isEqualTo("horizontalpodautoscaler_seldon-mesh_irisa0-model-hpa.yaml");
  }

  @Test
  void selectorsDescribedObjectsExternalMetricsAndNativeScaling() {
    String yaml = "kind: ScalingPlan\nmodelName: m\nnamespace: ns\nminReplicas: 2\nmaxReplicas: 4\n"
        + "metrics:\n- type: Object\n  object:\n    metric:\n      name: infer_rps\n"
        + "      selector: {matchLabels: {method_type: rest}}\n"
        + "    describedObject: {apiVersion: mlops.seldon.io/v1alpha1, kind: Model, name: other}\n"
        + "    target: {type: AverageValue, averageValue: 500m}\n"
        + "- type: External\n  external:\n    metric: {name: queue_depth}\n    target: {type: AverageValue, averageValue: 10}\n"
        + "adapter:\n  config:\n    rules: []\n  release: adapter\n  namespace: monitoring\n"
        + "nativeScaling: {modelInferenceLagThreshold: 10, modelInactiveSecondsThreshold: 300}\n";
    PlanFile p = PlanFile.read("p.yaml", yaml).get(0);
    assertThat(p.plan().metrics()).hasSize(2);
    assertThat(p.plan().metrics().get(0)).isEqualTo(io.github.seldonhpa.ObjectMetric.builder().metricName("infer_rps")
        .selector(matchLabel("method_type", "rest")).describedObject(io.github.seldonhpa.ObjectReference.model("other"))
        .target(averageValue("500m")).build());
    assertThat(p.nativeScaling().orElseThrow().modelInferenceLagThreshold()).isEqualTo(10);
    assertThat(p.nativeScaling().orElseThrow().modelInactiveThreshold()).isEqualTo(Duration.ofSeconds(300));
    assertThat(p.objects().get(p.objects().size() - 1).describe()).isEqualTo("ConfigMap monitoring/adapter-prometheus-adapter");
  }

  @Test
  void severalPlansShareOneAdapterConfigMap() {
    String second = PLAN.replace("irisa0", "irisa1").replace("mlserver", "mlserver-1");
    List<PlanFile> plans = PlanFile.read("plans.yaml", PLAN + "---\n" + second);
    assertThat(PlanFile.objects(plans)).extracting(Manifest::describe).containsExactly(
        "Model seldon-mesh/irisa0", "HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa",
        "HorizontalPodAutoscaler seldon-mesh/mlserver-server-hpa",
        "ConfigMap seldon-monitoring/hpa-metrics-prometheus-adapter",
        "Model seldon-mesh/irisa1", "HorizontalPodAutoscaler seldon-mesh/irisa1-model-hpa",
        "HorizontalPodAutoscaler seldon-mesh/mlserver-1-server-hpa");
  }

  @Test
  void twoPlansRenderingOneObjectDifferentlyIsAnError() {
    String other = PLAN.replace("window: 2m", "window: 1m").replace("irisa0", "irisa1").replace("mlserver", "m2");
    List<PlanFile> plans = PlanFile.read("plans.yaml", PLAN + "---\n" + other);
    assertThatThrownBy(() -> PlanFile.objects(plans))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("ConfigMap seldon-monitoring/hpa-metrics-prometheus-adapter is rendered differently by the plan"
            + " at plans.yaml, document 1 and this plan (at plans.yaml, document 2)");
  }

  /** Each edit of the example plan, the exact message and where it points. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      kind: ScalingPlan=>kind: Plan               | kind must be ScalingPlan (was "Plan")                                                  | 2:1
      modelName: irisa0=>modelName: Iris_A0       | modelName must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters (was "Iris_A0") | 3:1
      namespace: seldon-mesh=>namespace: 7        | namespace must be a string (was 7)                                                      | 4:1
      minReplicas: 1=>minReplicas: 0              | minReplicas must be >= 1: 0 needs the HPAScaleToZero feature gate (alpha, off by default) and an Object or External metric; KEDA scales to zero without it (was 0) | 10:1
      maxReplicas: 3=>maxReplicas: three          | maxReplicas must be an integer (was "three")                                            | 11:1
      maxReplicas: 3=>maxReplicas: 0              | maxReplicas must be >= minReplicas (was maxReplicas=0, minReplicas=1)                   | 11:1
      memory: 3M=>memory: 3x                      | memory must be a Kubernetes quantity such as 3, 500m, 1.5k or 2Gi (was "3x")            | 9:1
      storageUri: gs://seldon-models/testing/iris1=>storageUri: ' ' | storageUri must not be blank (was " ")                                    | 6:1
      - type: Object=>- type: Pods                | metrics[0].type must be Object or External in a plan: the plan's metrics go on the Model HPA, and a Seldon Model's selector matches no pods (was "Pods") | 13:3
      name: infer_rps=>name: infer/rps            | metrics[0].object.metricName must be a valid path segment: not empty, not . or .., without / or % (was "infer/rps") | 14:3
      averageValue: 3=>averageValue: three        | metrics[0].object.target.averageValue must be a Kubernetes quantity such as 3, 500m, 1.5k or 2Gi (was "three") | 19:7
      averageValue: 3=>averageValue: 0            | metrics[0].object.target.averageValue must be > 0 (was 0)                               | 19:7
      type: AverageValue=>type: Valu              | metrics[0].object.target.type must be Value, AverageValue or Utilization (was "Valu")   | 18:7
      type: AverageValue=>type: Value             | metrics[0].object.target.value must be set for target type Value (was unset)            | 17:5
      stabilizationWindowSeconds: 60=>stabilizationWindowSeconds: 4000 | behavior.scaleUp.stabilizationWindowSeconds must be in 0..3600 (was 4000) | 22:5
      value: 5=>value: 0                          | behavior.scaleUp.policies[0].value must be > 0 (was 0)                                  | 25:7
      periodSeconds: 90=>periodSeconds: 1801      | behavior.scaleUp.policies[0].periodSeconds must be in 1..1800 (was 1801)                | 26:7
      - type: Pods=>- type: Pod                   | behavior.scaleUp.policies[0].type must be Pods or Percent (was "Pod")                   | 24:7
      scaleUp:=>scaleup:                          | behavior.scaleup is not a field of behavior (was set)                                   | 21:3
      preset: model-infer-rps=>preset: rps        | adapter.preset must be model-infer-rps, model-latency or model-infer-rps-and-latency (was "rps") | 28:3
      window: 2m=>window: 2 minutes               | adapter.window must be a Prometheus duration such as 5m or 1m30s (was "2 minutes") | 29:3
      serverName: mlserver=>serverNames: mlserver | serverNames is not a field of a plan (was set)                                          | 5:1
      """)
  void eachErrorNamesThePathAndPosition(String edit, String message, String position) {
    String[] parts = edit.split("=>");
    assertThat(PLAN).contains(parts[0]);
    String yaml = PLAN.replaceFirst(java.util.regex.Pattern.quote(parts[0]), java.util.regex.Matcher.quoteReplacement(parts[1]));
    String[] lc = position.split(":");
    assertThatThrownBy(() -> PlanFile.read("irisa0.plan.yaml", yaml))
        .isInstanceOfSatisfying(ManifestReadException.class, e -> {
          assertThat(e.problem()).isEqualTo(message);
          assertThat(e.position()).contains(Position.of(Integer.parseInt(lc[0]), Integer.parseInt(lc[1])));
        })
        .hasMessage(message + " (at irisa0.plan.yaml, document 1, line " + lc[0] + ", column " + lc[1] + ")");
  }

  @Test
  void missingFieldsPointAtThePlan() {
    assertThatThrownBy(() -> PlanFile.read("p.yaml", "kind: ScalingPlan\nnamespace: ns\n"))
        .hasMessage("modelName must be set (was unset) (at p.yaml, document 1, line 1, column 1)");
    assertThatThrownBy(() -> PlanFile.read("p.yaml", "kind: ScalingPlan\nmodelName: m\nnamespace: ns\nmaxReplicas: 3\nminReplicas: 1\n"))
        .hasMessage("metrics must not be empty: a plan scales on at least one metric (was []) (at p.yaml, document 1, line 1, column 1)");
    assertThatThrownBy(() -> PlanFile.read("p.yaml", "modelName: m\n"))
        .hasMessage("kind must be ScalingPlan (was unset) (at p.yaml, document 1, line 1, column 1)");
  }
}
