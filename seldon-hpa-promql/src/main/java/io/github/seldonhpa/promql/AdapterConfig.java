package io.github.seldonhpa.promql;

import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.ResourceMetric;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A prometheus-adapter configuration ({@code config.yaml} of its ConfigMap): custom-metrics
 * {@code rules}, {@code externalRules} and the optional {@code resourceRules}. Default: no rules.
 */
@Value.Immutable
public abstract class AdapterConfig {
  AdapterConfig() {}

  /** {@return {@code rules}: served on {@code custom.metrics.k8s.io}} */
  public abstract List<DiscoveryRule> rules();

  /** {@return {@code externalRules}: served on {@code external.metrics.k8s.io}} */
  public abstract List<DiscoveryRule> externalRules();

  /** {@return {@code resourceRules}: served on {@code metrics.k8s.io}} */
  public abstract Optional<ResourceRules> resourceRules();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableAdapterConfig.builder();
  }

  /** Builds {@link AdapterConfig}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the AdapterConfig whose values are copied
     * @return this builder
     */
    public abstract Builder from(AdapterConfig instance);

    /**
     * Adds one element to {@link AdapterConfig#rules()}.
     *
     * @param element the element to append; the list is {@code rules}: served on {@code custom.metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder addRule(DiscoveryRule element);

    /**
     * Adds elements to {@link AdapterConfig#rules()}.
     *
     * @param elements the elements to append, in order; the list is {@code rules}: served on
     *     {@code custom.metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder addRules(DiscoveryRule... elements);

    /**
     * Replaces {@link AdapterConfig#rules()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is {@code rules}: served
     *     on {@code custom.metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder rules(Iterable<? extends DiscoveryRule> elements);

    /**
     * Adds elements to {@link AdapterConfig#rules()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code rules}: served on
     *     {@code custom.metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder addAllRules(Iterable<? extends DiscoveryRule> elements);

    /**
     * Adds one element to {@link AdapterConfig#externalRules()}.
     *
     * @param element the element to append; the list is {@code externalRules}: served on
     *     {@code external.metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder addExternalRule(DiscoveryRule element);

    /**
     * Adds elements to {@link AdapterConfig#externalRules()}.
     *
     * @param elements the elements to append, in order; the list is {@code externalRules}: served on
     *     {@code external.metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder addExternalRules(DiscoveryRule... elements);

    /**
     * Replaces {@link AdapterConfig#externalRules()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is {@code externalRules}:
     *     served on {@code external.metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder externalRules(Iterable<? extends DiscoveryRule> elements);

    /**
     * Adds elements to {@link AdapterConfig#externalRules()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code externalRules}: served on
     *     {@code external.metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder addAllExternalRules(Iterable<? extends DiscoveryRule> elements);

    /**
     * Sets {@link AdapterConfig#resourceRules()}.
     *
     * @param resourceRules {@code resourceRules}: served on {@code metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder resourceRules(ResourceRules resourceRules);

    /**
     * Sets or clears {@link AdapterConfig#resourceRules()}.
     *
     * @param resourceRules the value, or empty to clear it; {@code resourceRules}: served on {@code metrics.k8s.io}
     * @return this builder
     */
    public abstract Builder resourceRules(Optional<? extends ResourceRules> resourceRules);

    /**
     * Sets {@link AdapterConfig#resourceTable()}.
     *
     * @param resourceTable the resources of the cluster the adapter runs in, which it discovers through its RESTMapper:
     *     overrides are normalised against them, and an override naming a resource the table lacks stops the adapter.
     *     Not part of {@code config.yaml}. Default: {@link ResourceTable#builtIn()}
     * @return this builder
     */
    public abstract Builder resourceTable(ResourceTable resourceTable);

    /**
     * Builds the {@link AdapterConfig}, checking every rule of its fields.
     *
     * @return the AdapterConfig
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract AdapterConfig build();

}

  /**
   * {@return the resources of the cluster the adapter runs in, which it discovers through its RESTMapper: overrides
   * are normalised against them, and an override naming a resource the table lacks stops the adapter}
   * Not part of {@code config.yaml}. Default: {@link ResourceTable#builtIn()}.
   */
  @Value.Default
  public ResourceTable resourceTable() {
    return ResourceTable.builtIn();
  }

  /**
   * {@return this config in a cluster serving {@code resources}}
   *
   * @param resources the API resources the cluster serves, which {@code resources.template} and overrides resolve
   *     against
   */
  public final AdapterConfig inCluster(ResourceTable resources) {
    return builder().addAllRules(rules()).addAllExternalRules(externalRules()).resourceRules(resourceRules())
        .resourceTable(resources).build();
  }

  /** The config compiled once, as the adapter compiles it at start-up. */
  @Value.Lazy
  CompiledConfig compiled() {
    return CompiledConfig.of(this);
  }

  /**
   * {@return the errors that stop prometheus-adapter from starting with this config, one per rule at fault, each
   * {@code <path>: <the adapter's error text>}, e.g. {@code rules[0]: must specify an 'as' value for name
   * matcher "^(.*)_(total|count)$" associated with series query "q"}} Checked: {@code is}/{@code isNot}
   * both or neither, regexps (Go RE2), two or more capture groups without {@code as}, label templates
   * without {@code .Resource}, template parse errors, override resources the {@link #resourceTable()}
   * does not know. The adapter itself stops at the first.
   */
  public final List<String> loadErrors() {
    return List.copyOf(compiled().errors);
  }

  /**
   * Checks the config as prometheus-adapter does when it starts.
   *
   * @return this config, unchanged, when it loads
   * @throws HpaValidationException with the first of {@link #loadErrors()}
   */
  public final AdapterConfig validate() {
    List<String> errors = compiled().errors;
    if (!errors.isEmpty()) {
      throw new HpaValidationException(errors.get(0));
    }
    return this;
  }

  /**
   * {@return the metrics prometheus-adapter registers from these series: each rule's {@code seriesQuery} is
   * evaluated against them (plain series selectors: {@code metric{label="v",label!="",label=~"re"}}),
   * then its filters, naming and resource association apply} Order: custom metrics, then external ones.
   *
   * @param series the series Prometheus holds (name and labels), standing in for {@code /api/v1/series}
   * @throws HpaValidationException when the config does not load (see {@link #validate()})
   */
  public final List<RegisteredMetric> discover(List<Series> series) {
    validate();
    return new Explainer(this, series).registry().metrics();
  }

  /**
   * {@return what each rule registers on its own from these series (custom rules, then external ones)} The registry
   * of the whole config ({@link #discover}) keeps one entry per metric, the later rule's; rules that collide
   * show only here.
   *
   * @param series the series Prometheus holds (name and labels), standing in for {@code /api/v1/series}
   * @throws HpaValidationException when the config does not load (see {@link #validate()})
   */
  public final List<List<RegisteredMetric>> discoverByRule(List<Series> series) {
    validate();
    return new Explainer(this, series).registriesByRule();
  }

  /**
   * {@return what prometheus-adapter does when the HPA in {@code hpaNamespace} asks for this Object metric: the
   * custom-metrics API path and {@code kubectl get --raw} command, the rule and series serving it and the
   * exact PromQL; or why nothing serves it and the rules that nearly do}
   *
   * <p>{@code .LabelMatchers} follow prometheus-adapter's code and the conformance vectors, not the
   * simplified description in Seldon's documentation: the metric selector's matchers come first, sorted
   * by label key, then {@code namespace="<ns>"}, then the object's label; one object name is matched with
   * {@code =} (not {@code =~}), values are quoted with Go's {@code %q} and there are no spaces after the
   * commas. So a Model {@code irisa0} in {@code seldon-mesh} with selector {@code method_type: rest} gives
   * {@code method_type="rest",namespace="seldon-mesh",model="irisa0"}. A {@code Namespace} object is
   * requested by the HPA's own namespace, root-scoped, so only the namespace label is matched.
   *
   * @param metric the HPA's Object metric, with its described object and selector
   * @param hpaNamespace the namespace of the HPA, which is the namespace of the described object
   * @param knownSeries the series Prometheus holds (name and labels), standing in for
   *     {@code /api/v1/series}; {@link SeldonPresets#defaultSeries()} has the ones Seldon Core 2 publishes
   * @throws HpaValidationException when the metric has no described object, the kind is unknown or the
   *     selector is invalid
   */
  public final Explanation explain(ObjectMetric metric, String hpaNamespace, List<Series> knownSeries) {
    return new Explainer(this, knownSeries).explain(metric, hpaNamespace);
  }

  /**
   * {@return what prometheus-adapter does when the HPA in {@code hpaNamespace} asks for this Pods metric of the pods
   * its scale target selects: the request {@code /apis/custom.metrics.k8s.io/v1beta1/namespaces/<ns>/pods/*
   * /<metric>?labelSelector=<podSelector>}, and the query over the pods the API server lists for that
   * selector, which stand in here as {@code podNames} (in the API server's order, by name):
   * {@code pod="p"} for one, {@code pod=~"p0|p1"} for several}
   *
   * @param metric the HPA's Pods metric
   * @param hpaNamespace the namespace of the HPA and its scale target
   * @param podSelector the scale target's pod selector (a Seldon Server's StatefulSet selects
   *     {@code seldon-server-name=<server>})
   * @param podNames the names of the pods the selector selects
   * @param knownSeries the series Prometheus holds (name and labels), standing in for {@code /api/v1/series}
   * @throws HpaValidationException when a selector is invalid
   */
  public final Explanation explain(PodsMetric metric, String hpaNamespace, LabelSelector podSelector,
      List<String> podNames, List<Series> knownSeries) {
    return new Explainer(this, knownSeries).explain(metric, hpaNamespace, podSelector, podNames);
  }

  /**
   * {@return what prometheus-adapter does when the HPA in {@code hpaNamespace} asks for this External metric: the
   * request {@code /apis/external.metrics.k8s.io/v1beta1/namespaces/<ns>/<metric>?labelSelector=<selector>},
   * the external rule serving it and the query, whose matchers are the metric selector's and, unless the
   * rule says {@code resources.namespaced: false}, the namespace's}
   *
   * @param metric the HPA's External metric, with its selector
   * @param hpaNamespace the namespace of the HPA
   * @param knownSeries the series Prometheus holds (name and labels), standing in for {@code /api/v1/series}
   * @throws HpaValidationException when the selector is invalid
   */
  public final Explanation explain(ExternalMetric metric, String hpaNamespace, List<Series> knownSeries) {
    return new Explainer(this, knownSeries).explain(metric, hpaNamespace);
  }

  /**
   * {@return what prometheus-adapter's resource-metrics API ({@code resourceRules}) does when the HPA in
   * {@code hpaNamespace} asks for the CPU or memory of the pods its scale target selects: the request
   * {@code /apis/metrics.k8s.io/v1beta1/namespaces/<ns>/pods?labelSelector=<podSelector>} and the
   * {@code containerQuery} over {@code podNames}, grouped by pod and {@code containerLabel}}
   *
   * @param metric the HPA's Resource metric ({@code cpu} or {@code memory})
   * @param hpaNamespace the namespace of the HPA and its scale target
   * @param podSelector the scale target's pod selector
   * @param podNames the names of the pods the selector selects
   * @throws HpaValidationException when the pod selector is invalid
   */
  public final Explanation explain(ResourceMetric metric, String hpaNamespace, LabelSelector podSelector,
      List<String> podNames) {
    return new Explainer(this, List.of()).explain(metric, hpaNamespace, podSelector, podNames);
  }

  /**
   * {@return the {@code nodeQuery} of {@code resourceRules.cpu} or {@code .memory} ({@code resource} {@code cpu} or
   * {@code memory}) for these nodes, as the adapter runs it for {@code /apis/metrics.k8s.io/v1beta1/nodes}
   * ({@code kubectl top nodes})}
   *
   * @param resource {@code cpu} or {@code memory}
   * @param nodeNames the names of the nodes to query
   * @throws HpaValidationException when {@code resource} is neither {@code cpu} nor {@code memory}
   */
  public final Explanation explainNodes(String resource, List<String> nodeNames) {
    return new Explainer(this, List.of()).explainNodes(resource, nodeNames);
  }
}
