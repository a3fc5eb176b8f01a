package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.LabelSelectorRequirement;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.PrometheusDuration;
import io.github.seldonhpa.promql.SeldonPresets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A plan file: the YAML form of a {@link ScalingPlan} for teams that do not write Java, with the
 * prometheus-adapter rules that serve its metrics and, optionally, Seldon's native scaling settings. Keys
 * are the DSL's names and the metrics and behaviour are written as in an HPA; the format is in
 * {@code docs/cli.md}:
 *
 * <pre>{@code
 * kind: ScalingPlan
 * modelName: irisa0
 * namespace: seldon-mesh
 * serverName: mlserver
 * minReplicas: 1
 * maxReplicas: 3
 * metrics:
 * - type: Object
 *   object:
 *     metric: {name: infer_rps}
 *     target: {type: AverageValue, averageValue: 3}
 * adapter:
 *   preset: model-infer-rps
 *   window: 2m
 * }</pre>
 *
 * <p>A plan is checked by the same value types as the DSL, so a bad plan gets the DSL's message, prefixed
 * with the path in the file and followed by where it is: {@code behavior.scaleUp.policies[0].value must be
 * > 0 (was 0) (at irisa0.plan.yaml, document 1, line 17, column 14)}; unknown keys are errors. Every error
 * is a {@link ManifestReadException}. A file may hold several plans as YAML documents.
 */
public final class PlanFile {
  /** The {@code kind} of a plan document. */
  public static final String KIND = "ScalingPlan";
  /** The adapter's Helm release when the plan does not name one (the Seldon docs' {@code hpa-metrics}). */
  public static final String DEFAULT_ADAPTER_RELEASE = "hpa-metrics";
  /** The adapter's namespace when the plan does not name one (the Seldon docs' {@code seldon-monitoring}). */
  public static final String DEFAULT_ADAPTER_NAMESPACE = "seldon-monitoring";

  private static final Set<String> TOP = Set.of("apiVersion", "kind", "modelName", "namespace", "serverName",
      "storageUri", "requirements", "memory", "minReplicas", "maxReplicas", "metrics", "behavior", "adapter",
      "nativeScaling");
  private static final Set<String> ADAPTER = Set.of("preset", "window", "config", "release", "namespace");
  private static final Map<String, Set<String>> METRIC = Map.of(
      "Object", Set.of("metric", "describedObject", "target"),
      "External", Set.of("metric", "target"));
  private static final Set<String> NATIVE = Set.of("autoscalingModelEnabled", "modelInferenceLagThreshold",
      "modelInactiveSecondsThreshold", "scalingStatsPeriodSeconds");

  private final String source;
  private final int document;
  private final ScalingPlan plan;
  private final Optional<AdapterConfig> adapter;
  private final String adapterRelease;
  private final String adapterNamespace;
  private final Optional<NativeScaling> nativeScaling;

  private PlanFile(String source, int document, ScalingPlan plan, Optional<AdapterConfig> adapter,
      String adapterRelease, String adapterNamespace, Optional<NativeScaling> nativeScaling) {
    this.source = source;
    this.document = document;
    this.plan = plan;
    this.adapter = adapter;
    this.adapterRelease = adapterRelease;
    this.adapterNamespace = adapterNamespace;
    this.nativeScaling = nativeScaling;
  }

  /**
   * Reads the plans of a file ({@code -}: standard input), one per YAML document.
   *
   * @param file a plan file, or {@code -} for standard input
   * @return the plans, one per YAML document, in order
   */
  public static List<PlanFile> read(Path file) {
    return of(ManifestReader.create().read(file));
  }

  /**
   * Reads the plans of a YAML text; {@code source} names it in errors.
   *
   * @param source the name of the text in errors, such as a file path
   * @param yaml the YAML text, one plan per document
   * @return the plans, one per YAML document, in order
   */
  public static List<PlanFile> read(String source, String yaml) {
    return of(ManifestReader.create().read(source, yaml));
  }

