package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.internal.HpaRule;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.RegisteredMetric;
import io.github.seldonhpa.promql.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Each HPA on its own: its version, everything the API server rejects (any HPA), then for HPAs on Seldon
 * objects or metrics the target, the metrics (kind, target type, served by the adapter, selector labels)
 * and the scale-up speed against the server start-up time.
 */
final class HpaChecks implements LintFamily {
  private static final Set<String> NOT_SCALABLE = Set.of("Pipeline", "Experiment", "SeldonRuntime",
      "SeldonConfig", "ServerConfig");
  /** The gates lint validates with: tolerance checked as the newer API servers do, scale to zero off. */
  private static final Set<String> GATES = Set.of(ApiServerValidation.HPA_CONFIGURABLE_TOLERANCE);

  @Override
  public void check(LintIndex index) {
    for (LintHpa h : index.hpas) {
      checkVersion(h);
      checkApiServer(h);
      if (h.seldon) {
        checkTarget(h);
        List<JsonNode> metrics = h.subject.sequence(h.spec.get("metrics"), "spec.metrics");
        for (int i = 0; i < metrics.size(); i++) {
          checkMetric(index, h, metrics.get(i), YamlPaths.index("spec.metrics", i));
        }
        checkScaleUpSpeed(index, h);
      }
    }
  }

  private static void checkVersion(LintHpa h) {
    if (h.apiVersion.equals(HpaVersions.V2)) {
      return;
    }
    String why = h.apiVersion.equals(HpaVersions.V1) ? "autoscaling/v1 holds only a CPU utilization target (no"
        + " Object, Pods or External metrics, no behavior); lint reads it as the API server converts it to v2"
        : "autoscaling/v2beta2 is no longer served from Kubernetes 1.26; lint reads it as v2";
    h.subject.report(LintCode.HPA_API_VERSION, "apiVersion", "apiVersion should be autoscaling/v2: " + why
        + " (was " + h.apiVersion + ")", "write the HPA as apiVersion: autoscaling/v2 (kubectl convert, or rewrite"
        + " the metrics as a v2 metrics list)");
  }

  /** Every violation of the API server's validation, with the code of its kind. */
  private static void checkApiServer(LintHpa h) {
    for (ApiServerValidation.Violation v : ApiServerValidation.validate(h.subject.node(), h.spec, GATES)) {
      HpaRule rule = v.rule();
      if (rule == HpaRule.TYPE) {
        h.subject.invalid(v.path(), v.message(), "write " + v.path() + " with the type the API expects");
        continue;
      }
      boolean replicas = v.path().equals("spec.minReplicas") || v.path().equals("spec.maxReplicas");
      h.subject.report(replicas ? LintCode.HPA_REPLICAS_OUT_OF_RANGE : code(rule), v.path(), v.message(),
          fix(rule, v.path()));
    }
  }

  private static LintCode code(HpaRule rule) {
    switch (rule) {
      case MIN_REPLICAS:
      case MAX_REPLICAS:
      case MAX_BELOW_MIN:
      case SCALE_TO_ZERO:
        return LintCode.HPA_REPLICAS_OUT_OF_RANGE;
      case STABILIZATION_WINDOW:
      case SELECT_POLICY:
      case POLICIES:
      case POLICY_TYPE:
      case POLICY_VALUE:
      case POLICY_PERIOD:
      case TOLERANCE:
        return LintCode.BEHAVIOR_OUT_OF_RANGE;
      default:
        return LintCode.HPA_REJECTED;
    }
  }

