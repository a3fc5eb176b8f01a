package io.github.seldonhpa.test.it;

import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.PrometheusException;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.promql.Series;
import io.github.seldonhpa.test.PrometheusExtension;
import io.github.seldonhpa.testing.SharedFiles;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prometheus' own parser accepts every metricsQuery template of the vectors' {@code configs} section,
 * rendered with representative values, and every Seldon preset as the library explains it (the model
 * presets also give their known values); a query it cannot parse is rejected.
 */
class AdapterTemplatesIT {
  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = SyntheticSeldonSeries.prometheus();

  private static final String VECTORS = "vectors/prometheus-adapter.json";

  private static final Duration WINDOW = Duration.ofMinutes(2);
  private static final List<ObjectReference> MODEL_OBJECTS = List.of(ObjectReference.model("irisa0"),
      ObjectReference.server("mlserver"), ObjectReference.of("v1", "Pod", "mlserver-1"),
      ObjectReference.of("v1", "Namespace", "seldon-mesh"));
  private static final List<ObjectReference> PIPELINE_OBJECTS = List.of(
      ObjectReference.of(ObjectReference.SELDON_API_VERSION, "Pipeline", "iris-pipeline"),
      ObjectReference.of("v1", "Pod", "seldon-pipelinegateway-0"), ObjectReference.of("v1", "Namespace", "seldon-mesh"));

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

  /**
   * The model presets, explained for a Model, a Server, a Pod and a Namespace in seldon-mesh, return the
   * requests per second, or the mean seconds per request, of the synthetic series they designate.
   */
  @TestFactory
  Stream<DynamicTest> modelPresetsReturnTheRatesOfTheSeriesTheyDesignate() {
    List<Series> known = new ArrayList<>();
    for (SyntheticSeldonSeries.Series s : SyntheticSeldonSeries.SERIES) {
      known.add(Series.of(SeldonPresets.MODEL_INFER_TOTAL, s.labels()));
      known.add(Series.of(SeldonPresets.MODEL_INFER_SECONDS_TOTAL, s.labels()));
    }
    AdapterConfig rps = AdapterConfig.builder().addRule(SeldonPresets.modelInferRps(WINDOW)).build();
    AdapterConfig latency = AdapterConfig.builder().addRule(SeldonPresets.modelLatency(WINDOW)).build();
    return MODEL_OBJECTS.stream().flatMap(object -> Stream.of(
        DynamicTest.dynamicTest("modelInferRps for " + object.kind() + " " + object.name(), () -> {
          ObjectMetric metric = metric("infer_rps", object);
          double expected = SyntheticSeldonSeries.designatedBy(metric, "seldon-mesh").stream()
              .mapToDouble(SyntheticSeldonSeries.Series::rate).sum();
          assertValue(rps.explain(metric, "seldon-mesh", known), object, expected);
        }),
        DynamicTest.dynamicTest("modelLatency for " + object.kind() + " " + object.name(), () -> {
          ObjectMetric metric = metric("infer_latency_seconds", object);
          List<SyntheticSeldonSeries.Series> designated = SyntheticSeldonSeries.designatedBy(metric, "seldon-mesh");
          double expected = designated.stream().mapToDouble(s -> s.rate() * s.secondsPerRequest()).sum()
              / designated.stream().mapToDouble(SyntheticSeldonSeries.Series::rate).sum();
          assertValue(latency.explain(metric, "seldon-mesh", known), object, expected);
        })));
  }

  /**
   * The pipeline presets, explained for the gateway's objects over Seldon's documented series, are accepted
   * by Prometheus' parser; no pipeline series is backfilled, so the result is empty.
   */
  @TestFactory
  Stream<DynamicTest> pipelinePresetsAreAcceptedByPrometheus() {
    Map<String, AdapterConfig> presets = new LinkedHashMap<>();
    presets.put("pipeline_infer_rps",
        AdapterConfig.builder().addRule(SeldonPresets.pipelineInferRps(WINDOW)).build());
    presets.put("pipeline_infer_latency_seconds",
        AdapterConfig.builder().addRule(SeldonPresets.pipelineLatency(WINDOW)).build());
    return presets.entrySet().stream().flatMap(preset -> PIPELINE_OBJECTS.stream().map(object ->
        DynamicTest.dynamicTest(preset.getKey() + " for " + object.kind() + " " + object.name(), () -> {
          Explanation explanation = preset.getValue().explain(metric(preset.getKey(), object), "seldon-mesh",
              SeldonPresets.defaultSeries());
          assertThat(explanation.reasons()).isEmpty();
          String promql = explanation.query().orElseThrow();
          PrometheusClient prometheus = PROMETHEUS.client();
          assertThatThrownBy(() -> prometheus.query(promql, END))
              .isInstanceOf(PrometheusException.EmptyResult.class);
        })));
  }

  private static ObjectMetric metric(String name, ObjectReference object) {
    return ObjectMetric.builder().metricName(name).describedObject(object).target(MetricTarget.averageValue(1))
        .build();
  }

  private static void assertValue(Explanation explanation, ObjectReference object, double expected) {
    assertThat(explanation.reasons()).isEmpty();
    double value = PROMETHEUS.client().query(explanation.query().orElseThrow(), END)
        .valueOf(object.kind().toLowerCase(Locale.ROOT), object.name()).orElseThrow();
    assertThat(Math.abs(value - expected)).as("%s against %s", value, expected).isLessThan(1e-9 * expected);
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
    PrometheusClient prometheus = PROMETHEUS.client();

    assertThatThrownBy(() -> prometheus.query(query, END))
        .isInstanceOfSatisfying(PrometheusException.QueryError.class, e -> {
          assertThat(e.errorType()).isEqualTo("bad_data");
          assertThat(e.error()).contains("parse error");
        });
  }

  /** Parsed and evaluated: a result or an empty result, never a PromQL error. */
  private static void assertAccepted(String promql) {
    PrometheusClient prometheus = PROMETHEUS.client();
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
