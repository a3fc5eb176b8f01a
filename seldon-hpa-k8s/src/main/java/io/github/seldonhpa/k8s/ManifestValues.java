package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.github.seldonhpa.internal.HpaRule;
import io.github.seldonhpa.promql.AdapterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns read manifests into the library's value types. Type errors name the path; the value types' own
 * checks then apply. The manifest keeps everything the value type does not model (status, annotations).
 */
final class ManifestValues {
  private static final Set<String> MODEL_TYPED = Set.of("storageUri", "requirements", "memory", "server",
      "replicas", "minReplicas", "maxReplicas");
  private static final Set<String> SERVER_TYPED = Set.of("serverConfig", "replicas", "minReplicas", "maxReplicas");

  private ManifestValues() {}

  /**
   * The HPA as a value; autoscaling/v1 and v2beta2 as the API server converts them to v2, without a namespace
   * in {@code defaultNamespace}.
   */
  static Hpa hpa(Manifest m, String defaultNamespace) {
    String apiVersion = m.apiVersion();
    if (!m.kind().equals("HorizontalPodAutoscaler") || !HpaVersions.convertible(apiVersion)) {
      throw new HpaValidationException("kind must be HorizontalPodAutoscaler in autoscaling/v2, v2beta2 or v1"
          + " (was " + Manifest.or(m.kind(), "unset") + " in " + Manifest.or(m.apiVersion(), "unset") + ")");
    }
    mapping(m.node().get("spec"), "spec");
    JsonNode spec = HpaVersions.v2Spec(m.node(), apiVersion).orElseThrow();
    Hpa.Builder hpa = Hpa.builder()
        .name(required(m.name(), "metadata.name"))
        .namespace(m.namespace().orElse(defaultNamespace))
        .scaleTargetRef(reference(mapping(spec.get("scaleTargetRef"), "spec.scaleTargetRef"), "spec.scaleTargetRef"))
        .maxReplicas(integer(spec.get("maxReplicas"), "spec.maxReplicas")
            .orElseThrow(() -> new HpaValidationException("spec.maxReplicas must be set (was unset)")));
    integer(spec.get("minReplicas"), "spec.minReplicas").ifPresent(hpa::minReplicas);
    List<JsonNode> metrics = sequence(spec.get("metrics"), "spec.metrics");
    for (int i = 0; i < metrics.size(); i++) {
      hpa.addMetric(metric(metrics.get(i), YamlPaths.index("spec.metrics", i)));
    }
    JsonNode behavior = spec.get("behavior");
    if (present(behavior)) {
      mapping(behavior, "spec.behavior");
      Behavior.Builder b = Behavior.builder();
      rules(behavior.get("scaleUp"), "spec.behavior.scaleUp").ifPresent(b::scaleUp);
      rules(behavior.get("scaleDown"), "spec.behavior.scaleDown").ifPresent(b::scaleDown);
      hpa.behavior(b.build());
    }
    return hpa.build();
  }

  static Model model(Manifest m) {
    kind(m, "Model", ObjectReference.SELDON_API_VERSION);
    JsonNode spec = mapping(m.node().get("spec"), "spec");
    Model.Builder model = Model.builder()
        .name(required(m.name(), "metadata.name"))
        .storageUri(string(spec.get("storageUri"), "spec.storageUri")
            .orElseThrow(() -> new HpaValidationException("spec.storageUri must be set (was unset)")));
    m.namespace().ifPresent(model::namespace);
    model.putAllLabels(labels(m));
    for (JsonNode r : sequence(spec.get("requirements"), "spec.requirements")) {
      model.addRequirement(string(r, "spec.requirements[]").orElse(""));
    }
    quantity(spec.get("memory"), "spec.memory").ifPresent(model::memory);
    string(spec.get("server"), "spec.server").ifPresent(model::server);
    integer(spec.get("replicas"), "spec.replicas").ifPresent(model::replicas);
    integer(spec.get("minReplicas"), "spec.minReplicas").ifPresent(model::minReplicas);
    integer(spec.get("maxReplicas"), "spec.maxReplicas").ifPresent(model::maxReplicas);
    model.putAllExtraSpec(extra(spec, MODEL_TYPED));
    return model.build();
  }