  private static String fix(HpaRule rule, String path) {
    switch (rule) {
      case MIN_REPLICAS:
        return "set spec.minReplicas to at least 1, or scale to zero with KEDA";
      case MAX_REPLICAS:
        return "set spec.maxReplicas to at least 1, the most replicas the peak load needs";
      case MAX_BELOW_MIN:
        return "lower spec.minReplicas or raise spec.maxReplicas";
      case SCALE_TO_ZERO:
        return "add an Object or External metric that can wake the target, or set minReplicas to 1";
      case UNKNOWN_FIELD:
        return "remove " + path + " or correct its name";
      case NAME:
      case NAMESPACE:
        return "rename it with lower-case letters, digits and '-' (for example Bad_Name to bad-name)";
      case PATH_SEGMENT:
        return "remove '/' and '%' from " + path;
      case METRIC_TYPE:
        return "set the metric type to Object, Pods, Resource, ContainerResource or External (case matters)";
      case METRIC_SOURCE_MISSING:
        return "add the source the type names (type: Object needs object:, Pods needs pods: ...)";
      case METRIC_SOURCE_OTHER:
        return "keep only the source the metric's type names";
      case TARGET_TYPE:
        return "set target.type to Utilization, Value or AverageValue (case matters)";
      case QUANTITY:
      case POSITIVE:
        return "write a positive quantity such as 3, 500m or 1.5k";
      case UTILIZATION:
        return "set averageUtilization to a percentage of at least 1";
      case OBJECT_TARGET:
      case EXTERNAL_TARGET:
        return "set target.averageValue (per replica) or target.value";
      case EXTERNAL_BOTH:
        return "keep one of target.value and target.averageValue, the one target.type names";
      case PODS_TARGET:
        return "set target.averageValue, the value per pod";
      case RESOURCE_TARGET:
        return "set target.averageUtilization (percent of the request) or target.averageValue";
      case RESOURCE_BOTH:
        return "keep one of target.averageUtilization and target.averageValue";
      case STABILIZATION_WINDOW:
        return "set a stabilization window between 0 and 3600 seconds";
      case SELECT_POLICY:
        return "set selectPolicy to Max, Min or Disabled";
      case POLICIES:
        return "add a policy, or remove the policies key for the defaults";
      case POLICY_TYPE:
        return "set the policy type to Pods or Percent";
      case POLICY_VALUE:
        return "set a policy value of at least 1";
      case POLICY_PERIOD:
        return "set periodSeconds between 1 and 1800";
      case TOLERANCE:
        return "set a tolerance of 0 or more, such as 0.1";
      default:
        return "set " + path;
    }
  }

  /** A Seldon HPA must scale a Seldon Model or Server; lint goes on checking the rest of it either way. */
  private static void checkTarget(LintHpa h) {
    LintSubject s = h.subject;
    String group = LintTrees.group(h.targetApiVersion);
    boolean seldonKind = h.targetKind.equals("Model") || h.targetKind.equals("Server");
    if (group.equals(LintTrees.SELDON_GROUP) && NOT_SCALABLE.contains(h.targetKind)) {
      s.report(LintCode.HPA_TARGET_NOT_SCALABLE, "spec.scaleTargetRef.kind", "scaleTargetRef kind "
          + h.targetKind + " has no scale subresource, so the HPA cannot scale it (was " + h.targetKind + ")",
          "aim the HPA at the Seldon Model (and its Server) that does the work");
    } else if (group.equals(LintTrees.SELDON_GROUP) && !seldonKind) {
      s.report(LintCode.HPA_TARGET_NOT_SELDON, "spec.scaleTargetRef.kind", "scaleTargetRef kind must be Model"
          + " or Server in " + LintTrees.SELDON_GROUP + " (was " + YamlPaths.quote(h.targetKind) + ")",
          "set spec.scaleTargetRef.kind to Model or Server");
    } else if (seldonKind && !h.targetApiVersion.equals(LintTrees.SELDON_API_VERSION)) {
      s.report(LintCode.HPA_TARGET_NOT_SELDON, "spec.scaleTargetRef.apiVersion", "scaleTargetRef apiVersion"
          + " must be " + LintTrees.SELDON_API_VERSION + " for a Seldon " + h.targetKind + " (was "
          + YamlPaths.quote(h.targetApiVersion) + ")", "set spec.scaleTargetRef.apiVersion: "
          + LintTrees.SELDON_API_VERSION);
    } else if (!seldonKind && !h.targetKind.isEmpty()) {
      s.report(LintCode.HPA_TARGET_NOT_SELDON, "spec.scaleTargetRef", "the HPA reads a Seldon metric but scales "
          + h.targetKind + " " + h.targetName + ", not a Seldon Model or Server",
          "aim spec.scaleTargetRef at the Seldon Model or Server the metric describes");
    }
  }

