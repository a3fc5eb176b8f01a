package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ResourceMetric;
import io.github.seldonhpa.Server;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Lint as a CI gate: what files are, objects not documents, the wordings, and the hostile inputs. */
class LintGateTest {
  private static List<Finding> lint(LintFacts facts, String... documents) {
    return Lint.check(ManifestReader.create().read("test.yaml", String.join("---\n", documents)), facts);
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(f -> f.code().id() + " " + f.path()).collect(Collectors.toList());
  }

  // ---- the hostile-input issue's rows

  @Test
  void nullSpecValuesDoNotBreakTheTypedViews() {
    Manifest server = ManifestReader.create().read("servers.yaml", """
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Server
        metadata: {name: mlserver}
        spec:
          serverConfig: mlserver
          podSpec: null
          extraCapabilities: ~
          replicas: 1
        """).get(0);
    Server s = server.toServer();
    assertThat(s.extraSpec()).isEmpty();
    assertThat(s.replicas()).contains(1);
    Manifest model = ManifestReader.create().read("model.yaml", """
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Model
        metadata: {name: iris}
        spec:
          storageUri: gs://seldon-models/mlserver/iris
          explainer: null
          dedicated: ~
          parameters:
          - {name: a, value: null}
        """).get(0);
    Model m = model.toModel();
    assertThat(m.extraSpec()).containsExactly(Map.entry("parameters", List.of(Map.of("name", "a"))));
    assertThat(lint(LintFacts.defaults(), server.toYaml(), model.toYaml())).isEmpty();
  }

  @Test
  void averageValuesTheApiServerRefusesAreErrors() {
    for (String value : new String[] {"\"NaN\"", "\"abc\"", "-1", "0"}) {
      List<Finding> findings = lint(LintFacts.defaults(), LintTest.modelHpa("irisa0", "")
          .replace("averageValue: 3", "averageValue: " + value));
      assertThat(findings).as(value).extracting(f -> f.code().id() + " " + f.path() + ": " + f.message())
          .containsExactly("SHPA032 spec.metrics[0].object.target.averageValue:"
              + " spec.metrics[0].object.target.averageValue must be "
              + (value.startsWith("\"") ? "a quantity such as 3, 500m or 1.5k" : "> 0") + " (was " + value + ")");
    }
  }

