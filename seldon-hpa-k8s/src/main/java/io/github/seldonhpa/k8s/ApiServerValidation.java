package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.internal.HpaRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the Kubernetes API server says about an {@code autoscaling/v2} HorizontalPodAutoscaler as read: every
 * violation, in the order the API server checks ({@code ValidateHorizontalPodAutoscaler} of
 * kubernetes/kubernetes {@code pkg/apis/autoscaling/validation/validation.go} at commit
 * {@code 0fec7b0f7e2dfd4b0c6c57e086472546f6c69efa}), in the library's wording ({@link HpaRule}). It checks
 * any HPA, Seldon target or not, and never throws on bad data: a field of the wrong type, a quantity such as
 * {@code 3x} or {@code three}, is one more violation.
 */
public final class ApiServerValidation {
  /** Feature gate: {@code minReplicas: 0} allowed. */
  public static final String HPA_SCALE_TO_ZERO = "HPAScaleToZero";
  /** Feature gate: {@code behavior.*.tolerance} kept and checked (otherwise the API server drops it). */
  public static final String HPA_CONFIGURABLE_TOLERANCE = "HPAConfigurableTolerance";

  static final Set<String> V2_SPEC = Set.of("scaleTargetRef", "minReplicas", "maxReplicas", "metrics",
      "behavior");
  /** The fields of each autoscaling/v2 type below the spec, by the type's OpenAPI name. */
  static final Map<String, Set<String>> V2_FIELDS = Map.of(
      "MetricSpec", Set.of("type", "object", "pods", "resource", "containerResource", "external"),
      "ObjectMetricSource", Set.of("describedObject", "metric", "target"),
      "PodsMetricSource", Set.of("metric", "target"),
      "ResourceMetricSource", Set.of("name", "target"),
      "ContainerResourceMetricSource", Set.of("name", "container", "target"),
      "ExternalMetricSource", Set.of("metric", "target"),
      "MetricIdentifier", Set.of("name", "selector"),
      "MetricTarget", Set.of("type", "value", "averageValue", "averageUtilization"),
      "CrossVersionObjectReference", Set.of("apiVersion", "kind", "name"),
      "HorizontalPodAutoscalerBehavior", Set.of("scaleUp", "scaleDown"));
  /** The fields of the meta/v1 types of a metric's {@code selector}, by the type's OpenAPI name. */
  static final Map<String, Set<String>> META_V1_FIELDS = Map.of(
      "LabelSelector", Set.of("matchLabels", "matchExpressions"),
      "LabelSelectorRequirement", Set.of("key", "operator", "values"));
  /** HPAScalingRules, with Kubernetes 1.33's {@code tolerance}. */
  static final Set<String> RULES_FIELDS = Set.of("policies", "selectPolicy", "stabilizationWindowSeconds",
      "tolerance");
  static final Set<String> POLICY_FIELDS = Set.of("type", "value", "periodSeconds");
  private static final Map<String, String> SOURCE_TYPES = Map.of("object", "ObjectMetricSource", "pods",
      "PodsMetricSource", "resource", "ResourceMetricSource", "containerResource", "ContainerResourceMetricSource",
      "external", "ExternalMetricSource");
  private static final Set<String> V1_SPEC = Set.of("scaleTargetRef", "minReplicas", "maxReplicas",
      "targetCPUUtilizationPercentage");
  private static final String[] SOURCES = {"object", "external", "pods", "resource", "containerResource"};
  private static final Map<String, String> SOURCE_OF_TYPE = Map.of("Object", "object", "External", "external",
      "Pods", "pods", "Resource", "resource", "ContainerResource", "containerResource");

  /** One thing the API server rejects: where, which rule and the message. */
  public static final class Violation {
    private final String path;
    private final HpaRule rule;
    private final String message;

    Violation(String path, HpaRule rule, String message) {
      this.path = path;
      this.rule = rule;
      this.message = message;
    }

    /** {@return the path of the field: {@code spec.metrics[0].object.target.averageValue}} */
    public String path() {
      return path;
    }

    /** {@return {@code <path> <rule> (was <value>)}} */
    public String message() {
      return message;
    }

    HpaRule rule() {
      return rule;
    }

    @Override
    public String toString() {
      return message;
    }
  }

  private final List<Violation> violations = new ArrayList<>();
  private final Set<String> gates;
  private final boolean defaulted;
  private final Fields fields = new Fields((path, expected, was) -> violations.add(new Violation(path,
      HpaRule.TYPE, HpaRule.typeMessage(path, expected, ManifestReader.describe(was)))));

