package io.github.seldonhpa.k8s;

import io.github.seldonhpa.Behavior;
import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ResourceMetric;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.Server;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.GroupResource;
import io.github.seldonhpa.promql.PrometheusDuration;
import io.github.seldonhpa.promql.ResourceMapping;
import io.github.seldonhpa.promql.ResourceRule;
import io.github.seldonhpa.promql.SeriesFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one mapping from value types to manifest trees (ordered maps, lists, scalars and {@link
 * Quantity}), in the key order of the Seldon docs. Both the YAML text and the fabric8
 * objects are made from these trees, so the two cannot disagree.
 */
final class ManifestTrees {
  static final String SELDON_API_VERSION = ObjectReference.SELDON_API_VERSION;
  private static final int MAX_EXTRA_DEPTH = 100;

  private ManifestTrees() {}

  static Map<String, Object> hpa(Hpa hpa) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("scaleTargetRef", reference(hpa.scaleTargetRef()));
    hpa.minReplicas().ifPresent(min -> spec.put("minReplicas", min));
    spec.put("maxReplicas", hpa.maxReplicas());
    if (!hpa.metrics().isEmpty()) {
      List<Object> metrics = new ArrayList<>(hpa.metrics().size());
      for (Metric m : hpa.metrics()) {
        metrics.add(metric(m));
      }
      spec.put("metrics", metrics);
    }
    hpa.behavior().ifPresent(b -> spec.put("behavior", behavior(b)));
    return object("autoscaling/v2", "HorizontalPodAutoscaler",
        metadata(hpa.name(), Optional.of(hpa.namespace()), hpa.labels(), hpa.annotations()), spec);
  }

  static Map<String, Object> model(Model model) {
    // the Seldon docs write a Model's spec in alphabetical order, as kubectl prints it
    Map<String, Object> spec = new TreeMap<>(checkedExtraSpec(model.extraSpec()));
    model.memory().ifPresent(m -> spec.put("memory", m));
    model.maxReplicas().ifPresent(v -> spec.put("maxReplicas", v));
    model.minReplicas().ifPresent(v -> spec.put("minReplicas", v));
    model.replicas().ifPresent(v -> spec.put("replicas", v));
    if (!model.requirements().isEmpty()) {
      spec.put("requirements", model.requirements());
    }
    model.server().ifPresent(s -> spec.put("server", s));
    spec.put("storageUri", model.storageUri());
    return object(SELDON_API_VERSION, "Model", metadata(model.name(), model.namespace(), model.labels(), model.annotations()), spec);
  }

  static Map<String, Object> server(Server server) {
    Map<String, Object> spec = new TreeMap<>(checkedExtraSpec(server.extraSpec()));
    server.maxReplicas().ifPresent(v -> spec.put("maxReplicas", v));
    server.minReplicas().ifPresent(v -> spec.put("minReplicas", v));
    server.replicas().ifPresent(v -> spec.put("replicas", v));
    spec.put("serverConfig", server.serverConfig());
    return object(SELDON_API_VERSION, "Server", metadata(server.name(), server.namespace(), server.labels(), server.annotations()),
        spec);
  }

  /**
   * Checks that {@code extraSpec} holds only what a manifest can: maps with string keys, lists, strings,
   * booleans, null and finite numbers of any type, at most {@value #MAX_EXTRA_DEPTH} levels deep (which also
   * stops a map that contains itself).
   *
   * @throws HpaValidationException naming the path, e.g. {@code extraSpec.podSpec.x}
   */
  static Map<String, Object> checkedExtraSpec(Map<String, Object> extraSpec) {
    for (Map.Entry<String, Object> e : extraSpec.entrySet()) {
      checkValue(YamlPaths.key("extraSpec", e.getKey()), e.getValue(), 1);
    }
    return extraSpec;
  }

  private static void checkValue(String path, Object value, int depth) {
    if (depth > MAX_EXTRA_DEPTH) {
      throw new HpaValidationException(path + " must be nested at most " + MAX_EXTRA_DEPTH + " levels deep (was"
          + " deeper)");
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new HpaValidationException(path + " keys must be strings (was "
              + (e.getKey() == null ? "null" : "a " + e.getKey().getClass().getName()) + ")");
        }
        checkValue(YamlPaths.key(path, (String) e.getKey()), e.getValue(), depth + 1);
      }
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        checkValue(YamlPaths.index(path, i), list.get(i), depth + 1);
      }
    } else if (value instanceof Number && !(value instanceof Quantity)) {
      if (YamlScalars.number((Number) value) == null) {
        throw new HpaValidationException(path + " must be a finite number within a double's range (was "
            + value + ")");
      }
    } else if (value != null && !(value instanceof String) && !(value instanceof Boolean)
        && !(value instanceof Quantity)) {
      throw new HpaValidationException(path + " must be a string, number, boolean, null, list or map (was a "
          + value.getClass().getName() + ")");
    }
  }

  static Map<String, Object> configMap(String name, String namespace, Map<String, String> data) {
    Map<String, Object> cm = new LinkedHashMap<>();
    cm.put("apiVersion", "v1");
    cm.put("kind", "ConfigMap");
    cm.put("metadata", metadata(name, Optional.of(namespace), Map.of(), Map.of()));
    cm.put("data", new LinkedHashMap<>(data));
    return cm;
  }

  /** The adapter's {@code config.yaml}: {@code rules}, {@code externalRules}, {@code resourceRules}. */
  static Map<String, Object> adapterConfig(AdapterConfig config) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!config.rules().isEmpty()) {
      m.put("rules", rules(config.rules()));
    }
    if (!config.externalRules().isEmpty()) {
      m.put("externalRules", rules(config.externalRules()));
    }
    config.resourceRules().ifPresent(r -> {
      Map<String, Object> rr = new LinkedHashMap<>();
      rr.put("cpu", resourceRule(r.cpu()));
      rr.put("memory", resourceRule(r.memory()));
      rr.put("window", PrometheusDuration.format(r.window()));
      m.put("resourceRules", rr);
    });
    return m;
  }

  private static List<Object> rules(List<DiscoveryRule> rules) {
    List<Object> list = new ArrayList<>(rules.size());
    for (DiscoveryRule rule : rules) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seriesQuery", rule.seriesQuery());
      if (!rule.seriesFilters().isEmpty()) {
        List<Object> filters = new ArrayList<>();
        for (SeriesFilter f : rule.seriesFilters()) {
          Map<String, Object> fm = new LinkedHashMap<>();
          f.is().ifPresent(is -> fm.put("is", is));
          f.isNot().ifPresent(isNot -> fm.put("isNot", isNot));
          filters.add(fm);
        }
        m.put("seriesFilters", filters);
      }
      Map<String, Object> resources = resourceMapping(rule.resources());
      if (!resources.isEmpty()) {
        m.put("resources", resources);
      }
      rule.name().ifPresent(n -> {
        Map<String, Object> nm = new LinkedHashMap<>();
        if (!n.matches().isEmpty()) {
          nm.put("matches", n.matches());
        }
        if (!n.as().isEmpty()) {
          nm.put("as", n.as());
        }
        m.put("name", nm);
      });
      if (!rule.metricsQuery().isEmpty()) {
        m.put("metricsQuery", rule.metricsQuery());
      }
      list.add(m);
    }
    return list;
  }

  private static Map<String, Object> resourceMapping(ResourceMapping mapping) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!mapping.overrides().isEmpty()) {
      Map<String, Object> overrides = new LinkedHashMap<>();
      for (Map.Entry<String, GroupResource> e : mapping.overrides().entrySet()) {
        Map<String, Object> gr = new LinkedHashMap<>();
        if (!e.getValue().group().isEmpty()) {
          gr.put("group", e.getValue().group());
        }
        gr.put("resource", e.getValue().resource());
        overrides.put(e.getKey(), gr);
      }
      m.put("overrides", overrides);
    }
    mapping.template().ifPresent(t -> m.put("template", t));
    mapping.namespaced().ifPresent(n -> m.put("namespaced", n));
    return m;
  }

  private static Map<String, Object> resourceRule(ResourceRule rule) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("containerQuery", rule.containerQuery());
    m.put("nodeQuery", rule.nodeQuery());
    Map<String, Object> resources = resourceMapping(rule.resources());
    if (!resources.isEmpty()) {
      m.put("resources", resources);
    }
    m.put("containerLabel", rule.containerLabel());
    return m;
  }

  static Map<String, Object> object(String apiVersion, String kind, Map<String, Object> metadata,
      Map<String, Object> spec) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.put("metadata", metadata);
    o.put("spec", spec);
    return o;
  }

  static Map<String, Object> metadata(String name, Optional<String> namespace, Map<String, String> labels,
      Map<String, String> annotations) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    namespace.ifPresent(ns -> m.put("namespace", ns));
    if (!labels.isEmpty()) {
      m.put("labels", new LinkedHashMap<>(labels));
    }
    if (!annotations.isEmpty()) {
      m.put("annotations", new LinkedHashMap<>(annotations));
    }
    return m;
  }

  static Map<String, Object> reference(ObjectReference ref) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiVersion", ref.apiVersion());
    m.put("kind", ref.kind());
    m.put("name", ref.name());
    return m;
  }

  private static Map<String, Object> metric(Metric metric) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", metric.type().yamlName());
    Map<String, Object> source = new LinkedHashMap<>();
    if (metric instanceof ObjectMetric) {
      ObjectMetric o = (ObjectMetric) metric;
      source.put("metric", metricIdentifier(o.metricName(), o.selector()));
      o.describedObject().ifPresent(d -> source.put("describedObject", reference(d)));
      m.put("object", source);
    } else if (metric instanceof PodsMetric) {
      PodsMetric p = (PodsMetric) metric;
      source.put("metric", metricIdentifier(p.metricName(), p.selector()));
      m.put("pods", source);
    } else if (metric instanceof ExternalMetric) {
      ExternalMetric e = (ExternalMetric) metric;
      source.put("metric", metricIdentifier(e.metricName(), e.selector()));
      m.put("external", source);
    } else {
      source.put("name", ((ResourceMetric) metric).resource());
      m.put("resource", source);
    }
    source.put("target", target(metric.target()));
    return m;
  }

  private static Map<String, Object> metricIdentifier(String name, Optional<LabelSelector> selector) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    selector.ifPresent(s -> m.put("selector", selector(s)));
    return m;
  }

  private static Map<String, Object> selector(LabelSelector selector) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!selector.matchLabels().isEmpty()) {
      m.put("matchLabels", new LinkedHashMap<>(selector.matchLabels()));
    }
    if (!selector.matchExpressions().isEmpty()) {
      List<Object> expressions = new ArrayList<>();
      for (LabelSelectorRequirement r : selector.matchExpressions()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", r.key());
        e.put("operator", r.operator().yamlName());
        if (!r.values().isEmpty()) {
          e.put("values", r.values());
        }
        expressions.add(e);
      }
      m.put("matchExpressions", expressions);
    }
    return m;
  }

  private static Map<String, Object> target(MetricTarget target) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", target.type().yamlName());
    target.value().ifPresent(v -> m.put("value", v));
    target.averageValue().ifPresent(v -> m.put("averageValue", v));
    target.averageUtilization().ifPresent(v -> m.put("averageUtilization", v));
    return m;
  }

  static Map<String, Object> behavior(Behavior behavior) {
    Map<String, Object> m = new LinkedHashMap<>();
    behavior.scaleUp().ifPresent(r -> m.put("scaleUp", rules(r)));
    behavior.scaleDown().ifPresent(r -> m.put("scaleDown", rules(r)));
    return m;
  }

  private static Map<String, Object> rules(ScalingRules rules) {
    Map<String, Object> m = new LinkedHashMap<>();
    rules.stabilizationWindowSeconds().ifPresent(w -> m.put("stabilizationWindowSeconds", w));
    rules.selectPolicy().ifPresent(p -> m.put("selectPolicy", p.yamlName()));
    if (!rules.policies().isEmpty()) {
      List<Object> policies = new ArrayList<>();
      for (ScalingPolicy p : rules.policies()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("type", p.type().yamlName());
        pm.put("value", p.value());
        pm.put("periodSeconds", p.periodSeconds());
        policies.add(pm);
      }
      m.put("policies", policies);
    }
    rules.tolerance().ifPresent(t -> m.put("tolerance", t));
    return m;
  }
}