  /**
   * {@return a plan built in Java (by a build step that renders plans from code), as if read from {@code source}: no
   * adapter, no native scaling}
   *
   * @param source the name the plan goes by in errors and findings
   * @param plan the plan
   */
  public static PlanFile of(String source, ScalingPlan plan) {
    return new PlanFile(source, 1, plan, Optional.empty(), DEFAULT_ADAPTER_RELEASE, DEFAULT_ADAPTER_NAMESPACE,
        Optional.empty());
  }

  private static List<PlanFile> of(List<Manifest> documents) {
    List<PlanFile> plans = new ArrayList<>(documents.size());
    for (Manifest m : documents) {
      plans.add(new Reading(m).plan());
    }
    return plans;
  }

  /** {@return the file or stream it was read from} */
  public String source() {
    return source;
  }

  /** {@return the YAML document of the file, counted from 1} */
  public int document() {
    return document;
  }

  /** {@return the plan} */
  public ScalingPlan plan() {
    return plan;
  }

  /** {@return the adapter config of {@code adapter:} (a preset or the rules as written), when given} */
  public Optional<AdapterConfig> adapter() {
    return adapter;
  }

  /** {@return Seldon's native scaling settings of {@code nativeScaling:}, when given} */
  public Optional<NativeScaling> nativeScaling() {
    return nativeScaling;
  }

  /**
   * {@return the objects to apply, in order: the Model (when the plan has a {@code storageUri}), the Model
   * HPA, the Server HPA (with a {@code serverName}) and the adapter ConfigMap (with an {@code adapter}), each
   * as a {@link Manifest} read back from the library's YAML (source {@code <source> (rendered)})}
   */
  public List<Manifest> objects() {
    List<String> docs = new ArrayList<>(4);
    docs.add(Manifests.yaml(plan));
    adapter.ifPresent(a -> docs.add(Manifests.adapterConfigMapYaml(adapterRelease, adapterNamespace, a)));
    return ManifestReader.create().read(source + " (rendered)", Manifests.join(docs));
  }

  /**
   * {@return the objects of several plans, each once: an object two plans render alike (a shared adapter ConfigMap)
   * is kept once; two different objects of the same kind, namespace and name are an error naming both plans}
   *
   * @param plans the plans, in the order their objects are kept
   */
  public static List<Manifest> objects(List<PlanFile> plans) {
    Map<String, Manifest> seen = new LinkedHashMap<>();
    Map<String, PlanFile> from = new LinkedHashMap<>();
    for (PlanFile p : plans) {
      for (Manifest m : p.objects()) {
        String key = m.describe();
        Manifest before = seen.putIfAbsent(key, m);
        if (before == null) {
          from.put(key, p);
        } else if (!before.equals(m)) {
          PlanFile first = from.get(key);
          throw new ManifestReadException(key + " is rendered differently by the plan at " + first.source
              + ", document " + first.document + " and this plan", p.source, p.document, null, null);
        }
      }
    }
    return new ArrayList<>(seen.values());
  }

  /**
   * {@return a file name for one object, unique per kind, namespace and name ({@code _} cannot occur in them):
   * {@code horizontalpodautoscaler_seldon-mesh_irisa0-model-hpa.yaml}}
   *
   * @param object the object to name
   * @param extension the file extension without the dot, such as {@code yaml}
   */
  public static String fileName(Manifest object, String extension) {
    return Manifest.or(object.kind(), "object").toLowerCase(java.util.Locale.ROOT) + "_"
        + object.namespace().map(ns -> ns + "_").orElse("") + Manifest.or(object.name(), "unnamed") + "." + extension;
  }

  /** One plan document being read: the field readers, each naming its path and position on error. */
  private static final class Reading {
    private final Manifest m;

    Reading(Manifest m) {
      this.m = m;
    }