  static Server server(Manifest m) {
    kind(m, "Server", ObjectReference.SELDON_API_VERSION);
    JsonNode spec = mapping(m.node().get("spec"), "spec");
    Server.Builder server = Server.builder()
        .name(required(m.name(), "metadata.name"))
        .serverConfig(string(spec.get("serverConfig"), "spec.serverConfig")
            .orElseThrow(() -> new HpaValidationException("spec.serverConfig must be set (was unset)")));
    m.namespace().ifPresent(server::namespace);
    server.putAllLabels(labels(m));
    integer(spec.get("replicas"), "spec.replicas").ifPresent(server::replicas);
    integer(spec.get("minReplicas"), "spec.minReplicas").ifPresent(server::minReplicas);
    integer(spec.get("maxReplicas"), "spec.maxReplicas").ifPresent(server::maxReplicas);
    server.putAllExtraSpec(extra(spec, SERVER_TYPED));
    return server.build();
  }

  static AdapterConfig adapterConfig(Manifest m) {
    if (m.kind().isEmpty()) {
      return AdapterConfigs.parse(m.node(), "");
    }
    kind(m, "ConfigMap", "v1");
    String path = YamlPaths.key("data", "config.yaml");
    String text = string(mapping(m.node().get("data"), "data").get("config.yaml"), path)
        .orElseThrow(() -> new HpaValidationException(path + " must be set (was unset)"));
    List<Manifest> read = ManifestReader.create().read(m.source() + " " + path, text);
    return AdapterConfigs.parse(read.isEmpty() ? JsonNodeFactory.instance.objectNode() : read.get(0).node(), path);
  }

  private static void kind(Manifest m, String kind, String apiVersion) {
    if (!m.kind().equals(kind) || !m.apiVersion().equals(apiVersion)) {
      throw new HpaValidationException("kind must be " + kind + " in " + apiVersion + " (was "
          + Manifest.or(m.kind(), "unset") + " in " + Manifest.or(m.apiVersion(), "unset") + ")");
    }
  }

  private static Metric metric(JsonNode node, String path) {
    mapping(node, path);
    String type = string(node.get("type"), YamlPaths.key(path, "type"))
        .orElseThrow(() -> new HpaValidationException(YamlPaths.key(path, "type") + " must be set (was unset)"));
    switch (type) {
      case "Object": {
        String p = YamlPaths.key(path, "object");
        JsonNode source = mapping(node.get("object"), p);
        ObjectMetric.Builder b = ObjectMetric.builder()
            .metricName(metricName(source, p))
            .target(target(source.get("target"), YamlPaths.key(p, "target")));
        selector(source, p).ifPresent(b::selector);
        if (present(source.get("describedObject"))) {
          String dp = YamlPaths.key(p, "describedObject");
          b.describedObject(reference(mapping(source.get("describedObject"), dp), dp));
        }
        return b.build();
      }
      case "Pods": {
        String p = YamlPaths.key(path, "pods");
        JsonNode source = mapping(node.get("pods"), p);
        PodsMetric.Builder b = PodsMetric.builder().metricName(metricName(source, p))
            .target(podsTarget(source.get("target"), YamlPaths.key(p, "target")));
        selector(source, p).ifPresent(b::selector);
        return b.build();
      }
      case "External": {
        String p = YamlPaths.key(path, "external");
        JsonNode source = mapping(node.get("external"), p);
        ExternalMetric.Builder b = ExternalMetric.builder().metricName(metricName(source, p))
            .target(target(source.get("target"), YamlPaths.key(p, "target")));
        selector(source, p).ifPresent(b::selector);
        return b.build();
      }
      case "Resource": {
        String p = YamlPaths.key(path, "resource");
        JsonNode source = mapping(node.get("resource"), p);
        return ResourceMetric.of(string(source.get("name"), YamlPaths.key(p, "name")).orElse(""),
            target(source.get("target"), YamlPaths.key(p, "target")));
      }
      default:
        throw new HpaValidationException(YamlPaths.key(path, "type")
            + " must be Object, Pods, Resource or External (was \"" + type + "\")");
    }
  }