  private ApiServerValidation(Set<String> gates, boolean defaulted) {
    this.gates = gates;
    this.defaulted = defaulted;
  }

  /**
   * Validates a HorizontalPodAutoscaler (its {@code metadata} and {@code spec}; autoscaling/v1 and v2beta2 as
   * converted to v2) as the API server does on create, after defaulting, with the given feature gates on.
   *
   * @param hpa a HorizontalPodAutoscaler as read, of autoscaling/v1, v2beta2 or v2
   * @param featureGates the feature gates on, such as {@code HPAConfigurableTolerance}; empty for none
   * @return every violation; empty when the API server accepts the object
   */
  public static List<Violation> validate(Manifest hpa, Set<String> featureGates) {
    JsonNode root = hpa.node();
    return validate(root, HpaVersions.v2Spec(root, hpa.apiVersion()).orElse(root.path("spec")),
        featureGates);
  }

  /** Validates the object with its v2 spec (converted from an older version). */
  static List<Violation> validate(JsonNode root, JsonNode v2Spec, Set<String> featureGates) {
    ApiServerValidation v = new ApiServerValidation(featureGates, true);
    v.metadata(root);
    v.specFields(root);
    v.spec(v.fields.mapping(v2Spec, "spec"), root.has("spec"));
    return Collections.unmodifiableList(v.violations);
  }

  /** The spec's own keys against its version's schema (kubectl validates strictly by default). */
  private void specFields(JsonNode root) {
    boolean v1 = root.path("apiVersion").asText().equals(HpaVersions.V1);
    known(root.path("spec"), "spec", v1 ? V1_SPEC : V2_SPEC, root.path("apiVersion").asText()
        + " HorizontalPodAutoscaler spec");
  }