    PlanFile plan() {
      JsonNode root = m.node();
      keys(root, "", TOP);
      String kind = string(root.get("kind"), "kind").orElse("");
      if (!kind.equals(KIND)) {
        throw error("kind must be " + KIND + " (was " + (kind.isEmpty() ? "unset" : "\"" + kind + "\"") + ")", "kind");
      }
      ScalingPlan.Builder b = ScalingPlan.builder();
      b.modelName(required(root, "modelName"));
      b.namespace(required(root, "namespace"));
      string(root.get("serverName"), "serverName").ifPresent(b::serverName);
      string(root.get("storageUri"), "storageUri").ifPresent(b::storageUri);
      List<JsonNode> requirements = sequence(root.get("requirements"), "requirements");
      for (int i = 0; i < requirements.size(); i++) {
        b.addRequirement(string(requirements.get(i), YamlPaths.index("requirements", i)).orElse(""));
      }
      quantity(root.get("memory"), "memory").ifPresent(b::memory);
      b.minReplicas(integer(root.get("minReplicas"), "minReplicas")
          .orElseThrow(() -> error("minReplicas must be set (was unset)", "")));
      b.maxReplicas(integer(root.get("maxReplicas"), "maxReplicas")
          .orElseThrow(() -> error("maxReplicas must be set (was unset)", "")));
      List<JsonNode> metrics = sequence(root.get("metrics"), "metrics");
      for (int i = 0; i < metrics.size(); i++) {
        b.addMetric(metric(metrics.get(i), YamlPaths.index("metrics", i)));
      }
      JsonNode behavior = root.get("behavior");
      if (present(behavior)) {
        keys(behavior, "behavior", Set.of("scaleUp", "scaleDown"));
        rules(behavior.get("scaleUp"), "behavior.scaleUp").ifPresent(b::scaleUp);
        rules(behavior.get("scaleDown"), "behavior.scaleDown").ifPresent(b::scaleDown);
      }
      ScalingPlan plan = build("", b::build);
      Optional<AdapterConfig> adapter = Optional.empty();
      String release = DEFAULT_ADAPTER_RELEASE;
      String namespace = DEFAULT_ADAPTER_NAMESPACE;
      JsonNode a = root.get("adapter");
      if (present(a)) {
        keys(a, "adapter", ADAPTER);
        adapter = Optional.of(adapter(a));
        release = string(a.get("release"), "adapter.release").orElse(release);
        namespace = string(a.get("namespace"), "adapter.namespace").orElse(namespace);
        String r = release;
        String ns = namespace;
        AdapterConfig config = adapter.get();
        build("adapter", () -> Manifests.adapterConfigMapYaml(r, ns, config));
      }
      return new PlanFile(m.source(), m.document(), plan, adapter, release, namespace,
          nativeScaling(root.get("nativeScaling")));
    }

    private AdapterConfig adapter(JsonNode a) {
      Optional<String> preset = string(a.get("preset"), "adapter.preset");
      JsonNode config = a.get("config");
      if (preset.isPresent() == present(config)) {
        throw error("adapter must have either preset or config (was " + (preset.isPresent() ? "both" : "neither") + ")",
            "adapter");
      }
      if (present(config)) {
        if (present(a.get("window"))) {
          throw error("adapter.window must be unset with adapter.config: the rules carry their own windows", "adapter.window");
        }
        AdapterConfig parsed = build("", () -> AdapterConfigs.parse(config, "adapter.config"));
        build("adapter.config", parsed::validate);
        return parsed;
      }
      Duration window = string(a.get("window"), "adapter.window")
          .map(w -> build("", () -> PrometheusDuration.parse("adapter.window", w)))
          .orElse(Duration.ofMinutes(2));
      switch (preset.get()) {
        case "model-infer-rps":
          return SeldonPresets.inferRpsConfig(window);
        case "model-latency":
          return AdapterConfig.builder().addRule(SeldonPresets.modelLatency(window)).build();
        case "model-infer-rps-and-latency":
          return AdapterConfig.builder().addRule(SeldonPresets.modelInferRps(window))
              .addRule(SeldonPresets.modelLatency(window)).build();
        default:
          throw error("adapter.preset must be model-infer-rps, model-latency or model-infer-rps-and-latency (was \""
              + preset.get() + "\")", "adapter.preset");
      }
    }

