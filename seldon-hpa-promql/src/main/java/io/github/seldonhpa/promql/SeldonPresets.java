package io.github.seldonhpa.promql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * prometheus-adapter rules for the metrics Seldon Core 2 publishes (agent sidecar and pipeline gateway,
 * scraped through Seldon's PodMonitors, which add the {@code namespace} and {@code pod} labels). The rate
 * window is a parameter: Seldon's documentation uses 2m (1m in its older walkthrough); keep it at least
 * twice the scrape interval (15 s in Seldon's monitors).
 */
public final class SeldonPresets {
  /** {@code seldon_model_infer_total}: inference calls per model (counter). */
  public static final String MODEL_INFER_TOTAL = "seldon_model_infer_total";
  /** {@code seldon_model_infer_seconds_total}: summed inference time per model in seconds (counter). */
  public static final String MODEL_INFER_SECONDS_TOTAL = "seldon_model_infer_seconds_total";
  /** {@code seldon_pipeline_infer_total}: inference calls per pipeline (counter). */
  public static final String PIPELINE_INFER_TOTAL = "seldon_pipeline_infer_total";
  /** {@code seldon_pipeline_infer_seconds_total}: summed inference time per pipeline in seconds (counter). */
  public static final String PIPELINE_INFER_SECONDS_TOTAL = "seldon_pipeline_infer_seconds_total";

  private static final String SELDON_GROUP = "mlops.seldon.io";

  /** The metric name of {@link #modelLatency}. */
  public static final String MODEL_LATENCY_METRIC = "infer_latency_seconds";
  /** The metric name of {@link #pipelineLatency}. */
  public static final String PIPELINE_LATENCY_METRIC = "pipeline_infer_latency_seconds";

  private SeldonPresets() {}

  /**
   * {@return Seldon's documented rule, byte for byte as in its ConfigMap: {@code seldon_model_infer_total} served
   * as {@code infer_rps} for models, servers, pods and namespaces, with query
   * {@code sum by (<<.GroupBy>>) (rate (<<.Series>>{<<.LabelMatchers>>}[<window>]))} laid out over lines}
   *
   * @param window the rate window, e.g. 2 minutes (rendered as a Prometheus duration: {@code 2m},
   *     {@code 1m30s})
   */
  public static DiscoveryRule modelInferRps(Duration window) {
    return DiscoveryRule.builder()
        .seriesQuery(seriesQuery(MODEL_INFER_TOTAL))
        .resources(modelResources())
        .name(NameMapping.of(MODEL_INFER_TOTAL, "infer_rps"))
        .metricsQuery(rate("<<.Series>>", window))
        .build();
  }

  /**
   * {@return mean inference latency per model in seconds, {@code infer_latency_seconds}: the rate of
   * {@code seldon_model_infer_seconds_total} divided by the rate of {@code seldon_model_infer_total} over
   * the same matchers, for models, servers, pods and namespaces} Without traffic in the window the query
   * returns no sample (rather than NaN), so the HPA keeps the current scale.
   *
   * @param window the {@code rate()} window, such as 1 minute; at least two scrape intervals
   */
  public static DiscoveryRule modelLatency(Duration window) {
    return DiscoveryRule.builder()
        .seriesQuery(seriesQuery(MODEL_INFER_SECONDS_TOTAL))
        .resources(modelResources())
        .name(NameMapping.of("^" + MODEL_INFER_SECONDS_TOTAL + "$", MODEL_LATENCY_METRIC))
        .metricsQuery(rate("<<.Series>>", window) + "\n/\n" + rate(MODEL_INFER_TOTAL, window) + " > 0")
        .build();
  }

  /**
   * {@return inference calls per second per pipeline, {@code pipeline_infer_rps}, from the pipeline gateway's
   * {@code seldon_pipeline_infer_total}, for pipelines, pods and namespaces} Its {@code server} label is
   * always {@code pipeline-gateway}, so it is not mapped. A Pipeline has no scale subresource: use it to
   * scale the gateway, not a Seldon CR.
   *
   * @param window the {@code rate()} window, such as 1 minute; at least two scrape intervals
   */
  public static DiscoveryRule pipelineInferRps(Duration window) {
    return DiscoveryRule.builder()
        .seriesQuery(seriesQuery(PIPELINE_INFER_TOTAL))
        .resources(pipelineResources())
        .name(NameMapping.of("^" + PIPELINE_INFER_TOTAL + "$", "pipeline_infer_rps"))
        .metricsQuery(rate("<<.Series>>", window))
        .build();
  }

  /**
   * {@return mean inference latency per pipeline in seconds, {@code pipeline_infer_latency_seconds}, as
   * {@link #modelLatency} for {@code seldon_pipeline_infer_seconds_total} over
   * {@code seldon_pipeline_infer_total}}
   *
   * @param window the {@code rate()} window, such as 1 minute; at least two scrape intervals
   */
  public static DiscoveryRule pipelineLatency(Duration window) {
    return DiscoveryRule.builder()
        .seriesQuery(seriesQuery(PIPELINE_INFER_SECONDS_TOTAL))
        .resources(pipelineResources())
        .name(NameMapping.of("^" + PIPELINE_INFER_SECONDS_TOTAL + "$", PIPELINE_LATENCY_METRIC))
        .metricsQuery(rate("<<.Series>>", window) + "\n/\n" + rate(PIPELINE_INFER_TOTAL, window) + " > 0")
        .build();
  }

  /**
   * {@return Seldon's documented adapter config: the single {@link #modelInferRps} rule}
   *
   * @param window the {@code rate()} window, such as 1 minute; at least two scrape intervals
   */
  public static AdapterConfig inferRpsConfig(Duration window) {
    return AdapterConfig.builder().addRule(modelInferRps(window)).build();
  }

  /**
   * {@return series as Seldon Core 2 publishes them, one per metric above, with the labels of Seldon's documented
   * example ({@code seldon_model_infer_total{code="200", container="agent", endpoint="metrics", ...,
   * model="irisa0", namespace="seldon-mesh", pod="mlserver-0", server="mlserver"}}) and their pipeline
   * gateway counterparts; for discovery and explain when no real series are at hand}
   */
  public static List<Series> defaultSeries() {
    return List.of(
        Series.of(MODEL_INFER_TOTAL, modelLabels()),
        Series.of(MODEL_INFER_SECONDS_TOTAL, modelLabels()),
        Series.of(PIPELINE_INFER_TOTAL, pipelineLabels()),
        Series.of(PIPELINE_INFER_SECONDS_TOTAL, pipelineLabels()));
  }

  private static Map<String, String> modelLabels() {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("code", "200");
    l.put("container", "agent");
    l.put("endpoint", "metrics");
    l.put("instance", "10.244.0.39:9006");
    l.put("job", "seldon-mesh/agent");
    l.put("method_type", "rest");
    l.put("model", "irisa0");
    l.put("model_internal", "irisa0_1");
    l.put("namespace", "seldon-mesh");
    l.put("pod", "mlserver-0");
    l.put("server", "mlserver");
    l.put("server_replica", "0");
    return l;
  }

  private static Map<String, String> pipelineLabels() {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("code", "200");
    l.put("container", "seldon-pipelinegateway");
    l.put("endpoint", "metrics");
    l.put("instance", "10.244.0.41:9006");
    l.put("job", "seldon-mesh/seldon-pipelinegateway");
    l.put("method_type", "rest");
    l.put("namespace", "seldon-mesh");
    l.put("pipeline", "iris-pipeline");
    l.put("pod", "seldon-pipelinegateway-0");
    l.put("server", "pipeline-gateway");
    return l;
  }

  /** As in Seldon's ConfigMap: a YAML {@code |} block, so the text ends with a newline. */
  private static String seriesQuery(String metric) {
    return "{__name__=\"" + metric + "\",namespace!=\"\"}\n";
  }

  /**
   * As in Seldon's ConfigMap, whose {@code config.yaml: |-} drops the last line break: the query ends
   * with {@code )}.
   */
  private static String rate(String series, Duration window) {
    return "sum by (<<.GroupBy>>) (\n  rate (\n    " + series + "{<<.LabelMatchers>>}["
        + PrometheusDuration.format(window) + "]\n  )\n)";
  }

  private static ResourceMapping modelResources() {
    return ResourceMapping.builder()
        .putOverride("model", GroupResource.of(SELDON_GROUP, "model"))
        .putOverride("server", GroupResource.of(SELDON_GROUP, "server"))
        .putOverride("pod", GroupResource.core("pod"))
        .putOverride("namespace", GroupResource.core("namespace"))
        .build();
  }

  private static ResourceMapping pipelineResources() {
    return ResourceMapping.builder()
        .putOverride("pipeline", GroupResource.of(SELDON_GROUP, "pipeline"))
        .putOverride("pod", GroupResource.core("pod"))
        .putOverride("namespace", GroupResource.core("namespace"))
        .build();
  }
}
