package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AdapterConfig} compiled once, as prometheus-adapter does at start-up: each rule's namer
 * ({@code naming.NamersFromConfig}) and the resource-metrics queriers ({@code resourceprovider.newResourceQuery}),
 * with the errors that stop the adapter, one per rule at fault.
 */
final class CompiledConfig {
  /** {@code resourceprovider.resourceQuery}: one of {@code resourceRules.cpu} or {@code memory}. */
  record ResourceQuery(ResourceConverter converter, MetricsQuery containerQuery, MetricsQuery nodeQuery,
      String containerLabel) {}

  final List<RuleNamer> rules = new ArrayList<>();
  final List<RuleNamer> externalRules = new ArrayList<>();
  final List<String> errors = new ArrayList<>();
  /** Null when the config has no {@code resourceRules} or they do not load. */
  ResourceQuery cpu;
  ResourceQuery memory;

  static CompiledConfig of(AdapterConfig config) {
    CompiledConfig out = new CompiledConfig();
    ResourceTable table = config.resourceTable();
    out.compile("rules", config.rules(), table, out.rules);
    out.compile("externalRules", config.externalRules(), table, out.externalRules);
    config.resourceRules().ifPresent(r -> {
      out.cpu = out.resourceQuery("resourceRules.cpu", "CPU", r.cpu(), table);
      out.memory = out.resourceQuery("resourceRules.memory", "memory", r.memory(), table);
    });
    return out;
  }

  private void compile(String field, List<DiscoveryRule> discoveryRules, ResourceTable table, List<RuleNamer> out) {
    for (int i = 0; i < discoveryRules.size(); i++) {
      try {
        out.add(RuleNamer.of(i, discoveryRules.get(i), table));
      } catch (HpaValidationException e) {
        errors.add(field + "[" + i + "]: " + e.getMessage());
      }
    }
  }

  private ResourceQuery resourceQuery(String field, String what, ResourceRule rule, ResourceTable table) {
    String prefix = field + ": unable to construct querier for " + what + " metrics: ";
    ResourceConverter converter;
    try {
      converter = ResourceConverter.of(rule.resources(), table);
    } catch (HpaValidationException e) {
      errors.add(prefix + "unable to construct label-resource converter: " + e.getMessage());
      return null;
    }
    MetricsQuery[] queries = new MetricsQuery[2];
    String[][] texts = {{"container", rule.containerQuery()}, {"node", rule.nodeQuery()}};
    for (int i = 0; i < 2; i++) {
      try {
        queries[i] = MetricsQuery.of(texts[i][1], converter, table, true);
      } catch (HpaValidationException e) {
        errors.add(prefix + "unable to construct " + texts[i][0] + " metrics query: " + e.getMessage());
        return null;
      }
    }
    return new ResourceQuery(converter, queries[0], queries[1], rule.containerLabel());
  }
}
