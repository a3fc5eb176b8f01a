package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SeldonPresetsTest {
  /** The seed whose file name starts with {@code prefix}. */
  private static String seed(String prefix) throws IOException {
    Path dir = SharedFiles.require("seeds/000_c935f7e48998e264.txt").getParent();
    try (Stream<Path> files = Files.list(dir)) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
      return Files.readString(file, StandardCharsets.UTF_8);
    }
  }

  /**
   * The text of a YAML {@code |} block under {@code key} in the seed's ConfigMap: clip chomping keeps the
   * last line break when a sibling key follows; the last block of the ConfigMap has none, because
   * {@code config.yaml: |-} strips the final line break of the whole config.
   */
  private static String block(String seed, String key) {
    List<String> lines = seed.lines().toList();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("\"" + key + "\": |")) {
        start = i + 1;
        break;
      }
    }
    int keyIndent = lines.get(start - 1).indexOf('"');
    int indent = lines.get(start).length() - lines.get(start).stripLeading().length();
    List<String> body = new ArrayList<>();
    boolean siblingFollows = false;
    for (int i = start; i < lines.size(); i++) {
      String l = lines.get(i);
      int ind = l.length() - l.stripLeading().length();
      if (l.isBlank() || ind <= keyIndent) {
        siblingFollows = !l.isBlank() && ind == keyIndent;
        break;
      }
      body.add(l.substring(indent));
    }
    return String.join("\n", body) + (siblingFollows ? "\n" : "");
  }

  @Test
  void inferRpsIsSeed000ByteForByte() throws IOException {
    String seed = seed("000_");
    DiscoveryRule rule = SeldonPresets.modelInferRps(Duration.ofMinutes(2));
    assertThat(rule.seriesQuery()).isEqualTo(block(seed, "seriesQuery"))
        .isEqualTo("{__name__=\"seldon_model_infer_total\",namespace!=\"\"}\n");
    assertThat(rule.metricsQuery()).isEqualTo(block(seed, "metricsQuery"));
    assertThat(seed).contains("\"matches\": \"" + rule.name().orElseThrow().matches() + "\"")
        .contains("\"as\": \"" + rule.name().orElseThrow().as() + "\"");
    assertThat(rule.resources().overrides().keySet()).containsExactly("model", "server", "pod", "namespace");
    rule.resources().overrides().forEach((label, gr) -> assertThat(seed).contains(gr.group().isEmpty()
        ? "\"" + label + "\": {resource: \"" + gr.resource() + "\"}"
        : "\"" + label + "\": {group: \"" + gr.group() + "\", resource: \"" + gr.resource() + "\"}"));
  }

  @Test
  void inferRpsIsSeed002WithItsOneMinuteWindow() throws IOException {
    assertThat(SeldonPresets.modelInferRps(Duration.ofMinutes(1)).metricsQuery())
        .isEqualTo(block(seed("002_"), "metricsQuery"));
  }

  @Test
  void windowsAreWrittenAsPrometheusDurations() {
    assertThat(SeldonPresets.modelInferRps(Duration.ofSeconds(90)).metricsQuery())
        .isEqualTo("sum by (<<.GroupBy>>) (\n  rate (\n    <<.Series>>{<<.LabelMatchers>>}[1m30s]\n  )\n)");
  }

  @Test
  void modelLatencyDividesTheRatesOverTheSameMatchers() {
    AdapterConfig config = AdapterConfig.builder().addRule(SeldonPresets.modelLatency(Duration.ofMinutes(2)))
        .build();
    Explanation e = config.explain(ApiTypes.objectMetric("infer_latency_seconds", ObjectReference.model("irisa0"),
        Optional.empty()), "seldon-mesh", SeldonPresets.defaultSeries());
    assertThat(e.served()).isTrue();
    assertThat(e.query()).contains(""
        + "sum by (model) (\n  rate (\n    seldon_model_infer_seconds_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]\n  )\n)\n"
        + "/\n"
        + "sum by (model) (\n  rate (\n    seldon_model_infer_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]\n  )\n) > 0");
  }

  @Test
  void pipelineRpsServesPipelinesPodsAndNamespacesButNotTheGatewayServer() {
    AdapterConfig config = AdapterConfig.builder().addRule(SeldonPresets.pipelineInferRps(Duration.ofMinutes(1)))
        .build();
    List<String> registered = new ArrayList<>();
    config.discover(SeldonPresets.defaultSeries()).forEach(m -> registered.add(
        m.resource().orElseThrow() + " " + m.namespaced() + " " + m.metricName() + " " + m.seriesName()));
    assertThat(registered).containsExactlyInAnyOrder(
        "pipelines.mlops.seldon.io true pipeline_infer_rps seldon_pipeline_infer_total",
        "pods true pipeline_infer_rps seldon_pipeline_infer_total",
        "namespaces false pipeline_infer_rps seldon_pipeline_infer_total");
    Explanation e = config.explain(ApiTypes.objectMetric("pipeline_infer_rps",
        ObjectReference.of("mlops.seldon.io/v1alpha1", "Pipeline", "iris-pipeline"), Optional.empty()), "seldon-mesh",
        SeldonPresets.defaultSeries());
    assertThat(e.query()).contains("sum by (pipeline) (\n  rate (\n    seldon_pipeline_infer_total"
        + "{namespace=\"seldon-mesh\",pipeline=\"iris-pipeline\"}[1m]\n  )\n)");
  }

  @Test
  void allPresetsTogetherRegisterDistinctMetrics() {
    Duration w = Duration.ofMinutes(2);
    AdapterConfig config = AdapterConfig.builder().addRules(SeldonPresets.modelInferRps(w),
        SeldonPresets.modelLatency(w), SeldonPresets.pipelineInferRps(w), SeldonPresets.pipelineLatency(w)).build();
    assertThat(config.loadErrors()).isEmpty();
    assertThat(config.discover(SeldonPresets.defaultSeries())).hasSize(4 + 4 + 3 + 3)
        .extracting(RegisteredMetric::ruleIndex).containsOnly(0, 1, 2, 3);
  }
}
