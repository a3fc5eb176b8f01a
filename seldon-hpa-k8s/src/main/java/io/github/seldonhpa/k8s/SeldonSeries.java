package io.github.seldonhpa.k8s;

import io.github.seldonhpa.promql.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus series Seldon Core 2 exports (agent and pipeline gateway) with their labels, plus the labels
 * the shipped PodMonitors add while scraping. Source: {@code scheduler/pkg/metrics/agent.go} and
 * {@code gateway.go}. {@code SeldonPresets.defaultSeries()} holds the four inference counters; lint needs
 * every series, to tell a rule that selects none of them.
 */
final class SeldonSeries {
  /** Added by the scrape, not by Seldon. */
  static final List<String> SCRAPE_LABELS = List.of("namespace", "pod", "container", "job", "endpoint", "instance");

  /** Series name to the labels Seldon sets on it. */
  static final Map<String, List<String>> LABELS;

  /** The series names, in the order above. */
  static final List<String> NAMES;

  static {
    Map<String, List<String>> m = new LinkedHashMap<>();
    List<String> modelInfer = List.of("server", "server_replica", "model", "model_internal", "method_type", "code");
    m.put("seldon_model_infer_total", modelInfer);
    m.put("seldon_model_infer_seconds_total", modelInfer);
    List<String> aggregate = List.of("server", "server_replica", "method_type");
    m.put("seldon_model_aggregate_infer_total", aggregate);
    m.put("seldon_model_aggregate_infer_seconds_total", aggregate);
    List<String> apiHistogram = List.of("server", "server_replica", "method", "code");
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      m.put("seldon_model_infer_api_seconds" + suffix,
          suffix.equals("_bucket") ? with(apiHistogram, "le") : apiHistogram);
    }
    List<String> replica = List.of("server", "server_replica");
    for (String name : new String[] {"seldon_cache_evict_count", "seldon_cache_miss_count",
        "seldon_load_model_counter", "seldon_unload_model_counter",
        "seldon_server_replica_memory_capacity_bytes_gauge",
        "seldon_server_replica_memory_capacity_overcommit_bytes_gauge"}) {
      m.put(name, replica);
    }
    List<String> loaded = List.of("server", "server_replica", "model_internal");
    m.put("seldon_loaded_model_gauge", loaded);
    m.put("seldon_loaded_model_memory_bytes_gauge", loaded);
    m.put("seldon_evicted_model_memory_bytes_gauge", loaded);
    List<String> pipeline = List.of("server", "pipeline", "method_type", "code");
    m.put("seldon_pipeline_infer_total", pipeline);
    m.put("seldon_pipeline_infer_seconds_total", pipeline);
    List<String> pipelineAggregate = List.of("server", "method_type");
    m.put("seldon_pipeline_aggregate_infer_total", pipelineAggregate);
    m.put("seldon_pipeline_aggregate_infer_seconds_total", pipelineAggregate);
    List<String> pipelineHistogram = List.of("server", "pipeline", "method", "code");
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      m.put("seldon_pipeline_infer_api_seconds" + suffix,
          suffix.equals("_bucket") ? with(pipelineHistogram, "le") : pipelineHistogram);
    }
    LABELS = Map.copyOf(m);
    NAMES = List.copyOf(m.keySet());
  }

  private SeldonSeries() {}

  private static List<String> with(List<String> labels, String extra) {
    List<String> out = new ArrayList<>(labels);
    out.add(extra);
    return List.copyOf(out);
  }

  /** One series of each name, with every label set to a value like Seldon's documented example. */
  static List<Series> series() {
    return SERIES;
  }

  private static List<Series> build() {
    List<Series> out = new ArrayList<>();
    for (String name : NAMES) {
      Map<String, String> labels = new LinkedHashMap<>();
      List<String> keys = new ArrayList<>(LABELS.get(name));
      keys.addAll(SCRAPE_LABELS);
      keys.stream().sorted().forEach(k -> labels.put(k, EXAMPLE_VALUES.get(k)));
      out.add(Series.of(name, labels));
    }
    return List.copyOf(out);
  }

  private static final Map<String, String> EXAMPLE_VALUES = Map.ofEntries(
      Map.entry("code", "200"), Map.entry("container", "agent"), Map.entry("endpoint", "metrics"),
      Map.entry("instance", "10.244.0.39:9006"), Map.entry("job", "seldon-mesh/agent"),
      Map.entry("method", "infer"), Map.entry("method_type", "rest"), Map.entry("model", "irisa0"),
      Map.entry("model_internal", "irisa0_1"), Map.entry("namespace", "seldon-mesh"),
      Map.entry("pipeline", "iris-pipeline"), Map.entry("pod", "mlserver-0"), Map.entry("server", "mlserver"),
      Map.entry("server_replica", "0"), Map.entry("le", "0.005"));

  /** Built once, after the tables above. */
  private static final List<Series> SERIES = build();
}
