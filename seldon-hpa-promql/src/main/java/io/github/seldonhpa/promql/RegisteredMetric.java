package io.github.seldonhpa.promql;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A metric prometheus-adapter registers after discovery: on {@code custom.metrics.k8s.io} one per
 * (resource, namespaced, metric name), on {@code external.metrics.k8s.io} one per metric name; with the
 * series it queries ({@code .Series}) and the rule that produced it (a later rule or series silently
 * replaces an earlier one with the same key, as upstream does).
 */
@Value.Immutable
public abstract class RegisteredMetric {
  RegisteredMetric() {}

  /** {@return whether the metric is served on {@code external.metrics.k8s.io}} */
  public abstract boolean external();

  /** {@return the normalised resource (plural) of a custom metric; empty for an external one} */
  public abstract Optional<GroupResource> resource();

  /**
   * {@return whether the custom metric is requested with a namespace: false for namespaces, nodes and
   * persistentvolumes, true otherwise (and for external metrics)}
   */
  public abstract boolean namespaced();

  /** {@return the API metric name (the {@code name.as} expansion)} */
  public abstract String metricName();

  /** {@return the backing series name, {@code .Series} of the query} */
  public abstract String seriesName();

  /** {@return the index of the producing rule in {@code rules} or {@code externalRules}} */
  public abstract int ruleIndex();

  static RegisteredMetric custom(GroupResource resource, boolean namespaced, String metric, String series,
      int rule) {
    return ImmutableRegisteredMetric.builder().external(false).resource(resource).namespaced(namespaced)
        .metricName(metric).seriesName(series).ruleIndex(rule).build();
  }

  static RegisteredMetric external(String metric, String series, int rule) {
    return ImmutableRegisteredMetric.builder().external(true).namespaced(true).metricName(metric)
        .seriesName(series).ruleIndex(rule).build();
  }
}
