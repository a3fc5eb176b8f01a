package io.github.seldonhpa.promql;

import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.internal.go.GoQuote;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.ResourceMetric;
import io.github.seldonhpa.promql.CompiledConfig.ResourceQuery;
import io.github.seldonhpa.promql.ResourceTable.GroupResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The work behind {@link AdapterConfig#explain} for each kind of HPA metric. */
final class Explainer {
  private static final String API = "/apis/custom.metrics.k8s.io/v1beta1";
  private static final String EXTERNAL_API = "/apis/external.metrics.k8s.io/v1beta1";
  private static final String RESOURCE_API = "/apis/metrics.k8s.io/v1beta1";

  private final CompiledConfig compiled;
  private final ResourceTable table;
  private final List<Series> known;
  private final Map<String, List<Series>> selected = new HashMap<>();
  private final List<String> nearMisses = new ArrayList<>();

  Explainer(AdapterConfig config, List<Series> known) {
    this.compiled = config.compiled();
    this.table = config.resourceTable();
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

  /** The registry the adapter builds from the known series, custom and external. */
  Registry registry() {
    return Registry.discover(compiled.rules, compiled.externalRules, this::seriesFor, true);
  }

  /** Each rule's registrations on its own: custom rules, then external ones. */
  List<List<RegisteredMetric>> registriesByRule() {
    List<List<RegisteredMetric>> out = new ArrayList<>();
    for (RuleNamer rule : compiled.rules) {
      out.add(Registry.discover(List.of(rule), List.of(), this::seriesFor, true).metrics());
    }
    for (RuleNamer rule : compiled.externalRules) {
      out.add(Registry.discover(List.of(), List.of(rule), this::seriesFor, true).metrics());
    }
    return out;
  }

  /** The request's part common to every kind: path, command and the not-loading case. */
  private static ImmutableExplanation.Builder request(Metric.Type type, String metricName, String path) {
    return Explanation.builder().metricType(type).metricName(metricName).apiPath(path)
        .kubectlCommand("kubectl get --raw " + ShellWords.quote(path));
  }

  /** The first load error as the reason nothing is served, or null when the config loads. */
  private Explanation notLoading(ImmutableExplanation.Builder out) {
    if (compiled.errors.isEmpty()) {
      return null;
    }
    return out.served(false).addReasons("the adapter does not start with this config: " + compiled.errors.get(0))
        .build();
  }

  /** {@code ?a=x&b=y} for the non-empty parameters, keys in order (client-go's sorted {@code url.Values}). */
  private static String query(String... keyValues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (!keyValues[i + 1].isEmpty()) {
        out.append(out.length() == 0 ? '?' : '&').append(keyValues[i]).append('=')
            .append(queryEscape(keyValues[i + 1]));
      }
    }
    return out.toString();
  }

  Explanation explain(ObjectMetric metric, String hpaNamespace) {
    ObjectReference object = metric.describedObject().orElseThrow(() -> new HpaValidationException(
        "metric.object.describedObject must be set to explain metric " + metric.metricName() + " (was absent)"));
    String apiVersion = object.apiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    ResourceTable.Entry entry = table.forKind(group, object.kind()).orElseThrow(() -> new HpaValidationException(
        "describedObject must be a kind the resource table knows (was " + object.kind() + " in "
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
    path += query("metricLabelSelector", selectorText);
    var out = request(Metric.Type.OBJECT, metricName, path)
        .resource(GroupResource.of(entry.group(), entry.plural()))
        .objectName(objectName)
        .addObjectNames(objectName)
        .namespace(namespace)
        .metricLabelSelector(selectorText);
    Explanation failed = notLoading(out);
    if (failed != null) {
      return failed;
    }
    return custom(out, entry.key(), !namespaceObject, metricName, namespace, requirements, List.of(objectName));
  }

  /** A Pods metric: the objects are the pods the scale target's selector lists. */
  Explanation explain(PodsMetric metric, String hpaNamespace, LabelSelector podSelector, List<String> podNames) {
    List<Requirement> requirements = metric.selector().map(LabelSelectors::of).orElse(List.of());
    String selectorText = LabelSelectors.toString(requirements);
    String podSelectorText = LabelSelectors.toString(LabelSelectors.of(podSelector));
    String metricName = metric.metricName();
    String path = API + "/namespaces/" + hpaNamespace + "/pods/*/" + metricName
        + query("labelSelector", podSelectorText, "metricLabelSelector", selectorText);
    var out = request(Metric.Type.PODS, metricName, path)
        .resource(GroupResource.core("pods"))
        .objectName("*")
        .addAllObjectNames(podNames)
        .labelSelector(podSelectorText)
        .namespace(hpaNamespace)
        .metricLabelSelector(selectorText);
    Explanation failed = notLoading(out);
    if (failed != null) {
      return failed;
    }
    if (podNames.isEmpty()) {
      // QueryForMetric refuses an empty list of names: the request is NotFound
      return out.served(false).addReasons("no pods match labelSelector " + podSelectorText
          + ": the adapter answers NotFound").build();
    }
    return custom(out, GroupResourceKey.PODS, true, metricName, hpaNamespace, requirements, podNames);
  }

  /** An External metric: the external rule registering its name, queried with the metric selector. */
  Explanation explain(ExternalMetric metric, String hpaNamespace) {
    List<Requirement> requirements = metric.selector().map(LabelSelectors::of).orElse(List.of());
    String selectorText = LabelSelectors.toString(requirements);
    String metricName = metric.metricName();
    String path = EXTERNAL_API + "/namespaces/" + hpaNamespace + "/" + metricName
        + query("labelSelector", selectorText);
    var out = request(Metric.Type.EXTERNAL, metricName, path)
        .resource(GroupResource.core(""))
        .objectName("")
        .namespace(hpaNamespace)
        .metricLabelSelector(selectorText);
    Explanation failed = notLoading(out);
    if (failed != null) {
      return failed;
    }
    Registry.Entry served = registry().external.get(metricName);
    if (served == null) {
      return out.served(false).addReasons("no external rule registers metric " + metricName + " from the known series")
          .build();
    }
    RuleNamer namer = served.namer();
    out.ruleIndex(namer.index).rule(namer.rule).seriesName(served.seriesName()).addAllSeries(backing(served));
    try {
      out.query(namer.query.buildExternal(served.seriesName(), hpaNamespace, "", List.of(), requirements));
    } catch (HpaValidationException e) {
      return out.served(false).addReasons("the adapter fails to build the query: " + e.getMessage()).build();
    }
    return out.served(true).build();
  }

  /** A Resource metric: {@code resourceRules}' container query over the selected pods. */
  Explanation explain(ResourceMetric metric, String hpaNamespace, LabelSelector podSelector, List<String> podNames) {
    String podSelectorText = LabelSelectors.toString(LabelSelectors.of(podSelector));
    String path = RESOURCE_API + "/namespaces/" + hpaNamespace + "/pods" + query("labelSelector", podSelectorText);
    var out = request(Metric.Type.RESOURCE, metric.resource(), path)
        .resource(GroupResource.core("pods"))
        .objectName("")
        .addAllObjectNames(podNames)
        .labelSelector(podSelectorText)
        .namespace(hpaNamespace)
        .metricLabelSelector("");
    return resourceQuery(out, metric.resource(), false, hpaNamespace, podNames);
  }

  /** {@code resourceRules}' node query, as {@code kubectl top nodes} runs it. */
  Explanation explainNodes(String resource, List<String> nodeNames) {
    var out = request(Metric.Type.RESOURCE, resource, RESOURCE_API + "/nodes")
        .resource(GroupResource.core("nodes"))
        .objectName("")
        .addAllObjectNames(nodeNames)
        .namespace("")
        .metricLabelSelector("");
    return resourceQuery(out, resource, true, "", nodeNames);
  }

  private Explanation resourceQuery(ImmutableExplanation.Builder out, String resource, boolean nodes,
      String namespace, List<String> names) {
    if (!resource.equals("cpu") && !resource.equals("memory")) {
      throw new HpaValidationException("resource must be cpu or memory (was " + resource + ")");
    }
    Explanation failed = notLoading(out);
    if (failed != null) {
      return failed;
    }
    ResourceQuery rq = resource.equals("cpu") ? compiled.cpu : compiled.memory;
    if (rq == null) {
      return out.served(false).addReasons("the config has no resourceRules: the adapter does not serve"
          + " metrics.k8s.io").build();
    }
    if (names.isEmpty()) {
      return out.served(false).addReasons("no " + (nodes ? "nodes" : "pods") + " to query: the adapter returns no"
          + " metrics").build();
    }
    try {
      out.query(nodes
          ? rq.nodeQuery().build("", GroupResourceKey.NODES, "", List.of(), List.of(), names)
          : rq.containerQuery().build("", GroupResourceKey.PODS, namespace, List.of(rq.containerLabel()), List.of(),
              names));
    } catch (HpaValidationException e) {
      return out.served(false).addReasons("the adapter fails to build the query: " + e.getMessage()).build();
    }
    return out.served(true).build();
  }

  /** The known series behind a registered metric: same name, selected and kept by its rule. */
  private List<Series> backing(Registry.Entry served) {
    List<Series> backing = new ArrayList<>();
    for (Series s : seriesFor(served.namer().rule.seriesQuery())) {
      if (s.name().equals(served.seriesName()) && served.namer().keeps(s.name())) {
        backing.add(s);
      }
    }
    return backing;
  }

  /** A custom metric of {@code names} of {@code resource}: registered, queried, selector labels present. */
  private Explanation custom(ImmutableExplanation.Builder out, GroupResourceKey resource, boolean namespaced,
      String metricName, String namespace, List<Requirement> requirements, List<String> names) {
    Registry.Entry served = registry().custom.get(new Registry.Key(resource, namespaced, metricName));
    List<String> reasons = new ArrayList<>();
    if (served == null) {
      reasons.add("no rule registers metric " + metricName + " for " + resource
          + (namespaced ? " (namespaced)" : " (root-scoped)") + " from the known series");
      if (namespaced && resource.rootScoped()) {
        reasons.add(resource + " are root-scoped: the adapter registers their metrics without a namespace,"
            + " but the HPA requests an Object metric in its own namespace");
      }
      findNearMisses(compiled.rules, resource, metricName);
      return out.served(false).addAllReasons(reasons).addAllNearMisses(nearMisses).build();
    }
    RuleNamer namer = served.namer();
    List<Series> backing = backing(served);
    out.ruleIndex(namer.index).rule(namer.rule).seriesName(served.seriesName()).addAllSeries(backing);
    try {
      out.query(namer.query.build(served.seriesName(), resource, namespace, List.of(), requirements, names));
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
