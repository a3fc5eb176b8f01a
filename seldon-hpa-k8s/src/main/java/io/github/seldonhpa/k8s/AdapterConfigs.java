package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.GroupResource;
import io.github.seldonhpa.promql.NameMapping;
import io.github.seldonhpa.promql.PrometheusDuration;
import io.github.seldonhpa.promql.ResourceMapping;
import io.github.seldonhpa.promql.ResourceRule;
import io.github.seldonhpa.promql.ResourceRules;
import io.github.seldonhpa.promql.SeriesFilter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a read prometheus-adapter {@code config.yaml} tree into an {@link AdapterConfig}, as strictly as
 * the adapter loads it ({@code yaml.v2 UnmarshalStrict}: unknown keys are errors). Errors name the path.
 */
final class AdapterConfigs {
  private static final Set<String> TOP = Set.of("rules", "externalRules", "resourceRules");
  private static final List<String> CHART_RULES = List.of("default", "custom", "external", "resource", "existing");
  private static final String CONTAINER_SERIES =
      "{__name__=~\"^container_.*\",container!=\"POD\",namespace!=\"\",pod!=\"\"}";
  private static final String OTHER_SERIES = "{namespace!=\"\",__name__!~\"^container_.*\"}";

  private AdapterConfigs() {}

  /** Whether a tree has at least one of the adapter's top-level keys (a ConfigMap's config.yaml). */
  static boolean hasConfigKey(JsonNode tree) {
    if (!tree.isObject()) {
      return false;
    }
    for (String key : TOP) {
      if (tree.has(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a document without a kind is a bare adapter config: a mapping whose keys are all adapter keys,
   * its rule lists sequences. A file with a top-level {@code rules:} and other keys is something else.
   */
  static boolean isConfig(JsonNode tree) {
    if (!hasConfigKey(tree)) {
      return false;
    }
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      if (!TOP.contains(it.next())) {
        return false;
      }
    }
    return !tree.path("rules").isObject() && !tree.path("externalRules").isObject();
  }

  /**
   * Whether a document without a kind is the prometheus-adapter Helm chart's values: {@code rules} as a
   * mapping of the chart's keys, or its {@code metricsRelistInterval}, or {@code prometheus.url}.
   */
  static boolean isChartValues(JsonNode tree) {
    if (!tree.isObject()) {
      return false;
    }
    JsonNode rules = tree.path("rules");
    boolean chartRules = false;
    for (String key : CHART_RULES) {
      chartRules |= rules.isObject() && rules.has(key);
    }
    return chartRules || tree.has("metricsRelistInterval") || tree.path("prometheus").has("url");
  }

  /**
   * The six rules the chart writes at the head of {@code rules:} when {@code rules.default} holds, as the adapter
   * reads them after Helm renders templates/configmap.yaml (prometheus-community/helm-charts,
   * charts/prometheus-adapter, commit 05bf01b5028ee6dc636510132a7de9554b135b6e): the two-line plain
   * {@code metricsQuery} scalars fold into one line.
   */
  static final List<DiscoveryRule> CHART_DEFAULT_RULES = List.of(
      chartRule(CONTAINER_SERIES, "", "^container_(.*)_seconds_total$",
          "sum(rate(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}[5m])) by (<<.GroupBy>>)"),
      chartRule(CONTAINER_SERIES, "^container_.*_seconds_total$", "^container_(.*)_total$",
          "sum(rate(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}[5m])) by (<<.GroupBy>>)"),
      chartRule(CONTAINER_SERIES, "^container_.*_total$", "^container_(.*)$",
          "sum(<<.Series>>{<<.LabelMatchers>>,container!=\"POD\"}) by (<<.GroupBy>>)"),
      chartRule(OTHER_SERIES, ".*_total$", "",
          "sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)"),
      chartRule(OTHER_SERIES, ".*_seconds_total", "^(.*)_total$",
          "sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)"),
      chartRule(OTHER_SERIES, "", "^(.*)_seconds_total$",
          "sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)"));

  /** The container rules map the namespace and pod labels; the others name resources by their labels. */
  private static DiscoveryRule chartRule(String seriesQuery, String isNot, String matches, String metricsQuery) {
    DiscoveryRule.Builder rule = DiscoveryRule.builder().seriesQuery(seriesQuery).metricsQuery(metricsQuery)
        .name(NameMapping.of(matches, ""));
    if (!isNot.isEmpty()) {
      rule.addSeriesFilter(SeriesFilter.builder().isNot(isNot).build());
    }
    rule.resources(seriesQuery.equals(CONTAINER_SERIES)
        ? ResourceMapping.builder().putOverride("namespace", GroupResource.of("", "namespace"))
            .putOverride("pod", GroupResource.of("", "pod")).build()
        : ResourceMapping.builder().template("<<.Resource>>").build());
    return rule.build();
  }

  /**
   * Whether the chart writes its default rules: {@code {{ if .Values.rules.default }}} is Go template truth, and
   * the chart's values.yaml sets {@code default: true}, which a user's {@code null} deletes (Helm's merge).
   */
  static boolean chartDefaultRules(JsonNode rules) {
    JsonNode d = rules.get("default");
    if (d == null) {
      return true;
    }
    if (d.isNull()) {
      return false;
    }
    if (d.isBoolean()) {
      return d.booleanValue();
    }
    if (d.isNumber()) {
      return d.doubleValue() != 0;
    }
    if (d.isTextual()) {
      return !d.textValue().isEmpty();
    }
    return d.size() > 0;
  }

  /**
   * The config the chart renders from {@code rules.default}, {@code rules.custom}, {@code rules.external} and
   * {@code rules.resource}: the chart's default rules first when {@link #chartDefaultRules} holds.
   */
  static AdapterConfig fromChartValues(JsonNode rules) {
    AdapterConfig.Builder config = AdapterConfig.builder();
    if (chartDefaultRules(rules)) {
      config.addAllRules(CHART_DEFAULT_RULES);
    }
    config.addAllRules(rules(rules.get("custom"), "rules.custom"));
    config.addAllExternalRules(rules(rules.get("external"), "rules.external"));
    JsonNode resource = rules.get("resource");
    if (present(resource)) {
      config.resourceRules(resourceRules(resource, "rules.resource"));
    }
    return config.build();
  }

  static AdapterConfig parse(JsonNode tree, String prefix) {
    mapping(tree, prefix, TOP);
    AdapterConfig.Builder config = AdapterConfig.builder();
    config.addAllRules(rules(tree.get("rules"), YamlPaths.key(prefix, "rules")));
    config.addAllExternalRules(rules(tree.get("externalRules"), YamlPaths.key(prefix, "externalRules")));
    JsonNode resourceRules = tree.get("resourceRules");
    if (present(resourceRules)) {
      config.resourceRules(resourceRules(resourceRules, YamlPaths.key(prefix, "resourceRules")));
    }
    return config.build();
  }

  private static ResourceRules resourceRules(JsonNode node, String path) {
    mapping(node, path, Set.of("cpu", "memory", "window"));
    return ResourceRules.builder()
        .cpu(resourceRule(node.get("cpu"), YamlPaths.key(path, "cpu")))
        .memory(resourceRule(node.get("memory"), YamlPaths.key(path, "memory")))
        .window(PrometheusDuration.parse(YamlPaths.key(path, "window"),
            string(node.get("window"), YamlPaths.key(path, "window"))))
        .build();
  }

  private static List<DiscoveryRule> rules(JsonNode node, String path) {
    List<JsonNode> items = Fields.STRICT.sequence(node, path);
    List<DiscoveryRule> out = new java.util.ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(rule(items.get(i), YamlPaths.index(path, i)));
    }
    return out;
  }

  private static DiscoveryRule rule(JsonNode node, String path) {
    mapping(node, path, Set.of("seriesQuery", "seriesFilters", "resources", "name", "metricsQuery"));
    DiscoveryRule.Builder rule = DiscoveryRule.builder()
        .seriesQuery(optionalString(node.get("seriesQuery"), YamlPaths.key(path, "seriesQuery")))
        .metricsQuery(optionalString(node.get("metricsQuery"), YamlPaths.key(path, "metricsQuery")));
    String filtersPath = YamlPaths.key(path, "seriesFilters");
    List<JsonNode> filters = Fields.STRICT.sequence(node.get("seriesFilters"), filtersPath);
    for (int i = 0; i < filters.size(); i++) {
      String fp = YamlPaths.index(filtersPath, i);
      JsonNode f = filters.get(i);
      mapping(f, fp, Set.of("is", "isNot"));
      // both or neither is the adapter's load error, reported by AdapterConfig.loadErrors()
      SeriesFilter.Builder filter = SeriesFilter.builder();
      if (present(f.get("is"))) {
        filter.is(string(f.get("is"), YamlPaths.key(fp, "is")));
      }
      if (present(f.get("isNot"))) {
        filter.isNot(string(f.get("isNot"), YamlPaths.key(fp, "isNot")));
      }
      rule.addSeriesFilter(filter.build());
    }
    if (present(node.get("resources"))) {
      rule.resources(resources(node.get("resources"), YamlPaths.key(path, "resources")));
    }
    JsonNode name = node.get("name");
    if (present(name)) {
      String namePath = YamlPaths.key(path, "name");
      mapping(name, namePath, Set.of("matches", "as"));
      rule.name(NameMapping.of(optionalString(name.get("matches"), YamlPaths.key(namePath, "matches")),
          optionalString(name.get("as"), YamlPaths.key(namePath, "as"))));
    }
    return rule.build();
  }

  private static ResourceMapping resources(JsonNode node, String path) {
    mapping(node, path, Set.of("overrides", "template", "namespaced"));
    ResourceMapping.Builder mapping = ResourceMapping.builder();
    JsonNode overrides = node.get("overrides");
    if (present(overrides)) {
      String op = YamlPaths.key(path, "overrides");
      mapping(overrides, op, null);
      for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String gp = YamlPaths.key(op, e.getKey());
        mapping(e.getValue(), gp, Set.of("group", "resource"));
        mapping.putOverride(e.getKey(), GroupResource.of(
            optionalString(e.getValue().get("group"), YamlPaths.key(gp, "group")),
            optionalString(e.getValue().get("resource"), YamlPaths.key(gp, "resource"))));
      }
    }
    if (present(node.get("template"))) {
      mapping.template(string(node.get("template"), YamlPaths.key(path, "template")));
    }
    JsonNode namespaced = node.get("namespaced");
    if (present(namespaced)) {
      if (!namespaced.isBoolean()) {
        throw new HpaValidationException(YamlPaths.key(path, "namespaced") + " must be true or false (was "
            + ManifestReader.describe(namespaced) + ")");
      }
      mapping.namespaced(namespaced.booleanValue());
    }
    return mapping.build();
  }

  private static ResourceRule resourceRule(JsonNode node, String path) {
    if (!present(node)) {
      throw new HpaValidationException(path + " must be set (was unset)");
    }
    mapping(node, path, Set.of("containerQuery", "nodeQuery", "resources", "containerLabel"));
    ResourceRule.Builder rule = ResourceRule.builder()
        .containerQuery(optionalString(node.get("containerQuery"), YamlPaths.key(path, "containerQuery")))
        .nodeQuery(optionalString(node.get("nodeQuery"), YamlPaths.key(path, "nodeQuery")))
        .containerLabel(optionalString(node.get("containerLabel"), YamlPaths.key(path, "containerLabel")));
    if (present(node.get("resources"))) {
      rule.resources(resources(node.get("resources"), YamlPaths.key(path, "resources")));
    }
    return rule.build();
  }

  private static boolean present(JsonNode node) {
    return Fields.present(node);
  }

  private static void mapping(JsonNode node, String path, Set<String> keys) {
    if (!node.isObject()) {
      throw new HpaValidationException((path.isEmpty() ? "config" : path) + " must be a mapping (was "
          + ManifestReader.describe(node) + ")");
    }
    if (keys == null) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keys.contains(key)) {
        throw new HpaValidationException(YamlPaths.key(path, key) + " is not a field the adapter knows (was "
            + ManifestReader.describe(node.get(key)) + ")");
      }
    }
  }

  private static String optionalString(JsonNode node, String path) {
    return present(node) ? string(node, path) : "";
  }

  /** yaml.v2 turns any scalar into a string field; only mappings and sequences are errors. */
  private static String string(JsonNode node, String path) {
    if (node == null || node.isContainerNode() || node.isNull()) {
      throw new HpaValidationException(path + " must be a string (was "
          + (node == null ? "unset" : ManifestReader.describe(node)) + ")");
    }
    return node.asText();
  }
}
