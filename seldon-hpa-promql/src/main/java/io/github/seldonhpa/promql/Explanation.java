package io.github.seldonhpa.promql;

import io.github.seldonhpa.Metric;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What prometheus-adapter does with one HPA metric (Object, Pods, External, or Resource through
 * {@code resourceRules}): the metrics API request the HPA makes, the rule and series that serve it and the
 * exact PromQL; or, when nothing serves it, why and which rules nearly do. See {@link AdapterConfig#explain}.
 */
@Value.Immutable
public abstract class Explanation {
  Explanation() {}

  /** {@return the kind of HPA metric explained} */
  public abstract Metric.Type metricType();

  /** {@return the metric name ({@code metric.name}; {@code cpu} or {@code memory} for a Resource metric)} */
  public abstract String metricName();

  /**
   * {@return the requested resource, normalised (e.g. {@code models} in {@code mlops.seldon.io}; {@code pods} for Pods
   * and Resource metrics; the empty resource for an External metric)}
   */
  public abstract GroupResource resource();

  /**
   * {@return the object name in the request path: the described object (the HPA's namespace for a {@code Namespace}
   * object), {@code *} for a Pods metric, "" for External and Resource metrics}
   */
  public abstract String objectName();

  /** {@return the names of the objects the query selects (the pods or nodes for Pods and Resource metrics)} */
  public abstract List<String> objectNames();

  /** {@return the objects' label selector ({@code labelSelector}) of a Pods or Resource request; "" otherwise} */
  @Value.Default
  public String labelSelector() {
    return "";
  }

  /** {@return the request namespace; "" for the metric of a namespace object} */
  public abstract String namespace();

  /**
   * {@return the metric selector as the HPA sends it ({@code metricLabelSelector}, apimachinery's selector text,
   * sorted by key); "" without one}
   */
  public abstract String metricLabelSelector();

  /**
   * {@return the request path, e.g.
   * {@code /apis/custom.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/models.mlops.seldon.io/irisa0/infer_rps},
   * with {@code ?metricLabelSelector=} URL-encoded when a selector is set}
   */
  public abstract String apiPath();

  /**
   * {@return {@code kubectl get --raw <apiPath>}: the same request by hand, the path single-quoted when a shell would
   * otherwise read any of its characters (so a name such as {@code $(id)} is never run)}
   */
  public abstract String kubectlCommand();

  /** {@return whether the adapter registers the metric for this object and its query can select the series} */
  public abstract boolean served();

  /** {@return the index in {@code rules} (or {@code externalRules}) of the rule serving the metric} */
  public abstract Optional<Integer> ruleIndex();

  /** {@return the rule serving the metric} */
  public abstract Optional<DiscoveryRule> rule();

  /** {@return the series name the query is built on ({@code .Series})} */
  public abstract Optional<String> seriesName();

  /** {@return the known series behind the metric (same name, selected and kept by the rule)} */
  public abstract List<Series> series();

  /** {@return the exact PromQL the adapter runs, when a rule serves the metric} */
  public abstract Optional<String> query();

  /** {@return why the metric is not served (empty when it is)} */
  public abstract List<String> reasons();

  /**
   * {@return rules that nearly serve it: a name {@code as} that differs, the resource missing from a rule's
   * overrides, a selector label the series lack, a filter that drops the series}
   */
  public abstract List<String> nearMisses();

  static ImmutableExplanation.Builder builder() {
    return ImmutableExplanation.builder();
  }
}
