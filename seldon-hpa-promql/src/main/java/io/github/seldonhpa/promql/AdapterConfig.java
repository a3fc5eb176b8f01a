package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.ObjectMetric;
import java.util.ArrayList;
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

  /** {@code rules}: served on {@code custom.metrics.k8s.io}. */
  public abstract List<DiscoveryRule> rules();

  /** {@code externalRules}: served on {@code external.metrics.k8s.io}. */
  public abstract List<DiscoveryRule> externalRules();

  /** {@code resourceRules}: served on {@code metrics.k8s.io}. */
  public abstract Optional<ResourceRules> resourceRules();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AdapterConfig}. */
  public static class Builder extends ImmutableAdapterConfig.Builder {}

  /**
   * The errors that stop prometheus-adapter from starting with this config, one per rule at fault, each
   * {@code <path>: <the adapter's error text>}, e.g. {@code rules[0]: must specify an 'as' value for name
   * matcher "^(.*)_(total|count)$" associated with series query "q"}. Checked: {@code is}/{@code isNot}
   * both or neither, regexps (Go RE2), two or more capture groups without {@code as}, label templates
   * without {@code .Resource}, template parse errors, override resources the built-in resource table does
   * not know. The adapter itself stops at the first.
   */
  public final List<String> loadErrors() {
    List<String> errors = new ArrayList<>();
    check(errors, "rules", rules());
    check(errors, "externalRules", externalRules());
    resourceRules().ifPresent(r -> {
      checkResourceRule(errors, "resourceRules.cpu", "CPU", r.cpu());
      checkResourceRule(errors, "resourceRules.memory", "memory", r.memory());
    });
    return errors;
  }

  /**
   * Checks the config as prometheus-adapter does when it starts.
   *
   * @throws HpaValidationException with the first of {@link #loadErrors()}
   */
  public final AdapterConfig validate() {
    List<String> errors = loadErrors();
    if (!errors.isEmpty()) {
      throw new HpaValidationException(errors.get(0));
    }
    return this;
  }

  private static void check(List<String> errors, String field, List<DiscoveryRule> rules) {
    for (int i = 0; i < rules.size(); i++) {
      try {
        RuleNamer.of(i, rules.get(i), ResourceTable.BUILT_IN);
      } catch (HpaValidationException e) {
        errors.add(field + "[" + i + "]: " + e.getMessage());
      }
    }
  }

  private static void checkResourceRule(List<String> errors, String field, String what, ResourceRule rule) {
    String prefix = field + ": unable to construct querier for " + what + " metrics: ";
    ResourceConverter converter;
    try {
      converter = ResourceConverter.of(rule.resources(), ResourceTable.BUILT_IN);
    } catch (HpaValidationException e) {
      errors.add(prefix + "unable to construct label-resource converter: " + e.getMessage());
      return;
    }
    String[][] queries = {{"container", rule.containerQuery()}, {"node", rule.nodeQuery()}};
    for (String[] q : queries) {
      try {
        MetricsQuery.parse(q[1]);
      } catch (HpaValidationException e) {
        errors.add(prefix + "unable to construct " + q[0] + " metrics query: " + e.getMessage());
        return;
      }
    }
  }

  /**
   * The metrics prometheus-adapter registers from these series: each rule's {@code seriesQuery} is
   * evaluated against them (plain series selectors: {@code metric{label="v",label!="",label=~"re"}}),
   * then its filters, naming and resource association apply. Order: custom metrics, then external ones.
   *
   * @throws HpaValidationException when the config does not load (see {@link #validate()})
   */
  public final List<RegisteredMetric> discover(List<Series> series) {
    validate();
    Explainer explainer = new Explainer(this, ResourceTable.BUILT_IN, series);
    return explainer.registry(Explainer.compile(rules(), ResourceTable.BUILT_IN),
        Explainer.compile(externalRules(), ResourceTable.BUILT_IN)).metrics();
  }

  /**
   * What each rule registers on its own from these series (custom rules, then external ones). The registry
   * of the whole config ({@link #discover}) keeps one entry per metric, the later rule's; rules that collide
   * show only here.
   *
   * @throws HpaValidationException when the config does not load (see {@link #validate()})
   */
  public final List<List<RegisteredMetric>> discoverByRule(List<Series> series) {
    validate();
    Explainer explainer = new Explainer(this, ResourceTable.BUILT_IN, series);
    List<List<RegisteredMetric>> out = new ArrayList<>();
    for (RuleNamer rule : Explainer.compile(rules(), ResourceTable.BUILT_IN)) {
      out.add(explainer.registry(List.of(rule), List.of()).metrics());
    }
    for (RuleNamer rule : Explainer.compile(externalRules(), ResourceTable.BUILT_IN)) {
      out.add(explainer.registry(List.of(), List.of(rule)).metrics());
    }
    return out;
  }

  /**
   * {@link #explain(ObjectMetric, String, List)} against the series Seldon Core 2 publishes
   * ({@link SeldonPresets#defaultSeries()}).
   */
  public final Explanation explain(ObjectMetric metric, String hpaNamespace) {
    return explain(metric, hpaNamespace, SeldonPresets.defaultSeries());
  }

  /**
   * What prometheus-adapter does when the HPA in {@code hpaNamespace} asks for this Object metric: the
   * custom-metrics API path and {@code kubectl get --raw} command, the rule and series serving it and the
   * exact PromQL; or why nothing serves it and the rules that nearly do.
   *
   * <p>{@code .LabelMatchers} follow prometheus-adapter's code and the conformance vectors, not the
   * simplified description in Seldon's documentation: the metric selector's matchers come first, sorted
   * by label key, then {@code namespace="<ns>"}, then the object's label; one object name is matched with
   * {@code =} (not {@code =~}), values are quoted with Go's {@code %q} and there are no spaces after the
   * commas. So a Model {@code irisa0} in {@code seldon-mesh} with selector {@code method_type: rest} gives
   * {@code method_type="rest",namespace="seldon-mesh",model="irisa0"}. A {@code Namespace} object is
   * requested by the HPA's own namespace, root-scoped, so only the namespace label is matched.
   *
   * @param knownSeries the series Prometheus holds (name and labels), standing in for
   *     {@code /api/v1/series}
   * @throws HpaValidationException when the metric has no described object, the kind is unknown or the
   *     selector is invalid
   */
  public final Explanation explain(ObjectMetric metric, String hpaNamespace, List<Series> knownSeries) {
    return new Explainer(this, ResourceTable.BUILT_IN, knownSeries).explain(metric, hpaNamespace);
  }
}