    private Optional<NativeScaling> nativeScaling(JsonNode node) {
      if (!present(node)) {
        return Optional.empty();
      }
      keys(node, "nativeScaling", NATIVE);
      NativeScaling.Builder b = NativeScaling.builder();
      JsonNode enabled = node.get("autoscalingModelEnabled");
      if (present(enabled)) {
        if (!enabled.isBoolean()) {
          throw error("nativeScaling.autoscalingModelEnabled must be true or false (was "
              + ManifestReader.describe(enabled) + ")", "nativeScaling.autoscalingModelEnabled");
        }
        b.autoscalingModelEnabled(enabled.booleanValue());
      }
      integer(node.get("modelInferenceLagThreshold"), "nativeScaling.modelInferenceLagThreshold")
          .ifPresent(b::modelInferenceLagThreshold);
      integer(node.get("modelInactiveSecondsThreshold"), "nativeScaling.modelInactiveSecondsThreshold")
          .ifPresent(s -> b.modelInactiveThreshold(Duration.ofSeconds(s)));
      integer(node.get("scalingStatsPeriodSeconds"), "nativeScaling.scalingStatsPeriodSeconds")
          .ifPresent(s -> b.scalingStatsPeriod(Duration.ofSeconds(s)));
      return Optional.of(build("nativeScaling", b::build));
    }

    private Metric metric(JsonNode node, String path) {
      JsonNode type = node == null ? null : node.get("type");
      String t = string(type, YamlPaths.key(path, "type"))
          .orElseThrow(() -> error(YamlPaths.key(path, "type") + " must be set (was unset)", path));
      if (!METRIC.containsKey(t)) {
        throw error(YamlPaths.key(path, "type") + " must be Object or External in a plan: the plan's metrics go on"
            + " the Model HPA, and a Seldon Model's selector matches no pods (was \"" + t + "\")",
            YamlPaths.key(path, "type"));
      }
      String field = t.equals("Object") ? "object" : "external";
      keys(node, path, Set.of("type", field));
      String p = YamlPaths.key(path, field);
      JsonNode source = mapping(node.get(field), p);
      keys(source, p, METRIC.get(t));
      String name = metricName(source, p);
      Optional<LabelSelector> selector = selector(source, p);
      MetricTarget target = target(source.get("target"), YamlPaths.key(p, "target"));
      if (t.equals("External")) {
        return build(p, () -> ExternalMetric.builder().metricName(name).selector(selector).target(target).build());
      }
      Optional<ObjectReference> described = Optional.empty();
      if (present(source.get("describedObject"))) {
        String dp = YamlPaths.key(p, "describedObject");
        JsonNode d = mapping(source.get("describedObject"), dp);
        keys(d, dp, Set.of("apiVersion", "kind", "name"));
        String apiVersion = string(d.get("apiVersion"), YamlPaths.key(dp, "apiVersion")).orElse("");
        String kind = string(d.get("kind"), YamlPaths.key(dp, "kind")).orElse("");
        String dname = string(d.get("name"), YamlPaths.key(dp, "name")).orElse("");
        described = Optional.of(build(dp, () -> ObjectReference.of(apiVersion, kind, dname)));
      }
      Optional<ObjectReference> d = described;
      return build(p, () -> ObjectMetric.builder().metricName(name).selector(selector).target(target)
          .describedObject(d).build());
    }

    private String metricName(JsonNode source, String path) {
      String mp = YamlPaths.key(path, "metric");
      JsonNode metric = mapping(source.get("metric"), mp);
      keys(metric, mp, Set.of("name", "selector"));
      return string(metric.get("name"), YamlPaths.key(mp, "name"))
          .orElseThrow(() -> error(YamlPaths.key(mp, "name") + " must be set (was unset)", mp));
    }

