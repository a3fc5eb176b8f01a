package io.github.seldonhpa.k8s.it;

import static io.github.seldonhpa.k8s.it.SyntheticSeldonSeries.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.PrometheusException;
import io.github.seldonhpa.testing.SharedFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prometheus' own parser accepts every metricsQuery template of the vectors' {@code configs} section and
 * every Seldon preset query, rendered with representative values; a query it cannot parse is rejected.
 */
@ExtendWith(PrometheusServer.class)
class AdapterTemplatesIT {
  private static final String VECTORS = "vectors/prometheus-adapter.json";

  /** A Seldon preset rendered for one object, and the value Prometheus must return ({@code NaN}: parse only). */
  record Preset(String name, String promql, double expected) {}

  /**
   * The Seldon presets (reference §2.4) as the adapter renders them for Model irisa0 or Server mlserver in
   * seldon-mesh, with the values Prometheus must return over the synthetic series; {@code NaN} where no such
   * series is backfilled, so only parsing is checked. Swap for the promql module's presets once they land.
   */
  static final List<Preset> PRESETS = List.of(
      new Preset("model RPS", """
          sum by (model) (
            rate (
              seldon_model_infer_total{namespace="seldon-mesh",model="irisa0"}[2m]
            )
          )
          """, 7.5),
      // every irisa0 request takes 1/32 s
      new Preset("model mean latency",
          "sum by (model) (rate(seldon_model_infer_seconds_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]))"
              + " / sum by (model) (rate(seldon_model_infer_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]))",
          1.0 / 32),
      // neither REST 200 nor gRPC OK
      new Preset("model error rate",
          "sum by (model) (rate(seldon_model_infer_total{code!~\"200|OK\",namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]))",
          0.375),
      new Preset("server RPS from the aggregate counter",
          "sum by (server) (rate(seldon_model_aggregate_infer_total{namespace=\"seldon-mesh\",server=\"mlserver\"}[2m]))",
          Double.NaN),
      new Preset("server p95 latency",
          "histogram_quantile(0.95, sum by (server, le) (rate(seldon_model_infer_api_seconds_bucket"
              + "{namespace=\"seldon-mesh\",server=\"mlserver\"}[2m])))",
          Double.NaN),
      new Preset("server memory pressure",
          "sum by (server) (seldon_loaded_model_memory_bytes_gauge{namespace=\"seldon-mesh\",server=\"mlserver\"})"
              + " / sum by (server) (seldon_server_replica_memory_capacity_bytes_gauge"
              + "{namespace=\"seldon-mesh\",server=\"mlserver\"})",
          Double.NaN));

  @TestFactory
  Stream<DynamicTest> everyConfigTemplateIsAcceptedByPrometheus() throws IOException {
    JsonNode configs = new ObjectMapper().readTree(SharedFiles.read(null, VECTORS)).get("configs");
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> config : configs.properties()) {
      String name = config.getKey();
      JsonNode value = config.getValue();
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          JsonNode rule = value.get(i);
          String ns = label(rule, "namespace");
          String pod = label(rule, "pod");
          String promql = render(rule.get("metricsQuery").asText(), "seldon_model_infer_total",
              ns + "=\"seldon-mesh\"," + pod + "=\"mlserver-0\"", pod);
          tests.add(DynamicTest.dynamicTest(name + " rules[" + i + "]", () -> assertAccepted(promql)));
        }
      } else {
        for (String resource : List.of("cpu", "memory")) {
          JsonNode rule = value.get(resource);
          String container = render(rule.get("containerQuery").asText(), "",
              "namespace=\"seldon-mesh\",pod=\"mlserver-0\"", "pod," + rule.get("containerLabel").asText());
          String node = render(rule.get("nodeQuery").asText(), "", "node=\"node-1\"", "node");
          tests.add(DynamicTest.dynamicTest(name + " " + resource + " containerQuery",
              () -> assertAccepted(container)));
          tests.add(DynamicTest.dynamicTest(name + " " + resource + " nodeQuery",
              () -> assertAccepted(node)));
        }
      }
    }
    assertThat(tests).hasSize(3 * 6 + 4);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everySeldonPresetIsAcceptedAndGivesItsKnownValue() {
    return PRESETS.stream().map(preset -> DynamicTest.dynamicTest(preset.name(), () -> {
      double expected = preset.expected();
      if (Double.isNaN(expected)) {
        assertAccepted(preset.promql());
      } else {
        double value = PrometheusServer.client().query(preset.promql(), END).valueOf("model", "irisa0").orElseThrow();
        assertThat(Math.abs(value - expected)).isLessThan(1e-9 * expected);
      }
    }));
  }

  /** The vector whose output is not PromQL shows the check can fail: Prometheus reports a parse error. */
  @Test
  void aRenderedQueryPrometheusCannotParseIsRejected() throws IOException {
    JsonNode vectors = new ObjectMapper().readTree(SharedFiles.read(null, VECTORS)).get("buildCustom");
    String promql = null;
    for (JsonNode v : vectors) {
      if (v.get("id").asText().equals("d-go-template-delims-literal")) {
        promql = v.get("expect").get("query").asText();
      }
    }
    assertThat(promql).endsWith("/ {{not a delim}}");
    String query = promql;
    PrometheusClient prometheus = PrometheusServer.client();

    assertThatThrownBy(() -> prometheus.query(query, END))
        .isInstanceOfSatisfying(PrometheusException.QueryError.class, e -> {
          assertThat(e.errorType()).isEqualTo("bad_data");
          assertThat(e.error()).contains("parse error");
        });
  }

  /** Parsed and evaluated: a result or an empty result, never a PromQL error. */
  private static void assertAccepted(String promql) {
    PrometheusClient prometheus = PrometheusServer.client();
    try {
      prometheus.query(promql, END);
    } catch (PrometheusException.EmptyResult noDataForThisMetric) {
      // parsed and evaluated; the synthetic data has no such series
    }
  }

  /** The label a rule maps to a core resource: its override, or its template with that resource. */
  private static String label(JsonNode rule, String resource) {
    JsonNode resources = rule.get("resources");
    if (resources.has("template")) {
      return resources.get("template").asText().replace("<<.Group>>", "").replace("<<.Resource>>", resource);
    }
    assertThat(resources.get("overrides").has(resource)).as("override for %s", resource).isTrue();
    return resource;
  }

  /** The template with the three fields the configs use; any other action would be left unrendered. */
  private static String render(String template, String series, String labelMatchers, String groupBy) {
    String promql = template.replace("<<.Series>>", series)
        .replace("<<.LabelMatchers>>", labelMatchers)
        .replace("<<.GroupBy>>", groupBy);
    assertThat(promql).as("rendered %s", template).doesNotContain("<<").doesNotContain(">>");
    return promql;
  }
}