  @Test
  void lintFactsValidateTheirRangesAtBuild() {
    assertThatThrownBy(() -> LintFacts.builder().scrapeInterval(Duration.ofSeconds(Long.MAX_VALUE)).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("scrapeInterval must be whole milliseconds in 1ms..24h (was PT2562047788015215H30M7S)");
    assertThatThrownBy(() -> LintFacts.builder().relistInterval(Duration.ofNanos(1)).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("relistInterval must be whole milliseconds in 1ms..24h (was PT0.000000001S)");
    assertThatThrownBy(() -> LintFacts.builder().defaultNamespace("Shop").build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessageStartingWith("defaultNamespace must be a DNS-1123");
    LintFacts longest = LintFacts.builder().scrapeInterval(Duration.ofHours(24)).relistInterval(Duration.ofMillis(1))
        .serverStartup(Duration.ofHours(24)).build();
    assertThat(lint(longest, LintTest.ADAPTER, LintTest.modelHpa("irisa0", ""))).extracting(f -> f.code().id())
        .contains("SHPA015", "SHPA016");
  }

  // ---- what a file is

  @Test
  void helmValuesOfTheAdapterChartAreLintedAsTheRulesTheyRender() {
    String values = """
        prometheus:
          url: http://prometheus.seldon-monitoring.svc
          port: 9090
        metricsRelistInterval: 10s
        affinity: {}
        rules:
          default: false
          custom:
          - seriesQuery: '{__name__="seldon_model_infer_total",namespace!=""}'
            resources:
              overrides:
                model: {group: mlops.seldon.io, resource: model}
                namespace: {resource: namespace}
            name: {matches: seldon_model_infer_total, as: infer_rps}
            metricsQuery: sum by (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[20s]))
          external:
          - seriesQuery: '{__name__="seldon_model_aggregate_infer_total"}'
            name: {as: server_rps}
            metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m]))
        """;
    assertThat(codes(lint(LintFacts.defaults(), values))).containsExactly(
        "SHPA015 rules.custom[0].metricsQuery", "SHPA016 metricsRelistInterval", "SHPA018 rules.external[0].resources");
    assertThat(lint(LintFacts.defaults(), values, LintTest.modelHpa("irisa0", "")))
        .noneMatch(f -> f.code() == LintCode.METRIC_NOT_SERVED);
    assertThat(lint(LintFacts.defaults(), values.replace("  default: false", "  existing: my-adapter-config")))
        .extracting(f -> f.code().id()).containsExactly("SHPA016");
  }

  @Test
  void aBareRulesFileIsAnAdapterConfigOnlyWithAdapterKeys() {
    String rules = "rules:\n- seriesQuery: '{__name__=\"x\"}'\n  metricsQuery: sum(<<.Series>>)\n";
    assertThat(codes(lint(LintFacts.defaults(), rules))).containsExactly("SHPA031 rules[0].metricsQuery");
    assertThat(lint(LintFacts.defaults(), rules + "affinity: {}\n")).isEmpty();
    assertThat(lint(LintFacts.defaults(), "groups:\n- name: seldon\n  rules: []\n")).isEmpty();
    String otherConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app-config, namespace: shop}
        data:
          config.yaml: |
            server: {port: 8080}
        """;
    assertThat(lint(LintFacts.builder().reportNotChecked(true).build(), otherConfigMap))
        .extracting(f -> f.code().id()).containsExactly("SHPA030");
    assertThat(lint(LintFacts.defaults(), otherConfigMap)).isEmpty();
  }

  @Test
  void seldonObjectsNamesAreCheckedAsTheApiServerDoes() {
    assertThat(lint(LintFacts.defaults(), LintTest.model("Iris_A", "")))
        .extracting(f -> f.code().id() + " " + f.path() + ": " + f.message()).containsExactly("SHPA033 metadata.name:"
            + " metadata.name must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and"
            + " ending with a letter or digit, at most 253 characters (was \"Iris_A\")");
    assertThat(lint(LintFacts.defaults(), LintTest.model("iris-a.v2", ""))).isEmpty();
  }

  // ---- objects, not documents

  @Test
  void theSameObjectInTwoFilesIsOneObject() {
    List<Manifest> manifests = new java.util.ArrayList<>();
    manifests.addAll(ManifestReader.create().read("a.yaml", LintTest.modelHpa("irisa0", "")
        .replace("averageValue: 3", "averageValue: 3x")));
    manifests.addAll(ManifestReader.create().read("b.yaml", LintTest.modelHpa("irisa0", "")
        .replace("averageValue: 3", "averageValue: 3x")));
    List<Finding> findings = Lint.check(manifests, LintFacts.defaults());
    assertThat(findings).extracting(f -> f.code().id() + " " + f.source()).containsExactly("SHPA032 a.yaml");
    manifests.addAll(ManifestReader.create().read("c.yaml", LintTest.modelHpa("irisa0", "")
        .replace("maxReplicas: 3", "maxReplicas: 4")));
    List<Finding> differing = Lint.check(manifests, LintFacts.defaults());
    assertThat(differing).extracting(f -> f.code().id() + " " + f.source() + " " + f.path())
        .containsExactly("SHPA032 a.yaml spec.metrics[0].object.target.averageValue", "SHPA034 c.yaml spec.maxReplicas");
    assertThat(differing.get(1).message()).isEqualTo("HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa is also at"
        + " a.yaml:1:1 (document 1) and the copies differ at spec.maxReplicas (was 4 here, 3 there)");
    assertThat(differing.get(1).position()).contains(Position.of(12, 3));
  }

  @Test
  void hpasWithoutANamespaceTakeTheCallersNamespace() {
    String hpa = LintTest.modelHpa("irisa0", "").replace("  namespace: seldon-mesh\n", "");
    String model = LintTest.model("irisa0", "");
    assertThat(codes(lint(LintFacts.defaults(), hpa, model.replace("  namespace: seldon-mesh\n", ""))))
        .containsExactly("SHPA004 spec.replicas");
    assertThat(lint(LintFacts.defaults(), hpa, model)).isEmpty();
    assertThat(codes(lint(LintFacts.builder().defaultNamespace("seldon-mesh").build(), hpa, model)))
        .containsExactly("SHPA004 spec.replicas");
    assertThat(ManifestReader.create().read("hpa.yaml", hpa).get(0).toHpa().namespace()).isEqualTo("default");
    assertThat(ManifestReader.create().read("hpa.yaml", hpa).get(0).toHpa("seldon-mesh").namespace())
        .isEqualTo("seldon-mesh");
  }

  @Test
  void autoscalingV1IsReadAsTheApiServerConvertsIt() {
    String v1 = """
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: mlserver, namespace: seldon-mesh}
        spec:
          scaleTargetRef: {apiVersion: mlops.seldon.io/v1alpha1, kind: Server, name: mlserver}
          minReplicas: 1
          maxReplicas: 10
          targetCPUUtilizationPercentage: 50
        """;
    Hpa hpa = ManifestReader.create().read("v1.yaml", v1).get(0).toHpa();
    assertThat(hpa.metrics()).containsExactly(ResourceMetric.of("cpu", MetricTarget.utilization(50)));
    assertThat(ManifestReader.create().read("v1.yaml", v1.replace("  targetCPUUtilizationPercentage: 50\n", ""))
        .get(0).toHpa().metrics()).containsExactly(ResourceMetric.of("cpu", MetricTarget.utilization(80)));
    assertThat(codes(lint(LintFacts.defaults(), v1))).containsExactly("SHPA028 apiVersion");
    assertThat(codes(lint(LintFacts.defaults(), v1.replace("kind: Server", "kind: Model"))))
        .containsExactly("SHPA008 spec.metrics[0].type", "SHPA028 apiVersion");
  }

  @Test
  void aPodsMetricWithTypeValueAndAnAverageValueIsAccepted() {
    String hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: mlserver-hpa, namespace: seldon-mesh}
        spec:
          scaleTargetRef: {apiVersion: mlops.seldon.io/v1alpha1, kind: Server, name: mlserver}
          maxReplicas: 5
          metrics:
          - type: Pods
            pods:
              metric: {name: infer_rps}
              target: {type: Value, averageValue: 10}
        """;
    Hpa view = ManifestReader.create().read("hpa.yaml", hpa).get(0).toHpa();
    assertThat(view.metrics()).singleElement().isInstanceOf(PodsMetric.class);
    assertThat(view.metrics().get(0).target().averageValue()).contains(Quantity.parse("10"));
    assertThat(lint(LintFacts.defaults(), hpa)).noneMatch(f -> f.severity() == Finding.Severity.ERROR);
  }

  // ---- wordings

  @Test
  void afterSHPA001TheOtherErrorsOfTheHpaAreStillReported() {
    assertThat(codes(lint(LintFacts.defaults(), LintTest.hpa("p-hpa", "Pipeline", "p", "irisa0", "")
        .replace("name: p-hpa", "name: P_HPA").replace("averageValue: 3", "averageValue: three"))))
        .containsExactly("SHPA001 spec.scaleTargetRef.kind", "SHPA032 metadata.name",
            "SHPA032 spec.metrics[0].object.target.averageValue");
  }

  @Test
  void objectTargetTypeReasonPerTargetKind() {
    Finding server = lint(LintFacts.defaults(), LintTest.hpa("mlserver-hpa", "Server", "mlserver", "irisa0", "")
        .replace("type: AverageValue\n        averageValue", "type: Value\n        value")).get(0);
    assertThat(server.code()).isEqualTo(LintCode.OBJECT_TARGET_NOT_AVERAGE_VALUE);
    assertThat(server.message()).isEqualTo("Object metric target type must be AverageValue on a Server HPA: Value"
        + " multiplies the metric's ratio by the Server's ready pods, while the Model HPA divides the same metric per"
        + " replica, so the two HPAs of the pair want different counts (was Value)");
    assertThat(lint(LintFacts.defaults(), LintTest.modelHpa("irisa0", "").replace("type: AverageValue", "type: Valu")))
        .extracting(f -> f.code().id()).containsExactly("SHPA032");
  }

  @Test
  void modelReplicasFixNeverSuggestsZero() {
    Finding f = lint(LintFacts.defaults(), LintTest.modelHpa("irisa0", "").replace("minReplicas: 1", "minReplicas: 0"),
        LintTest.model("irisa0", "")).stream().filter(x -> x.code() == LintCode.MODEL_REPLICAS_MISSING).findFirst()
        .orElseThrow();
    assertThat(f.fix()).isEqualTo("add spec.replicas: 1; the HPA writes this field and does nothing until it exists");
  }

  @Test
  void pairOutOfSyncSaysWhichSideIsUnset() {
    String model = LintTest.modelHpa("irisa0", "  behavior:\n    scaleUp:\n      policies:\n"
        + "      - {type: Pods, value: 5, periodSeconds: 90}\n");
    String server = LintTest.hpa("mlserver-server-hpa", "Server", "mlserver", "irisa0", "");
    Finding f = lint(LintFacts.defaults(), model, server).stream()
        .filter(x -> x.code() == LintCode.HPA_PAIR_OUT_OF_SYNC).findFirst().orElseThrow();
    assertThat(f.message()).isEqualTo("spec.behavior must be set as on the Model HPA seldon-mesh/irisa0-model-hpa:"
        + " {\"scaleUp\":{\"policies\":[{\"type\":\"Pods\",\"value\":5,\"periodSeconds\":90}]}} (was unset)");
  }

  @Test
  void promqlWindowsAndPlaceholders() {
    assertThat(lint(LintFacts.defaults(), LintTest.ADAPTER.replace("[2m]", "[0s]")))
        .extracting(f -> f.code().id() + " " + f.message()).containsExactly("SHPA035 range window [0s] is empty:"
            + " Prometheus refuses a zero range, so every query of the rule fails (was 0s)");
    assertThat(lint(LintFacts.defaults(), LintTest.ADAPTER.replace("[2m]", "[{{ .Values.window }}]")))
        .extracting(f -> f.code().id() + " " + f.message()).containsExactly("SHPA035 data.\"config.yaml\""
            + ".rules[0].metricsQuery holds the unrendered placeholder {{ .Values.window }}: the adapter's templates"
            + " use << >>, so Prometheus receives the braces and refuses the query (was \"{{ .Values.window }}\")");
    assertThat(lint(LintFacts.defaults(), LintTest.ADAPTER.replace("[2m]", "[2x]")))
        .extracting(f -> f.code().id()).containsExactly("SHPA035");
    assertThat(lint(LintFacts.defaults(), LintTest.ADAPTER.replace("[2m]", "[5m:30s]"))).isEmpty();
  }

  @Test
  void rulesSameMetricNamesEveryResourceTheyShare() {
    String twice = LintTest.ADAPTER + LintTest.ADAPTER.substring(LintTest.ADAPTER.indexOf("    - seriesQuery"));
    Finding f = lint(LintFacts.defaults(), twice).get(0);
    assertThat(f.code()).isEqualTo(LintCode.RULES_SAME_METRIC);
    assertThat(f.message()).isEqualTo("data.\"config.yaml\".rules[1] also produces infer_rps for"
        + " models.mlops.seldon.io, namespaces, pods and servers.mlops.seldon.io, like data.\"config.yaml\".rules[0]:"
        + " the adapter keeps only the later rule's query");
  }
}