    private Optional<LabelSelector> selector(JsonNode source, String path) {
      String p = YamlPaths.key(YamlPaths.key(path, "metric"), "selector");
      JsonNode node = source.path("metric").get("selector");
      if (!present(node)) {
        return Optional.empty();
      }
      keys(node, p, Set.of("matchLabels", "matchExpressions"));
      LabelSelector.Builder b = LabelSelector.builder();
      JsonNode labels = node.get("matchLabels");
      if (present(labels)) {
        String lp = YamlPaths.key(p, "matchLabels");
        mapping(labels, lp);
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String vp = YamlPaths.key(lp, e.getKey());
          b.putMatchLabel(e.getKey(), string(e.getValue(), vp).orElseThrow(() -> error(vp + " must be a string (was unset)", vp)));
        }
      }
      List<JsonNode> expressions = sequence(node.get("matchExpressions"), YamlPaths.key(p, "matchExpressions"));
      for (int i = 0; i < expressions.size(); i++) {
        String ep = YamlPaths.index(YamlPaths.key(p, "matchExpressions"), i);
        JsonNode e = mapping(expressions.get(i), ep);
        keys(e, ep, Set.of("key", "operator", "values"));
        String op = string(e.get("operator"), YamlPaths.key(ep, "operator")).orElse("");
        LabelSelectorRequirement.Builder r = LabelSelectorRequirement.builder()
            .key(string(e.get("key"), YamlPaths.key(ep, "key")).orElse(""))
            .operator(build("", () -> LabelSelectorRequirement.Operator.fromYaml(YamlPaths.key(ep, "operator"), op)));
        List<JsonNode> values = sequence(e.get("values"), YamlPaths.key(ep, "values"));
        for (int j = 0; j < values.size(); j++) {
          r.addValue(string(values.get(j), YamlPaths.index(YamlPaths.key(ep, "values"), j)).orElse(""));
        }
        b.addMatchExpression(build(ep, r::build));
      }
      return Optional.of(build(p, b::build));
    }

    private MetricTarget target(JsonNode node, String path) {
      mapping(node, path);
      keys(node, path, Set.of("type", "value", "averageValue", "averageUtilization"));
      String type = string(node.get("type"), YamlPaths.key(path, "type"))
          .orElseThrow(() -> error(YamlPaths.key(path, "type") + " must be set (was unset)", path));
      MetricTarget.Builder b = MetricTarget.builder()
          .type(build("", () -> MetricTarget.Type.fromYaml(YamlPaths.key(path, "type"), type)));
      quantity(node.get("value"), YamlPaths.key(path, "value")).ifPresent(b::value);
      quantity(node.get("averageValue"), YamlPaths.key(path, "averageValue")).ifPresent(b::averageValue);
      integer(node.get("averageUtilization"), YamlPaths.key(path, "averageUtilization")).ifPresent(b::averageUtilization);
      return build(path, b::build);
    }

    private Optional<ScalingRules> rules(JsonNode node, String path) {
      if (!present(node)) {
        return Optional.empty();
      }
      keys(node, path, Set.of("stabilizationWindowSeconds", "selectPolicy", "tolerance", "policies"));
      ScalingRules.Builder b = ScalingRules.builder();
      integer(node.get("stabilizationWindowSeconds"), YamlPaths.key(path, "stabilizationWindowSeconds"))
          .ifPresent(s -> b.stabilizationWindow(Duration.ofSeconds(s)));
      string(node.get("selectPolicy"), YamlPaths.key(path, "selectPolicy")).ifPresent(s -> b.selectPolicy(
          build("", () -> ScalingRules.SelectPolicy.fromYaml(YamlPaths.key(path, "selectPolicy"), s))));
      quantity(node.get("tolerance"), YamlPaths.key(path, "tolerance")).ifPresent(b::tolerance);
      List<JsonNode> policies = sequence(node.get("policies"), YamlPaths.key(path, "policies"));
      for (int i = 0; i < policies.size(); i++) {
        String pp = YamlPaths.index(YamlPaths.key(path, "policies"), i);
        JsonNode p = mapping(policies.get(i), pp);
        keys(p, pp, Set.of("type", "value", "periodSeconds"));
        String type = string(p.get("type"), YamlPaths.key(pp, "type"))
            .orElseThrow(() -> error(YamlPaths.key(pp, "type") + " must be set (was unset)", pp));
        int value = integer(p.get("value"), YamlPaths.key(pp, "value"))
            .orElseThrow(() -> error(YamlPaths.key(pp, "value") + " must be set (was unset)", pp));
        int period = integer(p.get("periodSeconds"), YamlPaths.key(pp, "periodSeconds"))
            .orElseThrow(() -> error(YamlPaths.key(pp, "periodSeconds") + " must be set (was unset)", pp));
        b.addPolicy(build(pp, () -> ScalingPolicy.of(
            ScalingPolicy.Type.fromYaml(YamlPaths.key(pp, "type"), type), value, Duration.ofSeconds(period))));
      }
      return Optional.of(build(path, b::build));
    }

