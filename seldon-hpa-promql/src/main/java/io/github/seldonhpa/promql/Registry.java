package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.ResourceTable.GroupResourceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * prometheus-adapter's series registries after one relist ({@code cachingMetricsLister.updateMetrics} with
 * {@code SetSeries}, and the external lister): filtering, naming and resource association per rule, a
 * later rule or series replacing an earlier one with the same key.
 */
final class Registry {
  /** {@code provider.CustomMetricInfo}. */
  record Key(GroupResourceKey resource, boolean namespaced, String metric) {}

  /** {@code seriesInfo}: the series queried and the rule that named it. */
  record Entry(String seriesName, RuleNamer namer) {}

  final Map<Key, Entry> custom = new LinkedHashMap<>();
  final Map<String, Entry> external = new LinkedHashMap<>();

  /**
   * Discovers from the series each rule's {@code seriesQuery} returns.
   *
   * @param applyFilters false to skip {@code FilterSeries}, as upstream's {@code SetSeries} tests do
   */
  static Registry discover(List<RuleNamer> rules, List<RuleNamer> externalRules,
      Function<String, List<Series>> seriesFor, boolean applyFilters) {
    Registry registry = new Registry();
    for (RuleNamer namer : rules) {
      for (Series s : seriesFor.apply(namer.rule.seriesQuery())) {
        if (applyFilters && !namer.keeps(s.name())) {
          continue;
        }
        ResourceConverter.Association assoc = namer.converter.resourcesFor(s.labels().keySet());
        String name;
        try {
          name = namer.metricName(s.name());
        } catch (HpaValidationException e) {
          continue; // the adapter logs and skips series it cannot name
        }
        for (GroupResourceKey resource : assoc.resources()) {
          boolean namespaced = assoc.namespaced() && !resource.rootScoped();
          Key key = new Key(resource, namespaced, name);
          registry.custom.remove(key);
          registry.custom.put(key, new Entry(s.name(), namer));
        }
      }
    }
    for (RuleNamer namer : externalRules) {
      for (Series s : seriesFor.apply(namer.rule.seriesQuery())) {
        if (applyFilters && !namer.keeps(s.name())) {
          continue;
        }
        try {
          String name = namer.metricName(s.name());
          registry.external.remove(name);
          registry.external.put(name, new Entry(s.name(), namer));
        } catch (HpaValidationException e) {
          // skipped, as upstream does
        }
      }
    }
    return registry;
  }

  /** The registered metrics, custom first. */
  List<RegisteredMetric> metrics() {
    List<RegisteredMetric> out = new ArrayList<>();
    custom.forEach((k, e) -> out.add(RegisteredMetric.custom(
        GroupResource.of(k.resource().group(), k.resource().resource()), k.namespaced(), k.metric(),
        e.seriesName(), e.namer().index)));
    external.forEach((name, e) -> out.add(RegisteredMetric.external(name, e.seriesName(), e.namer().index)));
    return out;
  }
}
