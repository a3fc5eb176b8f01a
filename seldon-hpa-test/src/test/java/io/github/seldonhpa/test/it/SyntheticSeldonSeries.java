package io.github.seldonhpa.test.it;

import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.test.AgentSeries;
import io.github.seldonhpa.test.PrometheusExtension;
import io.github.seldonhpa.test.SeldonTraffic;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The project's synthetic Seldon Core 2 traffic, built with {@link SeldonTraffic}: 20 agent series for three
 * models on two servers in {@code seldon-mesh} and one model in {@code seldon-prod}, at constant rates,
 * sampled every 15 s for one hour ending at {@link #END}.
 *
 * <p>Every rate and every seconds-per-request is a binary fraction, so counters, their differences and sums
 * are exact doubles and {@code rate()} over whole scrape intervals is exact. The per-object totals the tests
 * expect are the sums of the {@link #SERIES} rates below.
 */
final class SyntheticSeldonSeries {
  /** The last sample, on a scrape: the evaluation time of the queries. */
  static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

  /** One agent series and its constant requests per second. */
  record Series(AgentSeries agent, double rate) {
    Map<String, String> labels() {
      return agent.labels();
    }

    double secondsPerRequest() {
      return agent.secondsPerRequest();
    }
  }

  /**
   * The series. Totals (requests per second): Model irisa0 in seldon-mesh 7.5 (rest 5.875, 200 or OK
   * 7.125), income 4.0625, tfsimple 10 (without Unavailable 9.5), irisa0 in seldon-prod 16.5; Server
   * mlserver 11.5625 (grpc OK 2.875), triton 10; Pod mlserver-0 3.75, mlserver-1 5.75, mlserver-2 2.0625
   * (seldon-prod's mlserver-0 10); Namespace seldon-mesh 21.5625, seldon-prod 16.5.
   */
  static final List<Series> SERIES = List.of(
      series("seldon-mesh", "mlserver", 0, "irisa0", 1, "rest", "200", 2.5),
      series("seldon-mesh", "mlserver", 0, "irisa0", 1, "rest", "500", 0.25),
      series("seldon-mesh", "mlserver", 0, "irisa0", 1, "grpc", "OK", 1.0),
      series("seldon-mesh", "mlserver", 1, "irisa0", 1, "rest", "200", 3.0),
      series("seldon-mesh", "mlserver", 1, "irisa0", 1, "rest", "500", 0.125),
      series("seldon-mesh", "mlserver", 1, "irisa0", 1, "grpc", "OK", 0.625),
      series("seldon-mesh", "mlserver", 1, "income", 3, "rest", "200", 1.5),
      series("seldon-mesh", "mlserver", 1, "income", 3, "grpc", "OK", 0.5),
      series("seldon-mesh", "mlserver", 2, "income", 3, "rest", "200", 1.25),
      series("seldon-mesh", "mlserver", 2, "income", 3, "rest", "500", 0.0625),
      series("seldon-mesh", "mlserver", 2, "income", 3, "grpc", "OK", 0.75),
      series("seldon-mesh", "triton", 0, "tfsimple", 1, "grpc", "OK", 4.0),
      series("seldon-mesh", "triton", 0, "tfsimple", 1, "grpc", "Unavailable", 0.5),
      series("seldon-mesh", "triton", 0, "tfsimple", 1, "rest", "200", 0.875),
      series("seldon-mesh", "triton", 1, "tfsimple", 1, "grpc", "OK", 3.5),
      series("seldon-mesh", "triton", 1, "tfsimple", 1, "rest", "200", 1.125),
      series("seldon-prod", "mlserver", 0, "irisa0", 2, "rest", "200", 8.0),
      series("seldon-prod", "mlserver", 0, "irisa0", 2, "grpc", "OK", 2.0),
      series("seldon-prod", "mlserver", 1, "irisa0", 2, "rest", "200", 6.0),
      series("seldon-prod", "mlserver", 1, "irisa0", 2, "rest", "500", 0.5));

  /** The series at their rates, with the default timing: every 15 s for the hour before {@link #END}. */
  static final SeldonTraffic TRAFFIC = traffic();

  private SyntheticSeldonSeries() {}

  /** A Prometheus holding {@link #TRAFFIC}, for one IT class. */
  static PrometheusExtension prometheus() {
    return PrometheusExtension.backfilling(TRAFFIC);
  }

  private static Series series(String namespace, String server, int replica, String model, int version,
      String methodType, String code, double rate) {
    // mean inference time per request: a binary fraction per model, so the seconds counters stay exact
    double secondsPerRequest = model.equals("irisa0") ? 1.0 / 32 : model.equals("income") ? 1.0 / 16 : 1.0 / 8;
    return new Series(AgentSeries.model(model).modelVersion(version).namespace(namespace).server(server)
        .replica(replica).methodType(methodType).code(code).secondsPerRequest(secondsPerRequest), rate);
  }

  private static SeldonTraffic traffic() {
    SeldonTraffic traffic = SeldonTraffic.endingAt(END);
    for (Series s : SERIES) {
      traffic = traffic.constant(s.agent(), s.rate());
    }
    return traffic;
  }

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
}