    /**
     * Builds a value; its check's message names a field relative to {@code path} ({@code value must be > 0}),
     * so the error gets the path prepended and points at that field, or at the nearest written parent.
     */
    private <T> T build(String path, Supplier<T> value) {
      try {
        return value.get();
      } catch (ManifestReadException e) {
        throw e;
      } catch (HpaValidationException e) {
        String message = e.getMessage();
        String full = path.isEmpty() || message.startsWith(path + ".") ? message : path + "." + message;
        throw error(full, full.substring(0, Math.max(0, full.indexOf(' '))));
      }
    }

    private ManifestReadException error(String problem, String path) {
      String p = path;
      while (true) {
        Optional<Position> at = m.position(p);
        if (at.isPresent() || p.isEmpty()) {
          return new ManifestReadException(problem, m.source(), m.document(), at.orElse(null), null);
        }
        p = parent(p);
      }
    }

    /** {@code metrics[0].object.target} to {@code metrics[0].object}, {@code metrics[0]} to {@code metrics}. */
    private static String parent(String path) {
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      while (cut > 0 && path.charAt(path.length() - 1) == '"' && inQuotes(path, cut)) {
        cut = Math.max(path.lastIndexOf('.', cut - 1), path.lastIndexOf('[', cut - 1));
      }
      return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static boolean inQuotes(String path, int at) {
      int quotes = 0;
      for (int i = 0; i < at; i++) {
        quotes += path.charAt(i) == '"' ? 1 : 0;
      }
      return quotes % 2 == 1;
    }

    private void keys(JsonNode node, String path, Set<String> known) {
      mapping(node, path.isEmpty() ? "plan" : path);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!known.contains(key)) {
          String kp = YamlPaths.key(path, key);
          throw error(kp + " is not a field of " + (path.isEmpty() ? "a plan" : path) + " (was set)", kp);
        }
      }
    }

    private String required(JsonNode root, String key) {
      return string(root.get(key), key).orElseThrow(() -> error(key + " must be set (was unset)", ""));
    }

    private JsonNode mapping(JsonNode node, String path) {
      if (!present(node)) {
        throw error(path + " must be set (was unset)", path);
      }
      if (!node.isObject()) {
        throw error(path + " must be a mapping (was " + ManifestReader.describe(node) + ")", path);
      }
      return node;
    }

    private List<JsonNode> sequence(JsonNode node, String path) {
      if (!present(node)) {
        return List.of();
      }
      if (!node.isArray()) {
        throw error(path + " must be a sequence (was " + ManifestReader.describe(node) + ")", path);
      }
      List<JsonNode> out = new ArrayList<>();
      node.forEach(out::add);
      return out;
    }

    private Optional<String> string(JsonNode node, String path) {
      if (!present(node)) {
        return Optional.empty();
      }
      if (!node.isTextual()) {
        throw error(path + " must be a string (was " + ManifestReader.describe(node) + ")", path);
      }
      return Optional.of(node.textValue());
    }

    private Optional<Integer> integer(JsonNode node, String path) {
      if (!present(node)) {
        return Optional.empty();
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw error(path + " must be an integer (was " + ManifestReader.describe(node) + ")", path);
      }
      return Optional.of(node.intValue());
    }

    private Optional<Quantity> quantity(JsonNode node, String path) {
      if (!present(node)) {
        return Optional.empty();
      }
      if (!node.isTextual() && !node.isNumber()) {
        throw error(path + " must be a quantity (was " + ManifestReader.describe(node) + ")", path);
      }
      return Optional.of(build("", () -> Quantity.parse(path, node.asText())));
    }

    private static boolean present(JsonNode node) {
      return node != null && !node.isNull() && !node.isMissingNode();
    }
  }
}
