package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.testing.Fixtures;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.testing.SharedFiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AdapterInstallTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The install of the Seldon docs: release hpa-metrics beside Prometheus in seldon-monitoring. */
  private static final AdapterInstall DOCS = AdapterInstall.builder()
      .release("hpa-metrics")
      .namespace("seldon-monitoring")
      .prometheusUrl("http://seldon-monitoring-prometheus")
      .config(SeldonPresets.inferRpsConfig(Duration.ofMinutes(2)))
      .build();

  private static final List<String> DOCS_COMMANDS = List.of(
      "helm repo add prometheus-community https://prometheus-community.github.io/helm-charts",
      "helm repo update",
      "helm install --set prometheus.url='http://seldon-monitoring-prometheus' hpa-metrics"
          + " prometheus-community/prometheus-adapter -n seldon-monitoring",
      "kubectl replace -f prometheus-adapter.config.yaml",
      "kubectl rollout restart deployment hpa-metrics-prometheus-adapter -n seldon-monitoring",
      "kubectl get --raw /apis/custom.metrics.k8s.io/v1beta1/ | jq .");

  @Test
  void commandsAreTheDocsCommands() {
    assertThat(DOCS.commands("prometheus-adapter.config.yaml")).isEqualTo(DOCS_COMMANDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"000_c935f7e48998e264.txt", "001_e746ebbb3fe95420.txt", "002_b1df31c3389113c4.txt"})
  void everyCommandIsALineOfTheSeed(String seed) {
    List<String> lines = SharedFiles.read(null, "seeds/" + seed).lines().map(String::strip)
        // seed 001 is the page's text with a colon before some commands
        .map(l -> l.startsWith(":") ? l.substring(1) : l).toList();
    assertThat(lines).containsAll(DOCS_COMMANDS);
  }

  @Test
  void aCustomPortAndRelistIntervalArePassedAsTheDocsSay() {
    AdapterInstall install = DOCS.toBuilder().prometheusPort(9091).metricsRelistInterval(Duration.ofSeconds(30))
        .build();
    assertThat(install.commands("prometheus-adapter.config.yaml").get(2)).isEqualTo(
        "helm install --set prometheus.url='http://seldon-monitoring-prometheus' --set prometheus.port=9091"
            + " --set metricsRelistInterval=30s hpa-metrics prometheus-community/prometheus-adapter"
            + " -n seldon-monitoring");
  }

  @Test
  void configMapIsTheSeedsConfigMap() throws Exception {
    ConfigMap seed = YAML.readValue(Fixtures.read("seeds/prometheus-adapter-configmap-2m.yaml"), ConfigMap.class);
    ConfigMap ours = DOCS.configMap();
    assertThat(ours.getMetadata()).isEqualTo(seed.getMetadata());
    assertThat(YAML.readTree(ours.getData().get("config.yaml")))
        .isEqualTo(YAML.readTree(seed.getData().get("config.yaml")));
    assertThat(YAML.readValue(DOCS.configMapYaml(), ConfigMap.class)).isEqualTo(ours);
    assertThat(DOCS.configMapName()).isEqualTo("hpa-metrics-prometheus-adapter");
  }

  @Test
  void chartValuesHoldTheRulesOfTheConfigMap() {
    assertThat(DOCS.chartValuesYaml()).isEqualTo("""
        prometheus:
          url: http://seldon-monitoring-prometheus
        rules:
          default: false
          custom:
          - seriesQuery: |
              {__name__="seldon_model_infer_total",namespace!=""}
            resources:
              overrides:
                model:
                  group: mlops.seldon.io
                  resource: model
                server:
                  group: mlops.seldon.io
                  resource: server
                pod:
                  resource: pod
                namespace:
                  resource: namespace
            name:
              matches: seldon_model_infer_total
              as: infer_rps
            metricsQuery: |-
              sum by (<<.GroupBy>>) (
                rate (
                  <<.Series>>{<<.LabelMatchers>>}[2m]
                )
              )
        """);
  }

  @Test
  void theChartRendersTheValuesIntoTheConfigOfTheConfigMap() throws Exception {
    // charts/prometheus-adapter/templates/configmap.yaml: "rules:" + toYaml rules.custom, "externalRules:" +
    // toYaml rules.external, "resourceRules:" + toYaml rules.resource
    AdapterInstall install = DOCS.toBuilder().prometheusPort(9091).metricsRelistInterval(Duration.ofMinutes(2))
        .config(SeldonPresets.inferRpsConfig(Duration.ofMinutes(1))).build();
    JsonNode values = YAML.readTree(install.chartValuesYaml());
    ObjectNode chartConfig = YAML.createObjectNode();
    chartConfig.set("rules", values.at("/rules/custom"));
    assertThat(chartConfig).isEqualTo(YAML.readTree(Manifests.adapterConfigYaml(install.config())));
    assertThat(values.at("/prometheus/port").intValue()).isEqualTo(9091);
    assertThat(values.at("/metricsRelistInterval").textValue()).isEqualTo("2m");
    assertThat(values.at("/rules/default").booleanValue()).isFalse();
  }

  @Test
  void chartValuesCommandsInstallWithTheValuesFile() {
    assertThat(DOCS.chartValuesCommands("adapter values.yaml")).containsExactly(
        "helm repo add prometheus-community https://prometheus-community.github.io/helm-charts",
        "helm repo update",
        "helm install hpa-metrics prometheus-community/prometheus-adapter -n seldon-monitoring"
            + " -f 'adapter values.yaml'",
        "kubectl get --raw /apis/custom.metrics.k8s.io/v1beta1/ | jq .");
  }

  @Test
  void fileNamesAreQuotedForTheShell() {
    assertThat(DOCS.commands("it's $HOME.yaml").get(3)).isEqualTo("kubectl replace -f 'it'\\''s $HOME.yaml'");
  }

  @Test
  void rejectsAUrlWithAPortBecauseTheChartAppendsOne() {
    assertThatThrownBy(() -> DOCS.toBuilder().prometheusUrl("http://seldon-monitoring-prometheus:9090").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("prometheusUrl must not carry a port or user: the chart appends :<prometheus.port> (default"
            + " 9090); set prometheusPort (was \"http://seldon-monitoring-prometheus:9090\")");
  }

  @Test
  void rejectsAUrlWithAPath() {
    assertThatThrownBy(() -> DOCS.toBuilder().prometheusUrl("http://prometheus.monitoring.svc/prometheus").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("prometheusUrl must not carry a path, query or fragment: the chart appends"
            + " :<prometheus.port> to it (was \"http://prometheus.monitoring.svc/prometheus\")");
  }

  @Test
  void rejectsWhatIsNotAnHttpUrl() {
    assertThatThrownBy(() -> DOCS.toBuilder().prometheusUrl("seldon-monitoring-prometheus").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("prometheusUrl must be an http or https URL with a host (was \"seldon-monitoring-prometheus\")");
    assertThatThrownBy(() -> DOCS.toBuilder().prometheusUrl("http://a b").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("prometheusUrl must be a URL (was \"http://a b\")");
  }

  @Test
  void rejectsPortsAndIntervalsOutOfRange() {
    assertThatThrownBy(() -> DOCS.toBuilder().prometheusPort(0).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("prometheusPort must be in 1..65535 (was 0)");
    assertThatThrownBy(() -> DOCS.toBuilder().metricsRelistInterval(Duration.ZERO).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metricsRelistInterval must be > 0 (was PT0S)");
  }

  @Test
  void rejectsAReleaseWhoseConfigMapNameWouldBeTooLong() {
    String release = "r".repeat(45);
    assertThatThrownBy(() -> DOCS.toBuilder().release(release).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("release must be at most 44 characters so that <release>-prometheus-adapter is a valid name"
            + " (was 45 characters)");
  }

  @Test
  void missingValuesAreNamed() {
    assertThatThrownBy(() -> AdapterInstall.builder().release("hpa-metrics").build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessageContaining("namespace, prometheusUrl, config");
  }
}