  private static void checkMetric(LintIndex index, LintHpa h, JsonNode metric, String path) {
    LintSubject s = h.subject;
    JsonNode m = s.mapping(metric, path);
    String type = s.string(m.get("type"), YamlPaths.key(path, "type")).orElse("");
    if (h.targetsModel() && (type.equals("Resource") || type.equals("ContainerResource") || type.equals("Pods"))) {
      s.report(LintCode.MODEL_HPA_POD_METRIC, YamlPaths.key(path, "type"), "a Model HPA cannot use " + type
          + " metrics: they average over the target's pods and a Model selects none (was " + type + ")",
          "scale the Model on an Object metric describing it (such as infer_rps); cpu and memory belong on a"
              + " Server HPA");
      return;
    }
    String section = type.equals("Object") ? "object" : type.equals("Pods") ? "pods"
        : type.equals("External") ? "external" : null;
    if (section == null) {
      return;
    }
    String sectionPath = YamlPaths.key(path, section);
    JsonNode source = s.mapping(m.get(section), sectionPath);
    JsonNode target = s.mapping(source.get("target"), YamlPaths.key(sectionPath, "target"));
    if (type.equals("Object")) {
      checkObjectTargetType(h, target, YamlPaths.key(YamlPaths.key(sectionPath, "target"), "type"));
    }
    String metricPath = YamlPaths.key(sectionPath, "metric");
    JsonNode id = s.mapping(source.get("metric"), metricPath);
    Optional<String> name = s.string(id.get("name"), YamlPaths.key(metricPath, "name"));
    JsonNode selector = s.mapping(id.get("selector"), YamlPaths.key(metricPath, "selector"));
    Set<String> series = new TreeSet<>();
    if (name.isPresent() && !name.get().isEmpty() && index.adapters.stream().anyMatch(a -> a.loads)) {
      series = type.equals("Object") ? checkObjectServed(index, h, source, sectionPath, name.get())
          : checkRegistered(index, h, type.equals("External"), sectionPath, name.get());
    }
    checkSelector(s, selector, YamlPaths.key(metricPath, "selector"), series);
  }

  /** Object metrics on Seldon HPAs are averaged per replica; the reason depends on what the HPA scales. */
  private static void checkObjectTargetType(LintHpa h, JsonNode target, String path) {
    Optional<String> type = h.subject.string(target.get("type"), path)
        .filter(t -> t.equals("Value") || t.equals("Utilization"));
    if (type.isEmpty() || !h.targetsModel() && !h.targetsServer()) {
      return;
    }
    String t = type.get();
    String why;
    if (t.equals("Utilization")) {
      why = "Utilization is a percentage of pod requests, which an Object metric has not, so the controller"
          + " computes nothing";
    } else if (h.targetsModel()) {
      why = "Value multiplies the metric's ratio by the ready pods of the Model's selector, and a Model selects"
          + " no pods of its own";
    } else {
      why = "Value multiplies the metric's ratio by the Server's ready pods, while the Model HPA divides the same"
          + " metric per replica, so the two HPAs of the pair want different counts";
    }
    h.subject.report(LintCode.OBJECT_TARGET_NOT_AVERAGE_VALUE, path, "Object metric target type must be"
        + " AverageValue on a " + h.targetKind + " HPA: " + why + " (was " + t + ")",
        "set target.type: AverageValue with target.averageValue the value per replica");
  }

