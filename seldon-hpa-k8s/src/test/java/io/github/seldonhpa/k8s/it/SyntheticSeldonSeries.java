package io.github.seldonhpa.k8s.it;

import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Synthetic Seldon Core 2 agent metrics with the labels Seldon and its PodMonitor put on them (seed 002,
 * reference §2): {@code seldon_model_infer_total} and {@code seldon_model_infer_seconds_total} for three
 * models on two servers in {@code seldon-mesh} and one model in {@code seldon-prod}, sampled every 15 s
 * for one hour ending at {@link #END}.
 *
 * <p>Every series grows at a constant rate that is a binary fraction, and every counter value is
 * {@code 100 + rate * seconds}, so counters, their differences and their sums are exact doubles and
 * {@code rate()} over whole scrape intervals is exact. The per-object totals the tests expect are the sums of
 * the {@link #SERIES} rates below.
 */
final class SyntheticSeldonSeries {
  /** The last sample, on a scrape: the evaluation time of the queries. */
  static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  /** Prometheus' scrape interval in Seldon's shipped PodMonitors. */
  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);
  /** How much history is backfilled before {@link #END}. */
  static final Duration HISTORY = Duration.ofHours(1);
  /** Every counter's value at the first sample. */
  static final long START_VALUE = 100;

  /** One agent series: where the model replica runs, how it was called, and its requests per second. */
  record Series(String namespace, String server, int replica, String model, int version, String methodType,
      String code, double rate) {

    String pod() {
      return server + "-" + replica;
    }

    /** Mean inference time per request: a binary fraction per model, so seconds counters stay exact. */
    double secondsPerRequest() {
      switch (model) {
        case "irisa0":
          return 1.0 / 32;
        case "income":
          return 1.0 / 16;
        default:
          return 1.0 / 8;
      }
    }

    Map<String, String> labels() {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("code", code);
      labels.put("container", "agent");
      labels.put("endpoint", "metrics");
      labels.put("instance", "10.244." + (namespace.equals("seldon-mesh") ? 0 : 1) + "."
          + (10 * (server.equals("mlserver") ? 1 : 2) + replica) + ":9006");
      labels.put("job", namespace + "/agent");
      labels.put("method_type", methodType);
      labels.put("model", model);
      labels.put("model_internal", model + "_" + version);
      labels.put("namespace", namespace);
      labels.put("pod", pod());
      labels.put("server", server);
      labels.put("server_replica", Integer.toString(replica));
      return labels;
    }
  }

  /**
   * The series. Totals (requests per second): Model irisa0 in seldon-mesh 7.5 (rest 5.875, 200 or OK
   * 7.125), income 4.0625, tfsimple 10 (without Unavailable 9.5), irisa0 in seldon-prod 16.5; Server
   * mlserver 11.5625 (grpc OK 2.875), triton 10; Pod mlserver-0 3.75, mlserver-1 5.75, mlserver-2 2.0625
   * (seldon-prod's mlserver-0 10); Namespace seldon-mesh 21.5625, seldon-prod 16.5.
   */
  static final List<Series> SERIES = List.of(
      new Series("seldon-mesh", "mlserver", 0, "irisa0", 1, "rest", "200", 2.5),
      new Series("seldon-mesh", "mlserver", 0, "irisa0", 1, "rest", "500", 0.25),
      new Series("seldon-mesh", "mlserver", 0, "irisa0", 1, "grpc", "OK", 1.0),
      new Series("seldon-mesh", "mlserver", 1, "irisa0", 1, "rest", "200", 3.0),
      new Series("seldon-mesh", "mlserver", 1, "irisa0", 1, "rest", "500", 0.125),
      new Series("seldon-mesh", "mlserver", 1, "irisa0", 1, "grpc", "OK", 0.625),
      new Series("seldon-mesh", "mlserver", 1, "income", 3, "rest", "200", 1.5),
      new Series("seldon-mesh", "mlserver", 1, "income", 3, "grpc", "OK", 0.5),
      new Series("seldon-mesh", "mlserver", 2, "income", 3, "rest", "200", 1.25),
      new Series("seldon-mesh", "mlserver", 2, "income", 3, "rest", "500", 0.0625),
      new Series("seldon-mesh", "mlserver", 2, "income", 3, "grpc", "OK", 0.75),
      new Series("seldon-mesh", "triton", 0, "tfsimple", 1, "grpc", "OK", 4.0),
      new Series("seldon-mesh", "triton", 0, "tfsimple", 1, "grpc", "Unavailable", 0.5),
      new Series("seldon-mesh", "triton", 0, "tfsimple", 1, "rest", "200", 0.875),
      new Series("seldon-mesh", "triton", 1, "tfsimple", 1, "grpc", "OK", 3.5),
      new Series("seldon-mesh", "triton", 1, "tfsimple", 1, "rest", "200", 1.125),
      new Series("seldon-prod", "mlserver", 0, "irisa0", 2, "rest", "200", 8.0),
      new Series("seldon-prod", "mlserver", 0, "irisa0", 2, "grpc", "OK", 2.0),
      new Series("seldon-prod", "mlserver", 1, "irisa0", 2, "rest", "200", 6.0),
      new Series("seldon-prod", "mlserver", 1, "irisa0", 2, "rest", "500", 0.5));

  private SyntheticSeldonSeries() {}

  /**
   * The series an HPA Object metric in {@code hpaNamespace} designates, with Kubernetes label-selector
   * semantics on the series labels (NotIn and DoesNotExist also match a missing label), independent of
   * PromQL: the described object's label (the seeds' rule maps kind Model to label {@code model} and so on)
   * and, unless it is a Namespace, the namespace.
   */
  static List<Series> designatedBy(ObjectMetric metric, String hpaNamespace) {
    ObjectReference object = metric.describedObject().orElseThrow();
    String label = object.kind().toLowerCase(Locale.ROOT);
    LabelSelector selector = metric.selector().orElse(LabelSelector.builder().build());
    return SERIES.stream().filter(s -> {
      Map<String, String> labels = s.labels();
      return object.name().equals(labels.get(label))
          && (label.equals("namespace") || hpaNamespace.equals(labels.get("namespace")))
          && selector.matchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
          && selector.matchExpressions().stream().allMatch(e -> selects(e, labels.get(e.key())));
    }).collect(Collectors.toList());
  }

  private static boolean selects(LabelSelectorRequirement requirement, String value) {
    switch (requirement.operator()) {
      case IN:
        return value != null && requirement.values().contains(value);
      case NOT_IN:
        return value == null || !requirement.values().contains(value);
      case EXISTS:
        return value != null;
      default:
        return value == null;
    }
  }

  /** Samples per series: one per scrape from {@code END - HISTORY} to {@code END}, both included. */
  static int samplesPerSeries() {
    return (int) (HISTORY.toSeconds() / SCRAPE_INTERVAL.toSeconds()) + 1;
  }

  /** Writes every series of both counters as OpenMetrics text, ready for {@code promtool tsdb create-blocks-from}. */
  static void writeOpenMetrics(Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeFamily(out, "seldon_model_infer", "requests served by a model replica", false);
      writeFamily(out, "seldon_model_infer_seconds", "inference time spent by a model replica", true);
      out.write("# EOF\n");
    }
  }

  private static void writeFamily(Writer out, String family, String help, boolean seconds) throws IOException {
    out.write("# TYPE " + family + " counter\n");
    out.write("# HELP " + family + " " + help + "\n");
    long first = END.minus(HISTORY).getEpochSecond();
    long step = SCRAPE_INTERVAL.getSeconds();
    for (Series s : SERIES) {
      String name = family + "_total{" + s.labels().entrySet().stream()
          .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
          .collect(Collectors.joining(",")) + "} ";
      double rate = seconds ? s.rate() * s.secondsPerRequest() : s.rate();
      for (int i = 0; i < samplesPerSeries(); i++) {
        // exact: rate is a binary fraction and i * step a small integer
        double value = START_VALUE + rate * (i * step);
        out.write(name + new BigDecimal(value).toPlainString() + " " + (first + i * step) + "\n");
      }
    }
  }
}