  private static String metricName(JsonNode source, String path) {
    String p = YamlPaths.key(YamlPaths.key(path, "metric"), "name");
    return string(mapping(source.get("metric"), YamlPaths.key(path, "metric")).get("name"), p)
        .orElseThrow(() -> new HpaValidationException(p + " must be set (was unset)"));
  }

  private static Optional<LabelSelector> selector(JsonNode source, String path) {
    String p = YamlPaths.key(YamlPaths.key(path, "metric"), "selector");
    JsonNode node = source.path("metric").get("selector");
    if (!present(node)) {
      return Optional.empty();
    }
    mapping(node, p);
    LabelSelector.Builder b = LabelSelector.builder();
    JsonNode labels = node.get("matchLabels");
    if (present(labels)) {
      mapping(labels, YamlPaths.key(p, "matchLabels"));
      for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.putMatchLabel(e.getKey(), scalar(e.getValue(), YamlPaths.key(YamlPaths.key(p, "matchLabels"), e.getKey())));
      }
    }
    List<JsonNode> expressions = sequence(node.get("matchExpressions"), YamlPaths.key(p, "matchExpressions"));
    for (int i = 0; i < expressions.size(); i++) {
      String ep = YamlPaths.index(YamlPaths.key(p, "matchExpressions"), i);
      JsonNode e = mapping(expressions.get(i), ep);
      LabelSelectorRequirement.Builder r = LabelSelectorRequirement.builder()
          .key(string(e.get("key"), YamlPaths.key(ep, "key")).orElse(""))
          .operator(LabelSelectorRequirement.Operator.fromYaml(YamlPaths.key(ep, "operator"),
              string(e.get("operator"), YamlPaths.key(ep, "operator")).orElse("")));
      for (JsonNode v : sequence(e.get("values"), YamlPaths.key(ep, "values"))) {
        r.addValue(scalar(v, YamlPaths.key(ep, "values")));
      }
      b.addMatchExpression(r.build());
    }
    return Optional.of(b.build());
  }

  /**
   * A Pods metric is always an average per pod: the API server accepts any target type with an averageValue
   * and the controller reads only the averageValue, so {@code type: Value} reads as AverageValue.
   */
  private static MetricTarget podsTarget(JsonNode node, String path) {
    JsonNode target = mapping(node, path);
    String typePath = YamlPaths.key(path, "type");
    if (string(target.get("type"), typePath).orElse("").equals("Value") && present(target.get("averageValue"))) {
      return MetricTarget.averageValue(quantity(target.get("averageValue"), YamlPaths.key(path, "averageValue"))
          .orElseThrow());
    }
    return target(node, path);
  }

  private static MetricTarget target(JsonNode node, String path) {
    mapping(node, path);
    MetricTarget.Builder b = MetricTarget.builder().type(MetricTarget.Type.fromYaml(YamlPaths.key(path, "type"),
        string(node.get("type"), YamlPaths.key(path, "type")).orElse("")));
    quantity(node.get("value"), YamlPaths.key(path, "value")).ifPresent(b::value);
    quantity(node.get("averageValue"), YamlPaths.key(path, "averageValue")).ifPresent(b::averageValue);
    integer(node.get("averageUtilization"), YamlPaths.key(path, "averageUtilization")).ifPresent(b::averageUtilization);
    return b.build();
  }

  private static Optional<ScalingRules> rules(JsonNode node, String path) {
    if (!present(node)) {
      return Optional.empty();
    }
    mapping(node, path);
    ScalingRules.Builder b = ScalingRules.builder();
    integer(node.get("stabilizationWindowSeconds"), YamlPaths.key(path, "stabilizationWindowSeconds"))
        .ifPresent(s -> b.stabilizationWindow(Duration.ofSeconds(s)));
    string(node.get("selectPolicy"), YamlPaths.key(path, "selectPolicy"))
        .ifPresent(s -> b.selectPolicy(ScalingRules.SelectPolicy.fromYaml(YamlPaths.key(path, "selectPolicy"), s)));
    quantity(node.get("tolerance"), YamlPaths.key(path, "tolerance")).ifPresent(b::tolerance);
    List<JsonNode> policies = sequence(node.get("policies"), YamlPaths.key(path, "policies"));
    for (int i = 0; i < policies.size(); i++) {
      String pp = YamlPaths.index(YamlPaths.key(path, "policies"), i);
      JsonNode p = mapping(policies.get(i), pp);
      b.addPolicy(ScalingPolicy.of(
          ScalingPolicy.Type.fromYaml(YamlPaths.key(pp, "type"), string(p.get("type"), YamlPaths.key(pp, "type")).orElse("")),
          integer(p.get("value"), YamlPaths.key(pp, "value")).orElse(0),
          Duration.ofSeconds(integer(p.get("periodSeconds"), YamlPaths.key(pp, "periodSeconds")).orElse(0))));
    }
    return Optional.of(b.build());
  }

  private static ObjectReference reference(JsonNode node, String path) {
    return ObjectReference.of(
        string(node.get("apiVersion"), YamlPaths.key(path, "apiVersion")).orElse(""),
        string(node.get("kind"), YamlPaths.key(path, "kind")).orElse(""),
        string(node.get("name"), YamlPaths.key(path, "name")).orElse(""));
  }

  private static Map<String, String> labels(Manifest m) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode labels = m.node().path("metadata").get("labels");
    if (present(labels)) {
      mapping(labels, "metadata.labels");
      labels.fields().forEachRemaining(e -> out.put(e.getKey(),
          scalar(e.getValue(), YamlPaths.key("metadata.labels", e.getKey()))));
    }
    return out;
  }

  /**
   * Spec fields the value type does not model, as plain Java values, in the order written. A {@code null}
   * value is left out, at any depth of a mapping: the API server prunes it (no Seldon CRD field is nullable).
   */
  private static Map<String, Object> extra(JsonNode spec, Set<String> typed) {
    Map<String, Object> out = new LinkedHashMap<>();
    spec.fields().forEachRemaining(e -> {
      if (!typed.contains(e.getKey()) && present(e.getValue())) {
        out.put(e.getKey(), plain(e.getValue()));
      }
    });
    return out;
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> {
        if (present(e.getValue())) {
          out.put(e.getKey(), plain(e.getValue()));
        }
      });
      return out;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.forEach(n -> out.add(plain(n)));
      return out;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNumber() ? node.numberValue() : node.textValue();
  }

  private static boolean present(JsonNode node) {
    return Fields.present(node);
  }

  private static String required(String value, String path) {
    if (value.isEmpty()) {
      throw new HpaValidationException(path + " must be set (was unset)");
    }
    return value;
  }

  /** A mapping that must be there. */
  private static JsonNode mapping(JsonNode node, String path) {
    if (!present(node)) {
      throw new HpaValidationException(path + " must be set (was unset)");
    }
    return Fields.STRICT.mapping(node, path);
  }

  private static List<JsonNode> sequence(JsonNode node, String path) {
    return Fields.STRICT.sequence(node, path);
  }

  private static Optional<String> string(JsonNode node, String path) {
    return Fields.STRICT.string(node, path);
  }

  /** A label or selector value: Kubernetes refuses a number or boolean there, so it must be a string. */
  private static String scalar(JsonNode node, String path) {
    return string(node, path).orElseThrow(() -> new HpaValidationException(path + " must be a string (was unset)"));
  }

  private static Optional<Integer> integer(JsonNode node, String path) {
    OptionalInt value = Fields.STRICT.integer(node, path);
    return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
  }

  private static Optional<Quantity> quantity(JsonNode node, String path) {
    Optional<String> text = Fields.STRICT.quantityText(node, path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.parse(path, text.get()));
    } catch (HpaValidationException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new HpaValidationException(HpaRule.QUANTITY.message(path, ManifestReader.describe(node)));
    }
  }
}