  /**
   * Whether the adapter serves an Object metric for its described object, by prometheus-adapter's own
   * discovery and query building; the names of the series behind it.
   */
  private static Set<String> checkObjectServed(LintIndex index, LintHpa h, JsonNode source, String sectionPath,
      String name) {
    LintSubject s = h.subject;
    Set<String> series = new TreeSet<>();
    if (index.adapters.stream().anyMatch(a -> a.loads && a.mayServeUnknown(name, false))) {
      return series;
    }
    JsonNode described = source.path("describedObject");
    String describedPath = YamlPaths.key(sectionPath, "describedObject");
    ObjectMetric metric;
    try {
      metric = ObjectMetric.builder().metricName(name)
          .describedObject(ObjectReference.of(described.path("apiVersion").asText(""),
              described.path("kind").asText(""), described.path("name").asText("")))
          // explain reads the name and the described object only; the selector is checked on the series below
          .target(MetricTarget.averageValue(1))
          .build();
    } catch (HpaValidationException e) {
      // the API server's validation has named what is wrong with the described object
      return series;
    }
    List<String> nearMisses = new ArrayList<>();
    boolean nameRegistered = false;
    String resource = "";
    for (LintAdapter a : index.adapters) {
      if (!a.loads) {
        continue;
      }
      Explanation e;
      try {
        String key = name + "\n" + described.path("apiVersion").asText("") + "\n"
            + described.path("kind").asText("") + "\n" + h.namespace;
        e = a.explained.get(key);
        if (e == null) {
          e = a.config.explain(metric, h.namespace, SeldonSeries.series());
          a.explained.put(key, e);
        }
      } catch (HpaValidationException unknownKind) {
        s.report(LintCode.METRIC_RESOURCE_NOT_MAPPED, describedPath, unknownKind.getMessage(),
            "describe the object the metric belongs to, normally the Seldon Model");
        return series;
      }
      if (e.served()) {
        e.series().forEach(x -> series.add(x.name()));
        return series;
      }
      nearMisses.addAll(e.nearMisses().isEmpty() ? e.reasons() : e.nearMisses());
      resource = e.resource().toString();
      nameRegistered |= a.all().stream().anyMatch(r -> !r.external() && r.metricName().equals(name));
    }
    if (nameRegistered) {
      s.report(LintCode.METRIC_RESOURCE_NOT_MAPPED, describedPath, "the adapter does not offer " + name + " for "
          + resource + ": " + String.join("; ", nearMisses), "map a label of the series to " + resource
          + " in the rule's resources.overrides (and namespace: {resource: namespace})");
    } else {
      s.report(LintCode.METRIC_NOT_SERVED, YamlPaths.key(YamlPaths.key(sectionPath, "metric"), "name"), "metric "
          + name + " is served by no prometheus-adapter rule" + (nearMisses.isEmpty() ? ""
          : "; near misses: " + String.join("; ", nearMisses)), "use a metric name the adapter serves, or add a"
          + " rule whose name.as gives " + name);
    }
    return series;
  }

  /** Whether some rule registers a Pods (custom, for pods) or External metric of this name. */
  private static Set<String> checkRegistered(LintIndex index, LintHpa h, boolean external, String sectionPath,
      String name) {
    Set<String> series = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    for (LintAdapter a : index.adapters) {
      if (!a.loads || a.mayServeUnknown(name, external)) {
        return series;
      }
      for (RegisteredMetric r : a.all()) {
        boolean fits = r.external() == external
            && (external || r.resource().map(gr -> gr.resource().equals("pods")).orElse(false));
        if (fits) {
          names.add(r.metricName());
          if (r.metricName().equals(name)) {
            series.add(r.seriesName());
          }
        }
      }
    }
    if (series.isEmpty()) {
      List<String> near = names.stream().filter(n -> LintTrees.distance(n, name) <= Math.max(2, name.length() / 4))
          .collect(Collectors.toList());
      h.subject.report(LintCode.METRIC_NOT_SERVED, YamlPaths.key(YamlPaths.key(sectionPath, "metric"), "name"),
          "metric " + name + " is served by no prometheus-adapter " + (external ? "external rule" : "rule for pods")
              + (near.isEmpty() ? "" : "; near misses: " + String.join(", ", near)),
          "use a metric name the adapter serves, or add a rule whose name.as gives " + name);
    }
    return series;
  }

