package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;

import io.github.seldonhpa.promql.ResourceTable.GroupResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/** The work behind {@link AdapterConfig#explain}. */
final class Explainer {
  private static final String API = "/apis/custom.metrics.k8s.io/v1beta1";

  private final AdapterConfig config;
  private final ResourceTable table;
  private final List<Series> known;
  private final Map<String, List<Series>> selected = new HashMap<>();
  private final List<String> nearMisses = new ArrayList<>();

  Explainer(AdapterConfig config, ResourceTable table, List<Series> known) {
    this.config = config;
    this.table = table;
    this.known = known;
  }

  /** The series a {@code seriesQuery} returns from the known ones; none when it cannot be evaluated. */
  private List<Series> seriesFor(String seriesQuery) {
    return selected.computeIfAbsent(seriesQuery, q -> {
      SeriesSelector selector;
      try {
        selector = SeriesSelector.parse(q);
      } catch (HpaValidationException e) {
        nearMisses.add("a seriesQuery cannot be evaluated against the known series: " + e.getMessage());
        return List.of();
      }
      List<Series> out = new ArrayList<>();
      for (Series s : known) {
        if (selector.matches(s)) {
          out.add(s);
        }
      }
      return out;
    });
  }

  /** The registry the adapter builds from the known series; throws when the config does not load. */
  Registry registry(List<RuleNamer> rules, List<RuleNamer> external) {
    return Registry.discover(rules, external, this::seriesFor, true);
  }

