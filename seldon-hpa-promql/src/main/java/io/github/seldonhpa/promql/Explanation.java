package io.github.seldonhpa.promql;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What prometheus-adapter does with one HPA Object metric: the custom-metrics API request the HPA makes,
 * the rule and series that serve it and the exact PromQL; or, when nothing serves it, why and which
 * rules nearly do. See {@link AdapterConfig#explain}.
 */
@Value.Immutable
public abstract class Explanation {
  Explanation() {}

  /** The metric name ({@code metric.name}). */
  public abstract String metricName();

  /** The requested resource, normalised (e.g. {@code models} in {@code mlops.seldon.io}). */
  public abstract GroupResource resource();

  /** The requested object name (the HPA's namespace for a {@code Namespace} object). */
  public abstract String objectName();

  /** The request namespace; "" for the metric of a namespace object. */
  public abstract String namespace();

  /**
   * The metric selector as the HPA sends it ({@code metricLabelSelector}, apimachinery's selector text,
   * sorted by key); "" without one.
   */
  public abstract String metricLabelSelector();

  /**
   * The request path, e.g. {@code /apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps},
   * with {@code ?metricLabelSelector=} URL-encoded when a selector is set.
   */
  public abstract String apiPath();

  /** {@code kubectl get --raw "<apiPath>"}: the same request by hand. */
  public abstract String kubectlCommand();

  /** Whether the adapter registers the metric for this object and its query can select the series. */
  public abstract boolean served();

  /** The index in {@code rules} of the rule serving the metric. */
  public abstract Optional<Integer> ruleIndex();

  /** The rule serving the metric. */
  public abstract Optional<DiscoveryRule> rule();

  /** The series name the query is built on ({@code .Series}). */
  public abstract Optional<String> seriesName();

  /** The known series behind the metric (same name, selected and kept by the rule). */
  public abstract List<Series> series();

  /** The exact PromQL the adapter runs, when a rule serves the metric. */
  public abstract Optional<String> query();

  /** Why the metric is not served (empty when it is). */
  public abstract List<String> reasons();

  /**
   * Rules that nearly serve it: a name {@code as} that differs, the resource missing from a rule's
   * overrides, a selector label the series lack, a filter that drops the series.
   */
  public abstract List<String> nearMisses();

  static ImmutableExplanation.Builder builder() {
    return ImmutableExplanation.builder();
  }
}
