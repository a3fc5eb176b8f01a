package io.github.seldonhpa.k8s;

import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.RegisteredMetric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A prometheus-adapter config lint found (a ConfigMap's {@code config.yaml}, a bare config, the Helm chart's
 * values) or was given, with what the adapter makes of it: whether it loads and what each rule registers.
 */
final class LintAdapter {
  final LintSubject subject;
  /** The path of the whole config ({@code data."config.yaml"}, "" for a bare config or values). */
  final String prefix;
  /** The paths of the custom and external rule lists ({@code rules}, or {@code rules.custom} in values). */
  final String rulesPath;
  final String externalRulesPath;
  /**
   * The config, when it parses (otherwise {@link #parseError} says why); none for chart values whose rules are
   * in an existing ConfigMap.
   */
  AdapterConfig config;
  /** How many of the config's first rules are the chart's {@code rules.default} ones (chart values only). */
  int chartDefaultRules;
  /** Where and why it does not parse: {@code {path, message}}. */
  String[] parseError;
  /** The relist interval the chart's values set ({@code metricsRelistInterval}). */
  Optional<Duration> relistInterval = Optional.empty();
  /** Whether it loads; the served checks use only configs that do. */
  boolean loads;
  List<String> loadErrors = List.of();
  /** Per rule (custom rules, then external ones), the metrics it registers from the known series. */
  final List<List<RegisteredMetric>> registered = new ArrayList<>();
  /**
   * Metric names custom rules ({@code [0]}) and external rules ({@code [1]}) may serve from series lint does not
   * know (another exporter's, a recording rule).
   */
  final List<Set<String>> unknownSeriesNames = List.of(new TreeSet<>(), new TreeSet<>());
  /** Whether such a rule may give any name (regexp naming, or a series query that is not one series). */
  final boolean[] unknownSeriesAnyName = new boolean[2];
  /** Explanations by metric name, described kind and namespace: the object's own name changes nothing. */
  final Map<String, Explanation> explained = new HashMap<>();

  LintAdapter(LintSubject subject, String prefix, String rulesPath, String externalRulesPath) {
    this.subject = subject;
    this.prefix = prefix;
    this.rulesPath = rulesPath;
    this.externalRulesPath = externalRulesPath;
  }

  /**
   * Whether a metric of this name may come from series lint does not know, so its absence proves nothing; of
   * external rules when {@code external}, of custom rules otherwise.
   */
  boolean mayServeUnknown(String name, boolean external) {
    int kind = external ? 1 : 0;
    return unknownSeriesAnyName[kind] || unknownSeriesNames.get(kind).contains(name);
  }

  int ruleCount() {
    return config.rules().size() + config.externalRules().size();
  }

  /**
   * The rule's path in the file: {@code rules.default[i]} names the chart's i-th default rule, which the values
   * switch on at {@code rules.default} (so findings about it are placed there).
   */
  String rulePath(int index) {
    int custom = config.rules().size();
    if (index < chartDefaultRules) {
      return YamlPaths.index("rules.default", index);
    }
    return index < custom ? YamlPaths.index(rulesPath, index - chartDefaultRules)
        : YamlPaths.index(externalRulesPath, index - custom);
  }

  DiscoveryRule rule(int index) {
    int custom = config.rules().size();
    return index < custom ? config.rules().get(index) : config.externalRules().get(index - custom);
  }

  boolean external(int index) {
    return index >= config.rules().size();
  }

  List<RegisteredMetric> all() {
    List<RegisteredMetric> out = new ArrayList<>();
    registered.forEach(out::addAll);
    return out;
  }
}