  static List<RuleNamer> compile(List<DiscoveryRule> rules, ResourceTable table) {
    List<RuleNamer> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      out.add(RuleNamer.of(i, rules.get(i), table));
    }
    return out;
  }

  Explanation explain(ObjectMetric metric, String hpaNamespace) {
    ObjectReference object = metric.describedObject().orElseThrow(() -> new HpaValidationException(
        "metric.object.describedObject must be set to explain metric " + metric.metricName() + " (was absent)"));
    String apiVersion = object.apiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    ResourceTable.Entry entry = table.forKind(group, object.kind()).orElseThrow(() -> new HpaValidationException(
        "describedObject must be a known kind (core Kubernetes or mlops.seldon.io) (was " + object.kind() + " in "
            + apiVersion + ")"));
    List<Requirement> requirements = metric.selector().map(LabelSelectors::of).orElse(List.of());
    String selectorText = LabelSelectors.toString(requirements);
    String metricName = metric.metricName();

    // the HPA asks for a Namespace's metric root-scoped and by its own namespace; anything else namespaced
    boolean namespaceObject = entry.key().equals(GroupResourceKey.NAMESPACES);
    String objectName = namespaceObject ? hpaNamespace : object.name();
    String namespace = namespaceObject ? "" : hpaNamespace;
    String path = namespaceObject
        ? API + "/namespaces/" + hpaNamespace + "/metrics/" + metricName
        : API + "/namespaces/" + hpaNamespace + "/" + entry.key() + "/" + object.name() + "/" + metricName;
    if (!selectorText.isEmpty()) {
      path += "?metricLabelSelector=" + queryEscape(selectorText);
    }
    var out = Explanation.builder()
        .metricName(metricName)
        .resource(GroupResource.of(entry.group(), entry.plural()))
        .objectName(objectName)
        .namespace(namespace)
        .metricLabelSelector(selectorText)
        .apiPath(path)
        .kubectlCommand("kubectl get --raw \"" + path + "\"");

    List<String> loadErrors = config.loadErrors();
    if (!loadErrors.isEmpty()) {
      return out.served(false).addReasons("the adapter does not start with this config: " + loadErrors.get(0))
          .build();
    }
    List<RuleNamer> rules = compile(config.rules(), table);
    Registry registry = registry(rules, List.of());
    Registry.Entry served = registry.custom.get(new Registry.Key(entry.key(), !namespaceObject, metricName));
    List<String> reasons = new ArrayList<>();
    if (served == null) {
      reasons.add("no rule registers metric " + metricName + " for " + entry.key()
          + (namespaceObject ? " (root-scoped)" : " (namespaced)") + " from the known series");
      if (!namespaceObject && entry.key().rootScoped()) {
        reasons.add(entry.key() + " are root-scoped: the adapter registers their metrics without a namespace,"
            + " but the HPA requests an Object metric in its own namespace");
      }
      findNearMisses(rules, entry.key(), metricName);
      return out.served(false).addAllReasons(reasons).addAllNearMisses(nearMisses).build();
    }
    RuleNamer namer = served.namer();
    List<Series> backing = new ArrayList<>();
    for (Series s : seriesFor(namer.rule.seriesQuery())) {
      if (s.name().equals(served.seriesName()) && namer.keeps(s.name())) {
        backing.add(s);
      }
    }
    out.ruleIndex(namer.index).rule(namer.rule).seriesName(served.seriesName()).addAllSeries(backing);
    try {
      out.query(namer.query.build(served.seriesName(), entry.key(), namespace, List.of(), requirements,
          List.of(objectName)));
    } catch (HpaValidationException e) {
      reasons.add("the adapter fails to build the query: " + e.getMessage());
    }
    for (Requirement r : requirements) {
      boolean needsLabel = switch (r.op()) {
        case EQUALS, DOUBLE_EQUALS, IN -> !r.values().contains("");
        case EXISTS -> true;
        default -> false;
      };
      if (needsLabel && backing.stream().noneMatch(s -> s.labels().containsKey(r.key()))) {
        reasons.add("the selector requires label " + r.key() + " (" + r + "), which none of the known series "
            + served.seriesName() + " carry: the query returns no samples");
        nearMisses.add("rule " + namer.index + " serves " + metricName + " from series " + served.seriesName()
            + ", but the series lack selector label " + r.key());
      }
    }
    return out.served(reasons.isEmpty()).addAllReasons(reasons).addAllNearMisses(nearMisses).build();
  }

  private void findNearMisses(List<RuleNamer> rules, GroupResourceKey wanted, String metricName) {
    for (RuleNamer namer : rules) {
      List<String> seen = new ArrayList<>();
      for (Series s : seriesFor(namer.rule.seriesQuery())) {
        if (seen.contains(s.name())) {
          continue;
        }
        seen.add(s.name());
        String name;
        try {
          name = namer.metricName(s.name());
        } catch (HpaValidationException e) {
          name = null;
        }
        ResourceConverter.Association assoc = namer.converter.resourcesFor(s.labels().keySet());
        boolean hasResource = assoc.resources().contains(wanted);
        int dropping = namer.droppingFilter(s.name());
        String rule = "rule " + namer.index + " (seriesQuery " + GoQuote.quote(namer.rule.seriesQuery().strip()) + ")";
        if (metricName.equals(name) && dropping >= 0) {
          nearMisses.add(rule + " would name series " + s.name() + " " + metricName + ", but "
              + (dropping < namer.rule.seriesFilters().size() ? "seriesFilters[" + dropping + "]" : "name.matches")
              + " drops it");
        } else if (metricName.equals(name) && !hasResource) {
          List<String> resources = new ArrayList<>();
          assoc.resources().forEach(r -> resources.add(r.toString()));
          nearMisses.add(rule + " serves " + metricName + " from series " + s.name() + " for " + resources
              + " but not for " + wanted + ": no label of the series maps to " + wanted
              + " (the resource is missing from resources.overrides or the template)");
        } else if (name != null && !metricName.equals(name) && hasResource && dropping < 0) {
          nearMisses.add(rule + " serves series " + s.name() + " for " + wanted + " as " + name + ", not "
              + metricName + " (name.as " + GoQuote.quote(namer.nameAs) + ")");
        }
      }
    }
  }

  /** Go's {@code url.QueryEscape}, as client-go encodes {@code metricLabelSelector}. */
  static String queryEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

}