  /** Keys of a mapping that its type does not have. */
  private void known(JsonNode node, String path, Set<String> fields, String type) {
    if (!node.isObject()) {
      return;
    }
    for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!fields.contains(key)) {
        String p = YamlPaths.key(path, key);
        violations.add(new Violation(p, HpaRule.UNKNOWN_FIELD, p + " is not a field of " + type + " (was "
            + LintTrees.show(node.get(key)) + ")"));
      }
    }
  }

  private void known(JsonNode node, String path, String type) {
    known(node, path, V2_FIELDS.get(type), type);
  }

  /**
   * Validates a spec as the validation code sees the internal type, before defaulting (an absent
   * {@code policies} list is an error here; the API server fills it in before validating a real request).
   */
  static List<Violation> validateSpec(JsonNode spec, Set<String> featureGates) {
    ApiServerValidation v = new ApiServerValidation(featureGates, false);
    v.spec(spec, true);
    return Collections.unmodifiableList(v.violations);
  }

  private void add(String path, HpaRule rule, Object was) {
    violations.add(new Violation(path, rule, rule.message(path, was)));
  }

  private void metadata(JsonNode root) {
    JsonNode metadata = fields.mapping(root.get("metadata"), "metadata");
    Optional<String> name = fields.string(metadata.get("name"), "metadata.name");
    if (name.isEmpty() && !Fields.present(metadata.get("generateName"))) {
      add("metadata.name", HpaRule.REQUIRED, "unset");
    }
    name.filter(n -> !Checks.isDns1123Subdomain(n)).ifPresent(n -> add("metadata.name", HpaRule.NAME, quote(n)));
    fields.string(metadata.get("namespace"), "metadata.namespace").filter(n -> !Checks.isDns1123Label(n))
        .ifPresent(n -> add("metadata.namespace", HpaRule.NAMESPACE, quote(n)));
  }

  private void spec(JsonNode spec, boolean specSet) {
    OptionalInt min = fields.integer(spec.get("minReplicas"), "spec.minReplicas");
    int lowerBound = gates.contains(HPA_SCALE_TO_ZERO) ? 0 : 1;
    if (min.isPresent() && min.getAsInt() < lowerBound) {
      add("spec.minReplicas", HpaRule.MIN_REPLICAS, min.getAsInt());
    }
    OptionalInt max = fields.integer(spec.get("maxReplicas"), "spec.maxReplicas");
    if (!Fields.present(spec.get("maxReplicas")) && specSet) {
      add("spec.maxReplicas", HpaRule.REQUIRED, "unset");
    }
    if (max.isPresent() && max.getAsInt() < 1) {
      add("spec.maxReplicas", HpaRule.MAX_REPLICAS, max.getAsInt());
    }
    if (min.isPresent() && max.isPresent() && max.getAsInt() < min.getAsInt()) {
      add("spec.maxReplicas", HpaRule.MAX_BELOW_MIN, "maxReplicas=" + max.getAsInt() + ", minReplicas="
          + min.getAsInt());
    }
    reference(fields.mapping(spec.get("scaleTargetRef"), "spec.scaleTargetRef"), "spec.scaleTargetRef");
    known(spec.path("scaleTargetRef"), "spec.scaleTargetRef", "CrossVersionObjectReference");
    known(spec.path("behavior"), "spec.behavior", "HorizontalPodAutoscalerBehavior");
    List<JsonNode> metrics = fields.sequence(spec.get("metrics"), "spec.metrics");
    boolean objectOrExternal = false;
    for (int i = 0; i < metrics.size(); i++) {
      objectOrExternal |= metric(metrics.get(i), YamlPaths.index("spec.metrics", i));
    }
    if (min.isPresent() && min.getAsInt() == 0 && lowerBound == 0 && !objectOrExternal) {
      add("spec.metrics", HpaRule.SCALE_TO_ZERO, metrics.isEmpty() ? "unset" : metrics.size() + " metrics");
    }
    JsonNode behavior = fields.mapping(spec.get("behavior"), "spec.behavior");
    for (String direction : new String[] {"scaleUp", "scaleDown"}) {
      String path = YamlPaths.key("spec.behavior", direction);
      JsonNode rules = fields.mapping(behavior.get(direction), path);
      if (!rules.isMissingNode()) {
        rules(rules, path);
      }
    }
  }

  /** {@code ValidateCrossVersionObjectReference}: kind and name required, both path segments. */
  private void reference(JsonNode ref, String path) {
    fields.string(ref.get("apiVersion"), YamlPaths.key(path, "apiVersion"));
    for (String field : new String[] {"kind", "name"}) {
      String p = YamlPaths.key(path, field);
      Optional<String> value = fields.string(ref.get(field), p);
      if (value.isEmpty() || value.get().isEmpty()) {
        if (!Fields.present(ref.get(field)) || value.isPresent()) {
          add(p, HpaRule.REQUIRED, value.isPresent() ? "\"\"" : "unset");
        }
      } else if (!Checks.isPathSegment(value.get())) {
        add(p, HpaRule.PATH_SEGMENT, quote(value.get()));
      }
    }
  }

  /** One metric; whether it is an Object or External metric. */
  private boolean metric(JsonNode node, String path) {
    JsonNode m = fields.mapping(node, path);
    known(m, path, "MetricSpec");
    String typePath = YamlPaths.key(path, "type");
    Optional<String> type = fields.string(m.get("type"), typePath);
    String expected = type.map(SOURCE_OF_TYPE::get).orElse(null);
    if (!Fields.present(m.get("type"))) {
      add(typePath, HpaRule.METRIC_TYPE_MISSING, "unset");
    } else if (type.isPresent() && expected == null) {
      add(typePath, HpaRule.METRIC_TYPE, quote(type.get()));
    }
    boolean first = true;
    for (String source : SOURCES) {
      if (!Fields.present(m.get(source))) {
        continue;
      }
      String sourcePath = YamlPaths.key(path, source);
      if (first) {
        source(source, fields.mapping(m.get(source), sourcePath), sourcePath);
        first = false;
      }
      if (expected != null && !source.equals(expected)) {
        add(sourcePath, HpaRule.METRIC_SOURCE_OTHER, "set with type " + type.get());
      }
    }
    if (expected != null && !Fields.present(m.get(expected))) {
      add(YamlPaths.key(path, expected), HpaRule.METRIC_SOURCE_MISSING, "unset for type " + type.get());
    }
    return "Object".equals(type.orElse("")) || "External".equals(type.orElse(""));
  }

  private void source(String source, JsonNode src, String path) {
    known(src, path, SOURCE_TYPES.get(source));
    String targetPath = YamlPaths.key(path, "target");
    JsonNode target = fields.mapping(src.get("target"), targetPath);
    known(target, targetPath, "MetricTarget");
    target(target, targetPath);
    boolean hasValue = Fields.present(target.get("value"));
    boolean hasAverage = Fields.present(target.get("averageValue"));
    boolean hasUtilization = Fields.present(target.get("averageUtilization"));
    String averagePath = YamlPaths.key(targetPath, "averageValue");
    switch (source) {
      case "object":
        reference(fields.mapping(src.get("describedObject"), YamlPaths.key(path, "describedObject")),
            YamlPaths.key(path, "describedObject"));
        known(src.path("describedObject"), YamlPaths.key(path, "describedObject"), "CrossVersionObjectReference");
        identifier(src, path);
        if (!hasValue && !hasAverage) {
          add(averagePath, HpaRule.OBJECT_TARGET, "unset");
        }
        break;
      case "external":
        identifier(src, path);
        if (!hasValue && !hasAverage) {
          add(averagePath, HpaRule.EXTERNAL_TARGET, "unset");
        }
        if (hasValue && hasAverage) {
          add(YamlPaths.key(targetPath, "value"), HpaRule.EXTERNAL_BOTH, describe(target.get("value")));
        }
        break;
      case "pods":
        identifier(src, path);
        if (!hasAverage) {
          add(averagePath, HpaRule.PODS_TARGET, "unset");
        }
        break;
      default: // resource, containerResource
        String namePath = YamlPaths.key(path, "name");
        Optional<String> name = fields.string(src.get("name"), namePath);
        if (name.isEmpty() || name.get().isEmpty()) {
          add(namePath, HpaRule.RESOURCE_NAME, name.isPresent() ? "\"\"" : "unset");
        }
        if (source.equals("containerResource")) {
          String containerPath = YamlPaths.key(path, "container");
          Optional<String> container = fields.string(src.get("container"), containerPath);
          if (container.isEmpty() || container.get().isEmpty()) {
            add(containerPath, HpaRule.CONTAINER, container.isPresent() ? "\"\"" : "unset");
          }
        }
        if (!hasUtilization && !hasAverage) {
          add(YamlPaths.key(targetPath, "averageUtilization"), HpaRule.RESOURCE_TARGET, "unset");
        }
        if (hasUtilization && hasAverage) {
          add(averagePath, HpaRule.RESOURCE_BOTH, describe(target.get("averageValue")));
        }
    }
  }

  /** {@code validateMetricIdentifier}: name required and a path segment; the selector as decoded (below). */
  private void identifier(JsonNode src, String path) {
    String metricPath = YamlPaths.key(path, "metric");
    JsonNode id = fields.mapping(src.get("metric"), metricPath);
    known(id, metricPath, "MetricIdentifier");
    String namePath = YamlPaths.key(metricPath, "name");
    Optional<String> name = fields.string(id.get("name"), namePath);
    if (name.isEmpty() || name.get().isEmpty()) {
      if (!Fields.present(id.get("name")) || name.isPresent()) {
        add(namePath, HpaRule.METRIC_NAME, name.isPresent() ? "\"\"" : "unset");
      }
    } else if (!Checks.isPathSegment(name.get())) {
      add(namePath, HpaRule.PATH_SEGMENT, quote(name.get()));
    }
    String selectorPath = YamlPaths.key(metricPath, "selector");
    selector(fields.mapping(id.get("selector"), selectorPath), selectorPath);
  }

  /**
   * A metric's {@code selector} as the API server decodes it (strictly): a meta/v1 LabelSelector of string
   * labels and requirements. {@code validateMetricIdentifier} checks nothing more: label syntax and operators
   * are left to the HPA controller, whose {@code metav1.LabelSelectorAsSelector} fails at run time.
   */
  private void selector(JsonNode selector, String path) {
    known(selector, path, META_V1_FIELDS.get("LabelSelector"), "LabelSelector");
    String labelsPath = YamlPaths.key(path, "matchLabels");
    JsonNode labels = fields.mapping(selector.get("matchLabels"), labelsPath);
    labels.fields().forEachRemaining(e -> fields.string(e.getValue(), YamlPaths.key(labelsPath, e.getKey())));
    String expressionsPath = YamlPaths.key(path, "matchExpressions");
    List<JsonNode> expressions = fields.sequence(selector.get("matchExpressions"), expressionsPath);
    for (int i = 0; i < expressions.size(); i++) {
      String ep = YamlPaths.index(expressionsPath, i);
      JsonNode expression = fields.mapping(expressions.get(i), ep);
      known(expression, ep, META_V1_FIELDS.get("LabelSelectorRequirement"), "LabelSelectorRequirement");
      fields.string(expression.get("key"), YamlPaths.key(ep, "key"));
      fields.string(expression.get("operator"), YamlPaths.key(ep, "operator"));
      String valuesPath = YamlPaths.key(ep, "values");
      List<JsonNode> values = fields.sequence(expression.get("values"), valuesPath);
      for (int v = 0; v < values.size(); v++) {
        fields.string(values.get(v), YamlPaths.index(valuesPath, v));
      }
    }
  }

  /** {@code validateMetricTarget}: type required and known, quantities positive, utilization >= 1. */
  private void target(JsonNode target, String path) {
    String typePath = YamlPaths.key(path, "type");
    Optional<String> type = fields.string(target.get("type"), typePath);
    if (!Fields.present(target.get("type"))) {
      add(typePath, HpaRule.TARGET_TYPE_MISSING, "unset");
    } else if (type.isPresent() && !Set.of("Utilization", "Value", "AverageValue").contains(type.get())) {
      add(typePath, HpaRule.TARGET_TYPE, quote(type.get()));
    }
    for (String field : new String[] {"value", "averageValue"}) {
      quantity(target.get(field), YamlPaths.key(path, field)).filter(x -> x.signum() <= 0)
          .ifPresent(x -> add(YamlPaths.key(path, field), HpaRule.POSITIVE, describe(target.get(field))));
    }
    String utilizationPath = YamlPaths.key(path, "averageUtilization");
    fields.integer(target.get("averageUtilization"), utilizationPath).ifPresent(u -> {
      if (u < 1) {
        add(utilizationPath, HpaRule.UTILIZATION, u);
      }
    });
  }

  private void rules(JsonNode rules, String path) {
    known(rules, path, RULES_FIELDS, "HPAScalingRules");
    String windowPath = YamlPaths.key(path, "stabilizationWindowSeconds");
    fields.integer(rules.get("stabilizationWindowSeconds"), windowPath).ifPresent(w -> {
      if (!HpaRule.windowOk(w)) {
        add(windowPath, HpaRule.STABILIZATION_WINDOW, w);
      }
    });
    String selectPath = YamlPaths.key(path, "selectPolicy");
    fields.string(rules.get("selectPolicy"), selectPath).filter(p -> !Set.of("Max", "Min", "Disabled").contains(p))
        .ifPresent(p -> add(selectPath, HpaRule.SELECT_POLICY, quote(p)));
    String policiesPath = YamlPaths.key(path, "policies");
    List<JsonNode> policies = fields.sequence(rules.get("policies"), policiesPath);
    boolean listed = rules.has("policies") && rules.get("policies").isArray();
    if (policies.isEmpty() && (listed || !defaulted && !Fields.present(rules.get("policies")))) {
      add(policiesPath, HpaRule.POLICIES, listed ? "[]" : "unset");
    }
    for (int i = 0; i < policies.size(); i++) {
      String pp = YamlPaths.index(policiesPath, i);
      JsonNode policy = fields.mapping(policies.get(i), pp);
      known(policy, pp, POLICY_FIELDS, "HPAScalingPolicy");
      String typePath = YamlPaths.key(pp, "type");
      Optional<String> type = fields.string(policy.get("type"), typePath);
      if (type.isEmpty() && !Fields.present(policy.get("type"))) {
        add(typePath, HpaRule.POLICY_TYPE, "unset");
      }
      type.filter(t -> !t.equals("Pods") && !t.equals("Percent"))
          .ifPresent(t -> add(typePath, HpaRule.POLICY_TYPE, quote(t)));
      String valuePath = YamlPaths.key(pp, "value");
      OptionalInt value = fields.integer(policy.get("value"), valuePath);
      if (!Fields.present(policy.get("value")) || value.isPresent() && value.getAsInt() <= 0) {
        add(valuePath, HpaRule.POLICY_VALUE, value.isPresent() ? String.valueOf(value.getAsInt()) : "unset");
      }
      String periodPath = YamlPaths.key(pp, "periodSeconds");
      OptionalInt period = fields.integer(policy.get("periodSeconds"), periodPath);
      if (!Fields.present(policy.get("periodSeconds")) || period.isPresent() && !HpaRule.periodOk(period.getAsInt())) {
        add(periodPath, HpaRule.POLICY_PERIOD, period.isPresent() ? String.valueOf(period.getAsInt()) : "unset");
      }
    }
    String tolerancePath = YamlPaths.key(path, "tolerance");
    if (gates.contains(HPA_CONFIGURABLE_TOLERANCE)) {
      quantity(rules.get("tolerance"), tolerancePath).filter(t -> t.signum() < 0)
          .ifPresent(t -> add(tolerancePath, HpaRule.TOLERANCE, describe(rules.get("tolerance"))));
    }
  }

  /** A quantity as the API server decodes it: a string or number of the quantity syntax. */
  private Optional<Quantity> quantity(JsonNode node, String path) {
    Optional<String> text = fields.quantityText(node, path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.parse(path, text.get()));
    } catch (IllegalArgumentException e) {
      add(path, HpaRule.QUANTITY, describe(node));
      return Optional.empty();
    }
  }

  private static String describe(JsonNode node) {
    return ManifestReader.describe(node);
  }

  private static String quote(String text) {
    return YamlPaths.quote(text);
  }
}