  private static void checkSelector(LintSubject s, JsonNode selector, String path, Set<String> series) {
    if (selector.isMissingNode()) {
      return;
    }
    Set<String> carried = new TreeSet<>();
    for (Series x : SeldonSeries.series()) {
      if (series.contains(x.name())) {
        carried.addAll(x.labels().keySet());
      }
    }
    Map<String, Set<String>> positive = new LinkedHashMap<>();
    JsonNode matchLabels = s.mapping(selector.get("matchLabels"), YamlPaths.key(path, "matchLabels"));
    for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String keyPath = YamlPaths.key(YamlPaths.key(path, "matchLabels"), e.getKey());
      labelOnSeries(s, e.getKey(), keyPath, carried, series);
      s.string(e.getValue(), keyPath).ifPresent(v -> positive.computeIfAbsent(e.getKey(), k -> new TreeSet<>())
          .add(v));
    }
    List<JsonNode> expressions = s.sequence(selector.get("matchExpressions"), YamlPaths.key(path, "matchExpressions"));
    for (int i = 0; i < expressions.size(); i++) {
      String ep = YamlPaths.index(YamlPaths.key(path, "matchExpressions"), i);
      JsonNode e = s.mapping(expressions.get(i), ep);
      Optional<String> key = s.string(e.get("key"), YamlPaths.key(ep, "key"));
      key.ifPresent(k -> labelOnSeries(s, k, YamlPaths.key(ep, "key"), carried, series));
      if (key.isPresent() && "In".equals(e.path("operator").asText())) {
        Set<String> values = positive.computeIfAbsent(key.get(), k -> new TreeSet<>());
        for (JsonNode v : s.sequence(e.get("values"), YamlPaths.key(ep, "values"))) {
          if (v.isValueNode()) {
            values.add(v.asText());
          }
        }
      }
    }
    Set<String> codes = positive.getOrDefault("code", Set.of());
    Set<String> methods = positive.getOrDefault("method_type", Set.of());
    String codePath = matchLabels.has("code") ? YamlPaths.key(YamlPaths.key(path, "matchLabels"), "code") : path;
    AdapterChecks.oneProtocol(s, codes, methods, codePath, "selector keeps", "add the other protocol's success"
        + " code: matchExpressions: [{key: code, operator: In, values: [\"200\", \"OK\"]}], or also select"
        + " method_type");
  }

  private static void labelOnSeries(LintSubject s, String key, String path, Set<String> carried,
      Set<String> series) {
    if (!carried.isEmpty() && !carried.contains(key)) {
      s.report(LintCode.SELECTOR_LABEL_NOT_ON_SERIES, path, "selector label " + key + " is not on the series "
          + String.join(", ", series) + ", so the metric selects nothing (labels there: "
          + String.join(", ", carried) + ")", "select on one of the labels the series carry");
    }
  }

  /** A scale-up policy whose period is shorter than a server pod's start-up asks for pods before they are up. */
  private static void checkScaleUpSpeed(LintIndex index, LintHpa h) {
    Optional<Duration> startup = index.facts.serverStartup();
    JsonNode scaleUp = h.spec.path("behavior").path("scaleUp");
    if (startup.isEmpty() || !scaleUp.isObject() || "Disabled".equals(scaleUp.path("selectPolicy").asText())) {
      return;
    }
    long seconds = startup.get().getSeconds();
    String policiesPath = "spec.behavior.scaleUp.policies";
    List<JsonNode> policies = h.subject.sequence(scaleUp.get("policies"), policiesPath);
    for (int i = 0; i < policies.size(); i++) {
      String pp = YamlPaths.index(policiesPath, i);
      JsonNode policy = h.subject.mapping(policies.get(i), pp);
      String periodPath = YamlPaths.key(pp, "periodSeconds");
      OptionalInt period = h.subject.integer(policy.get("periodSeconds"), periodPath);
      OptionalInt value = h.subject.integer(policy.get("value"), YamlPaths.key(pp, "value"));
      if (period.isPresent() && HpaRule.periodOk(period.getAsInt()) && period.getAsInt() < seconds
          && value.isPresent() && value.getAsInt() > 0) {
        String type = policy.path("type").asText("");
        h.subject.report(LintCode.SCALE_UP_FASTER_THAN_SERVER_START, periodPath, "scale-up policy adds up to "
            + value.getAsInt() + (type.equals("Percent") ? "%" : " pods") + " every " + period.getAsInt()
            + " s but a server pod takes " + seconds + " s to start, so the HPA asks for more before the last"
            + " pods are ready (was " + period.getAsInt() + ")", "set periodSeconds to at least " + seconds
            + " with a Pods value the cluster can start in that time");
      }
    }
  }
}
