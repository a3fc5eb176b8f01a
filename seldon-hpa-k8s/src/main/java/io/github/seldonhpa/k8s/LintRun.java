package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.DiscoveryRule;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.PrometheusDuration;
import io.github.seldonhpa.promql.RegisteredMetric;
import io.github.seldonhpa.promql.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One run of {@link Lint} over a set of manifests: indexes them, then runs every check. */
final class LintRun {
  private static final String SELDON_GROUP = "mlops.seldon.io";
  private static final String SELDON_API_VERSION = "mlops.seldon.io/v1alpha1";
  private static final Set<String> NOT_SCALABLE = Set.of("Pipeline", "Experiment", "SeldonRuntime",
      "SeldonConfig", "ServerConfig");
  private static final Set<String> CHECKED_KINDS = Set.of("HorizontalPodAutoscaler", "Model", "Server",
      "ServerConfig", "ConfigMap");
  private static final Pattern RANGE = Pattern.compile("\\[\\s*([0-9][0-9a-z]*)\\s*(?::[^\\]]*)?\\]");
  private static final Pattern CODE_MATCHER = Pattern.compile("\\bcode\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
  private static final Pattern METHOD_TYPE_MATCHER = Pattern.compile("\\bmethod_type\\s*(=~|=)\\s*\"([^\"]*)\"");
  private static final Pattern EXACT_SERIES = Pattern.compile(
      "\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*(?:\\{(.*)\\})?\\s*", Pattern.DOTALL);
  private static final Pattern NAME_EQUALS = Pattern.compile("__name__\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern AGGREGATION = Pattern.compile(
      "\\b(sum|avg|min|max|count|group|stddev|stdvar|quantile|topk|bottomk|count_values)\\s*(\\(|by\\b|without\\b)");
  private static final String CONFIG_KEY = "config.yaml";

  private final List<Manifest> manifests;
  private final Optional<AdapterConfig> given;
  private final LintFacts facts;
  private final List<Emitted> findings = new ArrayList<>();
  private final Set<String> invalidReported = new HashSet<>();
  private final List<Hpa> hpas = new ArrayList<>();
  private final List<Adapter> adapters = new ArrayList<>();
  /** Seldon Models and Servers by {@code kind/name}: their indexes in {@link #manifests}. */
  private final Map<String, List<Integer>> byKindName = new HashMap<>();
  /** Namespaces of the HPAs scaling each Model name. */
  private final Map<String, List<String>> scaledModels = new HashMap<>();
  /** Names of the Models whose {@code spec.server} names a Server. */
  private final Map<String, List<String>> modelsOnServer = new HashMap<>();

  LintRun(List<Manifest> manifests, Optional<AdapterConfig> given, LintFacts facts) {
    this.manifests = List.copyOf(manifests);
    this.given = given;
    this.facts = facts;
  }

  /** A finding with the order it sorts by. */
  private static final class Emitted {
    final int order;
    final Finding finding;

    Emitted(int order, Finding finding) {
      this.order = order;
      this.finding = finding;
    }
  }

  /** Where findings about one object go: a manifest, or the adapter config given as a value. */
  private final class Subject {
    final int order;
    final Manifest manifest;

    Subject(int order, Manifest manifest) {
      this.order = order;
      this.manifest = manifest;
    }

    void report(LintCode code, String path, String message, String fix) {
      Finding.Builder f = Finding.builder().code(code).path(path).message(message).fix(fix);
      if (manifest == null) {
        f.source("<adapter config>").document(0).object("prometheus-adapter config");
      } else {
        f.source(manifest.source()).document(manifest.document())
            .object(manifest.kind().isPresent() ? manifest.describe() : "prometheus-adapter config")
            .position(nearestPosition(path));
      }
      findings.add(new Emitted(order, f.build()));
    }

    private Optional<Position> nearestPosition(String path) {
      String p = path;
      while (true) {
        Optional<Position> at = manifest.position(p);
        if (at.isPresent() || p.isEmpty()) {
          return at;
        }
        p = parent(p);
      }
    }

    /** The string at a path, reporting a non-string as {@link LintCode#INVALID_FIELD}. */
    Optional<String> string(JsonNode node, String path) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return Optional.empty();
      }
      if (!node.isTextual()) {
        invalid(path, "a string", node);
        return Optional.empty();
      }
      return Optional.of(node.textValue());
    }

    /** The integer at a path, reporting anything else as {@link LintCode#INVALID_FIELD}. */
    OptionalInt integer(JsonNode node, String path) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return OptionalInt.empty();
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        invalid(path, "an integer", node);
        return OptionalInt.empty();
      }
      return OptionalInt.of(node.intValue());
    }

    /** The mapping at a path (or a missing node), reporting anything else. */
    JsonNode mapping(JsonNode node, String path) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      if (!node.isObject()) {
        invalid(path, "a mapping", node);
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      return node;
    }

    /** The sequence at a path (or an empty one), reporting anything else. */
    List<JsonNode> sequence(JsonNode node, String path) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return List.of();
      }
      if (!node.isArray()) {
        invalid(path, "a sequence", node);
        return List.of();
      }
      List<JsonNode> out = new ArrayList<>();
      node.forEach(out::add);
      return out;
    }

    void invalid(String path, String expected, JsonNode node) {
      if (invalidReported.add(order + " " + path)) {
        report(LintCode.INVALID_FIELD, path, path + " must be " + expected + " (was "
            + ManifestReader.describe(node) + ")", "write " + path + " as " + expected);
      }
    }
  }

  /** An HPA as read, with the fields the checks share. */
  private static final class Hpa {
    Subject subject;
    Manifest manifest;
    String namespace;
    String targetApiVersion;
    String targetKind;
    String targetName;
    OptionalInt minReplicas;
    OptionalInt maxReplicas;
    JsonNode spec;
    boolean seldon;
    boolean checked;

    boolean targetsModel() {
      return checked && "Model".equals(targetKind);
    }

    boolean targetsServer() {
      return checked && "Server".equals(targetKind);
    }

    String display() {
      return (namespace.isEmpty() ? "" : namespace + "/") + manifest.name().orElse("(no name)");
    }
  }

  /** An adapter config found among the manifests or given, with the metrics it registers. */
  private static final class Adapter {
    Subject subject;
    String prefix;
    AdapterConfig config;
    /** Whether it loads; the served checks use only configs that do. */
    boolean loads;
    /** Explanations by metric name, described kind and namespace: the object's own name changes nothing. */
    final Map<String, Explanation> explained = new HashMap<>();
    /** Per rule (custom rules, then external ones), the metrics it registers from the known series. */
    final List<List<RegisteredMetric>> registered = new ArrayList<>();
    /** Metric names custom rules may serve from series lint does not know (a recording rule, say). */
    final Set<String> unknownSeriesNames = new TreeSet<>();
    /** Whether such a rule names its metrics with a regexp, so any name may be served. */
    boolean unknownSeriesAnyName;

    /** Whether a metric of this name may come from series lint does not know, so its absence proves nothing. */
    boolean mayServeUnknown(String name) {
      return unknownSeriesAnyName || unknownSeriesNames.contains(name);
    }

    String rulePath(int index) {
      int custom = config.rules().size();
      return index < custom ? YamlPaths.index(YamlPaths.key(prefix, "rules"), index)
          : YamlPaths.index(YamlPaths.key(prefix, "externalRules"), index - custom);
    }

    DiscoveryRule rule(int index) {
      int custom = config.rules().size();
      return index < custom ? config.rules().get(index) : config.externalRules().get(index - custom);
    }

    boolean external(int index) {
      return index >= config.rules().size();
    }

    List<RegisteredMetric> all() {
      return registered.stream().flatMap(List::stream).collect(Collectors.toList());
    }
  }

  List<Finding> run() {
    for (int i = 0; i < manifests.size(); i++) {
      Manifest m = manifests.get(i);
      for (String kind : new String[] {"Model", "Server"}) {
        if (isSeldon(m, kind)) {
          byKindName.computeIfAbsent(kind + "/" + m.name().orElse(""), k -> new ArrayList<>()).add(i);
        }
      }
      JsonNode server = m.node().path("spec").path("server");
      if (isSeldon(m, "Model") && server.isTextual()) {
        modelsOnServer.computeIfAbsent(server.textValue(), k -> new ArrayList<>()).add(m.name().orElse(""));
      }
      index(new Subject(i, m));
    }
    given.ifPresent(config -> {
      Adapter a = new Adapter();
      a.subject = new Subject(manifests.size(), null);
      a.prefix = "";
      a.config = config;
      adapters.add(a);
    });
    for (Adapter a : adapters) {
      if (a.config != null) {
        checkAdapter(a);
      }
    }
    for (Hpa hpa : hpas) {
      checkHpa(hpa);
    }
    for (Hpa h : hpas) {
      if (h.targetsModel()) {
        scaledModels.computeIfAbsent(h.targetName, k -> new ArrayList<>()).add(h.namespace);
      }
    }
    checkDuplicateTargets();
    checkPairs();
    KedaLint.check(manifests).forEach(f -> findings.add(new Emitted(f.order(), f.finding())));
    for (int i = 0; i < manifests.size(); i++) {
      Manifest m = manifests.get(i);
      if (isSeldon(m, "Model")) {
        checkModelNativeScaling(new Subject(i, m));
      }
      if (isSeldon(m, "Server") || isSeldon(m, "ServerConfig")) {
        checkServerLabels(new Subject(i, m));
      }
    }
    return findings.stream()
        .sorted(Comparator.<Emitted>comparingInt(e -> e.order)
            .thenComparing(e -> e.finding.code().id())
            .thenComparing(e -> e.finding.path()))
        .map(e -> e.finding)
        .collect(Collectors.toUnmodifiableList());
  }

  // ---------------------------------------------------------------- indexing

  private void index(Subject s) {
    Manifest m = s.manifest;
    String kind = m.kind().orElse("");
    if (kind.isEmpty()) {
      if (AdapterConfigs.looksLikeConfig(m.node())) {
        addAdapter(s, m.node(), "");
      } else {
        s.report(LintCode.NOT_CHECKED, "", "the document has no kind and is not a prometheus-adapter config",
            "add apiVersion and kind, or leave it out of the lint run");
      }
      return;
    }
    if (kind.equals("HorizontalPodAutoscaler")) {
      hpas.add(readHpa(s));
    } else if (kind.equals("ConfigMap")) {
      indexConfigMap(s);
    } else if (!KedaLint.isScaledObject(m)
        && (!CHECKED_KINDS.contains(kind) || !m.apiVersion().orElse("").startsWith(SELDON_GROUP + "/"))) {
      s.report(LintCode.NOT_CHECKED, "kind", "kind " + kind + " (" + m.apiVersion().orElse("no apiVersion")
          + ") is not checked", "nothing to do; lint checks HPAs, Seldon Models, Servers and ServerConfigs"
          + " and prometheus-adapter ConfigMaps");
    }
  }

  private void indexConfigMap(Subject s) {
    JsonNode data = s.mapping(s.manifest.node().get("data"), "data");
    String path = YamlPaths.key("data", CONFIG_KEY);
    Optional<String> text = s.string(data.get(CONFIG_KEY), path);
    if (text.isEmpty()) {
      s.report(LintCode.NOT_CHECKED, "data", "the ConfigMap has no " + CONFIG_KEY
          + " key, so it is not a prometheus-adapter config", "nothing to do");
      return;
    }
    JsonNode tree;
    try {
      List<Manifest> read = ManifestReader.create().read(s.manifest.source() + " " + path, text.get());
      tree = read.isEmpty() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
          : read.get(0).node();
    } catch (ManifestReadException e) {
      s.report(LintCode.ADAPTER_CONFIG_INVALID, path, path + " is not valid YAML: " + e.problem()
          + e.position().map(p -> " (at " + p + " of the value)").orElse(""),
          "fix the YAML of " + path + "; the adapter does not start with it");
      return;
    }
    addAdapter(s, tree, path);
  }

  private void addAdapter(Subject s, JsonNode tree, String prefix) {
    Adapter a = new Adapter();
    a.subject = s;
    a.prefix = prefix;
    try {
      a.config = AdapterConfigs.parse(tree, prefix);
    } catch (HpaValidationException e) {
      s.report(LintCode.ADAPTER_CONFIG_INVALID, prefix, e.getMessage(),
          "fix the config: the adapter loads it strictly and does not start otherwise");
    }
    adapters.add(a);
  }

  private Hpa readHpa(Subject s) {
    Hpa h = new Hpa();
    h.subject = s;
    h.manifest = s.manifest;
    h.namespace = s.manifest.namespace().orElse("");
    JsonNode root = s.manifest.node();
    h.spec = s.mapping(root.get("spec"), "spec");
    JsonNode ref = s.mapping(h.spec.get("scaleTargetRef"), "spec.scaleTargetRef");
    h.targetApiVersion = s.string(ref.get("apiVersion"), "spec.scaleTargetRef.apiVersion").orElse("");
    h.targetKind = s.string(ref.get("kind"), "spec.scaleTargetRef.kind").orElse("");
    h.targetName = s.string(ref.get("name"), "spec.scaleTargetRef.name").orElse("");
    boolean describesSeldon = false;
    for (JsonNode metric : h.spec.path("metrics")) {
      describesSeldon |= group(metric.path("object").path("describedObject").path("apiVersion").asText())
          .equals(SELDON_GROUP);
    }
    h.seldon = group(h.targetApiVersion).equals(SELDON_GROUP) || describesSeldon
        || h.targetKind.equals("Model") || h.targetKind.equals("Server");
    return h;
  }

  // ---------------------------------------------------------------- HPA checks

  private void checkHpa(Hpa h) {
    if (!h.seldon) {
      return;
    }
    Subject s = h.subject;
    String apiVersion = h.manifest.apiVersion().orElse("");
    if (!apiVersion.equals("autoscaling/v2")) {
      s.report(LintCode.HPA_API_VERSION, "apiVersion", "apiVersion must be autoscaling/v2 for a Seldon HPA (was "
          + (apiVersion.isEmpty() ? "unset" : apiVersion) + ")",
          "use apiVersion: autoscaling/v2 (autoscaling/v1 has no Object metrics and v2beta2 was removed in"
              + " Kubernetes 1.26)");
      return;
    }
    if (!checkTarget(h)) {
      return;
    }
    h.checked = true;
    h.minReplicas = s.integer(h.spec.get("minReplicas"), "spec.minReplicas");
    h.maxReplicas = s.integer(h.spec.get("maxReplicas"), "spec.maxReplicas");
    checkReplicaRange(h);
    List<JsonNode> metrics = s.sequence(h.spec.get("metrics"), "spec.metrics");
    for (int i = 0; i < metrics.size(); i++) {
      checkMetric(h, metrics.get(i), YamlPaths.index("spec.metrics", i));
    }
    JsonNode behavior = s.mapping(h.spec.get("behavior"), "spec.behavior");
    checkRules(h, s.mapping(behavior.get("scaleUp"), "spec.behavior.scaleUp"), "spec.behavior.scaleUp", true);
    checkRules(h, s.mapping(behavior.get("scaleDown"), "spec.behavior.scaleDown"), "spec.behavior.scaleDown",
        false);
    if (h.targetsModel()) {
      facts.seldonAtLeast(2, 8, 4).filter(ok -> !ok).ifPresent(ok -> s.report(LintCode.MODEL_HPA_NEEDS_SELECTOR,
          "spec.scaleTargetRef.kind", "Seldon " + facts.seldonVersion().get()
              + " Models have no label selector (added in 2.8.4), so an HPA on a Model fails with"
              + " InvalidSelector", "upgrade Seldon Core 2 to 2.8.4 or later"));
      checkScaledModel(h);
    }
    if (h.targetsServer()) {
      checkScaledServer(h);
    }
  }

  /** Whether the HPA aims at a Seldon Model or Server as it should; reports it when not. */
  private boolean checkTarget(Hpa h) {
    Subject s = h.subject;
    String group = group(h.targetApiVersion);
    boolean seldonKind = h.targetKind.equals("Model") || h.targetKind.equals("Server");
    if (group.equals(SELDON_GROUP) && NOT_SCALABLE.contains(h.targetKind)) {
      s.report(LintCode.HPA_TARGET_NOT_SCALABLE, "spec.scaleTargetRef.kind", "scaleTargetRef kind "
          + h.targetKind + " has no scale subresource, so the HPA cannot scale it (was " + h.targetKind + ")",
          "aim the HPA at the Seldon Model (and its Server) that does the work");
      return false;
    }
    if (group.equals(SELDON_GROUP) && !seldonKind) {
      s.report(LintCode.HPA_TARGET_NOT_SELDON, "spec.scaleTargetRef.kind", "scaleTargetRef kind must be Model"
          + " or Server in " + SELDON_GROUP + " (was " + quote(h.targetKind) + ")",
          "set spec.scaleTargetRef.kind to Model or Server");
      return false;
    }
    if (seldonKind && !h.targetApiVersion.equals(SELDON_API_VERSION)) {
      s.report(LintCode.HPA_TARGET_NOT_SELDON, "spec.scaleTargetRef.apiVersion", "scaleTargetRef apiVersion"
          + " must be " + SELDON_API_VERSION + " for a Seldon " + h.targetKind + " (was "
          + quote(h.targetApiVersion) + ")", "set spec.scaleTargetRef.apiVersion: " + SELDON_API_VERSION);
      return false;
    }
    if (!seldonKind) {
      s.report(LintCode.HPA_TARGET_NOT_SELDON, "spec.scaleTargetRef", "the HPA reads a Seldon metric but scales "
          + h.targetKind + " " + h.targetName + ", not a Seldon Model or Server",
          "aim spec.scaleTargetRef at the Seldon Model or Server the metric describes");
      return false;
    }
    return true;
  }

  private void checkReplicaRange(Hpa h) {
    Subject s = h.subject;
    if (h.maxReplicas.isEmpty() && !h.spec.has("maxReplicas")) {
      s.report(LintCode.HPA_REPLICAS_OUT_OF_RANGE, "spec.maxReplicas", "spec.maxReplicas must be set (was unset)",
          "set spec.maxReplicas to the most replicas the peak load needs");
    }
    h.maxReplicas.ifPresent(max -> {
      if (max < 1) {
        s.report(LintCode.HPA_REPLICAS_OUT_OF_RANGE, "spec.maxReplicas",
            "spec.maxReplicas must be >= 1 (was " + max + ")", "set spec.maxReplicas to at least 1");
      }
    });
    h.minReplicas.ifPresent(min -> {
      if (min < 1) {
        s.report(LintCode.HPA_REPLICAS_OUT_OF_RANGE, "spec.minReplicas", "spec.minReplicas must be >= 1 unless"
            + " the HPAScaleToZero feature gate is on (was " + min + ")", "set spec.minReplicas to at least 1");
      } else if (h.maxReplicas.isPresent() && h.maxReplicas.getAsInt() >= 1 && min > h.maxReplicas.getAsInt()) {
        s.report(LintCode.HPA_REPLICAS_OUT_OF_RANGE, "spec.minReplicas", "spec.minReplicas must be <= maxReplicas "
            + h.maxReplicas.getAsInt() + " (was " + min + ")", "lower spec.minReplicas or raise spec.maxReplicas");
      }
    });
  }

  private void checkMetric(Hpa h, JsonNode metric, String path) {
    Subject s = h.subject;
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
      String targetTypePath = YamlPaths.key(YamlPaths.key(sectionPath, "target"), "type");
      s.string(target.get("type"), targetTypePath)
          .filter(t -> !t.equals("AverageValue"))
          .ifPresent(t -> s.report(LintCode.OBJECT_TARGET_NOT_AVERAGE_VALUE, targetTypePath,
              "Object metric target type must be AverageValue on a Seldon HPA: " + t + " divides by the"
                  + " target's pods, and a Seldon Model selects none (was " + t + ")",
              "set target.type: AverageValue with target.averageValue the value per replica"));
    }
    String metricPath = YamlPaths.key(sectionPath, "metric");
    JsonNode id = s.mapping(source.get("metric"), metricPath);
    Optional<String> name = s.string(id.get("name"), YamlPaths.key(metricPath, "name"));
    JsonNode selector = s.mapping(id.get("selector"), YamlPaths.key(metricPath, "selector"));
    Set<String> series = new TreeSet<>();
    if (name.isPresent() && adapters.stream().anyMatch(a -> a.loads)) {
      series = type.equals("Object") ? checkObjectServed(h, source, sectionPath, name.get())
          : checkRegistered(h, type.equals("External"), sectionPath, name.get());
    }
    checkSelector(s, selector, YamlPaths.key(metricPath, "selector"), series);
  }

  /**
   * Whether the adapter serves an Object metric for its described object, by prometheus-adapter's own
   * discovery and query building ({@link AdapterConfig#explain}); the names of the series behind it.
   */
  private Set<String> checkObjectServed(Hpa h, JsonNode source, String sectionPath, String name) {
    Subject s = h.subject;
    Set<String> series = new TreeSet<>();
    if (adapters.stream().anyMatch(a -> a.loads && a.mayServeUnknown(name))) {
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
      s.report(LintCode.METRIC_RESOURCE_NOT_MAPPED, describedPath, e.getMessage(),
          "describe the object the metric belongs to, normally the Seldon Model");
      return series;
    }
    List<String> nearMisses = new ArrayList<>();
    boolean nameRegistered = false;
    String resource = "";
    for (Adapter a : adapters) {
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
  private Set<String> checkRegistered(Hpa h, boolean external, String sectionPath, String name) {
    Set<String> series = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    for (Adapter a : adapters) {
      if (!a.loads || !external && a.mayServeUnknown(name)) {
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
      List<String> near = names.stream().filter(n -> distance(n, name) <= Math.max(2, name.length() / 4))
          .collect(Collectors.toList());
      h.subject.report(LintCode.METRIC_NOT_SERVED, YamlPaths.key(YamlPaths.key(sectionPath, "metric"), "name"),
          "metric " + name + " is served by no prometheus-adapter " + (external ? "external rule" : "rule for pods")
              + (near.isEmpty() ? "" : "; near misses: " + String.join(", ", near)),
          "use a metric name the adapter serves, or add a rule whose name.as gives " + name);
    }
    return series;
  }

  /** Levenshtein distance, for near misses of metric names. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private void checkSelector(Subject s, JsonNode selector, String path, Set<String> series) {
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
    oneProtocol(s, codes, methods, codePath, "selector keeps", "add the other protocol's success code: "
        + "matchExpressions: [{key: code, operator: In, values: [\"200\", \"OK\"]}], or also select method_type");
  }

  private void labelOnSeries(Subject s, String key, String path, Set<String> carried, Set<String> series) {
    if (!carried.isEmpty() && !carried.contains(key)) {
      s.report(LintCode.SELECTOR_LABEL_NOT_ON_SERIES, path, "selector label " + key + " is not on the series "
          + String.join(", ", series) + ", so the metric selects nothing (labels there: "
          + String.join(", ", carried) + ")", "select on one of the labels the series carry");
    }
  }

  /** REST counts success as code 200, gRPC as OK: a filter on one alone misses or miscounts the other. */
  private static void oneProtocol(Subject s, Set<String> codes, Set<String> methods, String path, String what,
      String fix) {
    boolean rest = codes.contains("200");
    boolean grpc = codes.contains("OK");
    if (rest == grpc) {
      return;
    }
    String only = rest ? "rest" : "grpc";
    if (methods.equals(Set.of(only))) {
      return;
    }
    s.report(LintCode.SUCCESS_CODE_ONE_PROTOCOL, path, what + " code " + (rest ? "200" : "OK") + " but not "
        + (rest ? "OK" : "200") + ": REST reports success as 200 and gRPC as OK, so "
        + (rest ? "gRPC" : "REST") + " requests are counted wrongly", fix);
  }

  private void checkRules(Hpa h, JsonNode rules, String path, boolean up) {
    Subject s = h.subject;
    if (rules.isMissingNode()) {
      return;
    }
    String windowPath = YamlPaths.key(path, "stabilizationWindowSeconds");
    s.integer(rules.get("stabilizationWindowSeconds"), windowPath).ifPresent(w -> {
      if (w < 0 || w > 3600) {
        s.report(LintCode.BEHAVIOR_OUT_OF_RANGE, windowPath, windowPath + " must be in 0..3600 (was " + w + ")",
            "set a stabilization window between 0 and 3600 seconds");
      }
    });
    String selectPath = YamlPaths.key(path, "selectPolicy");
    s.string(rules.get("selectPolicy"), selectPath)
        .filter(p -> !Set.of("Max", "Min", "Disabled").contains(p))
        .ifPresent(p -> s.report(LintCode.BEHAVIOR_OUT_OF_RANGE, selectPath, selectPath
            + " must be Max, Min or Disabled (was " + quote(p) + ")", "set selectPolicy to Max, Min or Disabled"));
    String tolerancePath = YamlPaths.key(path, "tolerance");
    JsonNode tolerance = rules.get("tolerance");
    if (tolerance != null && !tolerance.isNull()) {
      try {
        Quantity q = Quantity.parse(tolerancePath, tolerance.asText());
        if (!tolerance.isValueNode() || q.signum() < 0) {
          s.report(LintCode.BEHAVIOR_OUT_OF_RANGE, tolerancePath, tolerancePath + " must be >= 0 (was "
              + ManifestReader.describe(tolerance) + ")", "set a tolerance of 0 or more, such as 0.1");
        }
      } catch (HpaValidationException e) {
        s.invalid(tolerancePath, "a quantity", tolerance);
      }
    }
    String policiesPath = YamlPaths.key(path, "policies");
    JsonNode policiesNode = rules.get("policies");
    List<JsonNode> policies = s.sequence(policiesNode, policiesPath);
    if (policiesNode != null && policiesNode.isArray() && policies.isEmpty()) {
      s.report(LintCode.BEHAVIOR_OUT_OF_RANGE, policiesPath, policiesPath
          + " must list at least one policy (was empty)", "add a policy or remove the policies key for the defaults");
    }
    Optional<Duration> startup = facts.serverStartup();
    for (int i = 0; i < policies.size(); i++) {
      String pp = YamlPaths.index(policiesPath, i);
      JsonNode policy = s.mapping(policies.get(i), pp);
      String typePath = YamlPaths.key(pp, "type");
      Optional<String> type = s.string(policy.get("type"), typePath);
      type.filter(t -> !t.equals("Pods") && !t.equals("Percent"))
          .ifPresent(t -> s.report(LintCode.BEHAVIOR_OUT_OF_RANGE, typePath, typePath
              + " must be Pods or Percent (was " + quote(t) + ")", "set the policy type to Pods or Percent"));
      String valuePath = YamlPaths.key(pp, "value");
      OptionalInt value = s.integer(policy.get("value"), valuePath);
      value.ifPresent(v -> {
        if (v <= 0) {
          s.report(LintCode.BEHAVIOR_OUT_OF_RANGE, valuePath, valuePath + " must be > 0 (was " + v + ")",
              "set a policy value of at least 1");
        }
      });
      String periodPath = YamlPaths.key(pp, "periodSeconds");
      OptionalInt period = s.integer(policy.get("periodSeconds"), periodPath);
      period.ifPresent(p -> {
        if (p < 1 || p > 1800) {
          s.report(LintCode.BEHAVIOR_OUT_OF_RANGE, periodPath, periodPath + " must be in 1..1800 (was " + p + ")",
              "set periodSeconds between 1 and 1800");
        }
      });
      if (up && startup.isPresent() && period.isPresent() && period.getAsInt() >= 1
          && period.getAsInt() < startup.get().getSeconds() && value.isPresent() && value.getAsInt() > 0
          && !"Disabled".equals(rules.path("selectPolicy").asText())) {
        long seconds = startup.get().getSeconds();
        s.report(LintCode.SCALE_UP_FASTER_THAN_SERVER_START, periodPath, "scale-up policy adds up to "
            + value.getAsInt() + (type.orElse("").equals("Percent") ? "%" : " pods") + " every "
            + period.getAsInt() + " s but a server pod takes " + seconds + " s to start, so the HPA asks for more"
            + " before the last pods are ready (was " + period.getAsInt() + ")", "set periodSeconds to at least "
            + seconds + " with a Pods value the cluster can start in that time");
      }
    }
  }

  private void checkScaledModel(Hpa h) {
    Optional<Subject> found = find("Model", h.namespace, h.targetName);
    if (found.isEmpty()) {
      return;
    }
    Subject model = found.get();
    JsonNode spec = model.mapping(model.manifest.node().get("spec"), "spec");
    OptionalInt replicas = model.integer(spec.get("replicas"), "spec.replicas");
    if (!spec.has("replicas") || spec.get("replicas").isNull()) {
      model.report(LintCode.MODEL_REPLICAS_MISSING, "spec.replicas", "spec.replicas must be set on a Model scaled"
          + " by HorizontalPodAutoscaler " + h.display() + " (was unset)", "add spec.replicas: "
          + h.minReplicas.orElse(1) + "; the HPA writes this field and does nothing until it exists");
    }
    for (String field : new String[] {"minReplicas", "maxReplicas"}) {
      String path = YamlPaths.key("spec", field);
      model.integer(spec.get(field), path).ifPresent(v -> model.report(LintCode.MODEL_NATIVE_BOUNDS, path, path
          + " must not be set on a Model scaled by HorizontalPodAutoscaler " + h.display()
          + ": it turns on Seldon's native scaling, which fights the HPA (was " + v + ")",
          "remove spec.minReplicas and spec.maxReplicas from the Model; the bounds belong on the HPA"));
    }
    if (replicas.isPresent()) {
      int r = replicas.getAsInt();
      int min = h.minReplicas.orElse(1);
      OptionalInt max = h.maxReplicas;
      if (r < min || max.isPresent() && r > max.getAsInt()) {
        model.report(LintCode.MODEL_REPLICAS_OUT_OF_RANGE, "spec.replicas", "spec.replicas must be within "
            + min + ".." + (max.isPresent() ? String.valueOf(max.getAsInt()) : "") + ", the bounds of"
            + " HorizontalPodAutoscaler " + h.display() + " (was " + r + ")", "set spec.replicas to " + min
            + ", the HPA's minReplicas");
      }
    }
  }

  private void checkScaledServer(Hpa h) {
    Optional<Subject> found = find("Server", h.namespace, h.targetName);
    if (found.isEmpty()) {
      return;
    }
    Subject server = found.get();
    JsonNode spec = server.mapping(server.manifest.node().get("spec"), "spec");
    for (String field : new String[] {"minReplicas", "maxReplicas"}) {
      String path = YamlPaths.key("spec", field);
      server.integer(spec.get(field), path).ifPresent(v -> server.report(LintCode.SERVER_NATIVE_BOUNDS, path,
          path + " must not be set on a Server scaled by HorizontalPodAutoscaler " + h.display() + ": Seldon's"
              + " native server scaling then writes spec.replicas too (was " + v + ")",
          "remove spec.minReplicas and spec.maxReplicas from the Server"));
    }
  }

  private void checkDuplicateTargets() {
    Map<String, Hpa> first = new LinkedHashMap<>();
    for (Hpa h : hpas) {
      if (h.targetKind.isEmpty() || h.targetName.isEmpty()) {
        continue;
      }
      String key = h.namespace + "/" + group(h.targetApiVersion) + "/" + h.targetKind + "/" + h.targetName;
      Hpa earlier = first.putIfAbsent(key, h);
      if (earlier != null) {
        h.subject.report(LintCode.DUPLICATE_HPA_TARGET, "spec.scaleTargetRef", "HorizontalPodAutoscaler "
            + earlier.display() + " already scales " + h.targetKind + " " + h.targetName
            + ": two HPAs on one target overwrite each other's spec.replicas",
            "keep one HPA per target and put all its metrics in that HPA");
      }
    }
  }

  private void checkPairs() {
    Map<String, List<Hpa>> modelHpas = new HashMap<>();
    for (Hpa h : hpas) {
      if (h.targetsModel()) {
        modelHpas.computeIfAbsent(h.namespace + "/" + h.targetName, k -> new ArrayList<>()).add(h);
      }
    }
    for (Hpa server : hpas) {
      if (!server.targetsServer()) {
        continue;
      }
      // the Models it pairs with: the ones its metrics describe, and the ones whose spec.server names it
      Set<String> models = new LinkedHashSet<>();
      for (JsonNode metric : server.spec.path("metrics")) {
        JsonNode described = metric.path("object").path("describedObject");
        if ("Model".equals(described.path("kind").asText())) {
          models.add(described.path("name").asText());
        }
      }
      models.addAll(modelsOnServer.getOrDefault(server.targetName, List.of()));
      for (String name : models) {
        for (Hpa model : modelHpas.getOrDefault(server.namespace + "/" + name, List.of())) {
          comparePair(model, server);
          // the Server HPA differs only where comparePair reports it: one finding per pair is enough
          percentScaleUp(model);
        }
      }
    }
  }

  private void comparePair(Hpa model, Hpa server) {
    Subject s = server.subject;
    String fix = "make the Server HPA's metrics, minReplicas, maxReplicas and behavior the same as the Model HPA's";
    int modelMin = model.minReplicas.orElse(1);
    int serverMin = server.minReplicas.orElse(1);
    if (modelMin != serverMin) {
      s.report(LintCode.HPA_PAIR_OUT_OF_SYNC, "spec.minReplicas", "spec.minReplicas must equal the Model HPA "
          + model.display() + "'s " + modelMin + " (was " + serverMin + ")", fix);
    }
    if (model.maxReplicas.isPresent() && server.maxReplicas.isPresent()
        && model.maxReplicas.getAsInt() != server.maxReplicas.getAsInt()) {
      s.report(LintCode.HPA_PAIR_OUT_OF_SYNC, "spec.maxReplicas", "spec.maxReplicas must equal the Model HPA "
          + model.display() + "'s " + model.maxReplicas.getAsInt() + " (was " + server.maxReplicas.getAsInt() + ")",
          fix);
    }
    for (String field : new String[] {"metrics", "behavior"}) {
      String path = YamlPaths.key("spec", field);
      String diff = difference(model.spec.get(field), server.spec.get(field), path);
      if (diff != null) {
        s.report(LintCode.HPA_PAIR_OUT_OF_SYNC, diff, diff + " must equal the Model HPA " + model.display()
            + "'s " + describe(at(model.spec, diff)) + " (was " + describe(at(server.spec, diff)) + ")", fix);
      }
    }
  }

  private void percentScaleUp(Hpa h) {
    JsonNode scaleUp = h.spec.path("behavior").path("scaleUp");
    if ("Disabled".equals(scaleUp.path("selectPolicy").asText())) {
      return;
    }
    String fix = "set spec.behavior.scaleUp.policies to a Pods policy the servers can follow, e.g."
        + " [{type: Pods, value: 5, periodSeconds: 90}]";
    JsonNode policies = scaleUp.path("policies");
    if (!policies.isArray()) {
      h.subject.report(LintCode.PERCENT_SCALE_UP_ON_PAIR, "spec.behavior.scaleUp.policies", "scale-up uses the"
          + " default policies, which allow 100% more replicas (or 4 pods) every 15 s: more server pods than can"
          + " start, leaving the Model ScheduleFailed (was unset)", fix);
      return;
    }
    for (int i = 0; i < policies.size(); i++) {
      if ("Percent".equals(policies.get(i).path("type").asText())) {
        String path = YamlPaths.key(YamlPaths.index("spec.behavior.scaleUp.policies", i), "type");
        h.subject.report(LintCode.PERCENT_SCALE_UP_ON_PAIR, path, "a Percent scale-up policy on a Model/Server"
            + " pair grows with the replicas, asking for more server pods than can start (was Percent)", fix);
      }
    }
  }

  // ---------------------------------------------------------------- Model and Server checks

  private void checkModelNativeScaling(Subject s) {
    if (!facts.seldonAtLeast(2, 10, 0).orElse(false)) {
      return;
    }
    String name = s.manifest.name().orElse("");
    String ns = s.manifest.namespace().orElse("");
    List<String> namespaces = scaledModels.getOrDefault(name, List.of());
    boolean scaled = namespaces.stream().anyMatch(n -> ns.isEmpty() || n.isEmpty() || ns.equals(n));
    if (scaled) {
      return;
    }
    JsonNode spec = s.mapping(s.manifest.node().get("spec"), "spec");
    for (String field : new String[] {"minReplicas", "maxReplicas"}) {
      String path = YamlPaths.key("spec", field);
      OptionalInt value = s.integer(spec.get(field), path);
      if (value.isPresent() && value.getAsInt() > 0) {
        s.report(LintCode.NATIVE_SCALING_INERT, path, path + " asks for Seldon's native model scaling, which"
            + " Seldon " + facts.seldonVersion().get() + " ignores: it is disabled from 2.10.0 (was "
            + value.getAsInt() + ")", "scale the Model with an HPA (and remove minReplicas/maxReplicas), or set"
            + " spec.replicas to the count you need");
      }
    }
  }

  private void checkServerLabels(Subject s) {
    JsonNode metadata = s.mapping(s.manifest.node().get("metadata"), "metadata");
    JsonNode labels = s.mapping(metadata.get("labels"), "metadata.labels");
    if (labels.has("server")) {
      s.report(LintCode.SERVER_LABEL_SERVER, "metadata.labels.server", "metadata.labels must not have the key"
          + " server: it reaches the server pods, and the selector of every Model on this server (server=<name>)"
          + " then matches them, so Model and Server HPAs collide (was " + describe(labels.get("server")) + ")",
          "rename the label key");
    }
  }

  // ---------------------------------------------------------------- adapter checks

  private void checkAdapter(Adapter a) {
    Subject s = a.subject;
    if (facts.relistInterval().compareTo(facts.scrapeInterval()) < 0) {
      s.report(LintCode.RELIST_SHORTER_THAN_SCRAPE, a.prefix, "the adapter's metrics relist interval "
          + PrometheusDuration.format(facts.relistInterval()) + " is shorter than the scrape interval "
          + PrometheusDuration.format(facts.scrapeInterval()) + ", so metrics intermittently go missing",
          "set --metrics-relist-interval (Helm: metricsRelistInterval) to at least "
              + PrometheusDuration.format(facts.scrapeInterval()));
    }
    List<String> loadErrors = a.config.loadErrors();
    for (String error : loadErrors) {
      int colon = error.indexOf(": ");
      s.report(LintCode.ADAPTER_CONFIG_INVALID, colon < 0 ? a.prefix : prefixed(a.prefix, error.substring(0, colon)),
          prefixed(a.prefix, error), "fix the rule: the adapter does not start with this config");
    }
    a.loads = loadErrors.isEmpty();
    int rules = a.config.rules().size() + a.config.externalRules().size();
    for (int i = 0; i < rules; i++) {
      DiscoveryRule rule = a.rule(i);
      AdapterConfig one = a.external(i) ? AdapterConfig.builder().addExternalRule(rule).build()
          : AdapterConfig.builder().addRule(rule).build();
      a.registered.add(a.loads ? one.discover(SeldonSeries.series()) : List.of());
      Optional<String> exact = exactSeries(rule.seriesQuery());
      boolean unknownSeries = exact.isPresent() && !SeldonSeries.LABELS.containsKey(exact.get());
      if (unknownSeries && !a.external(i)) {
        String as = rule.name().map(n -> n.as()).orElse("");
        String matches = rule.name().map(n -> n.matches()).orElse("");
        if (!as.isEmpty() && as.indexOf('$') < 0) {
          a.unknownSeriesNames.add(as);
        } else if (as.isEmpty() && matches.isEmpty()) {
          a.unknownSeriesNames.add(exact.get());
        } else {
          a.unknownSeriesAnyName = true;
        }
      }
      checkAdapterRule(a, i, exact.filter(x -> unknownSeries));
    }
    for (int j = 0; j < rules && a.loads; j++) {
      for (int i = 0; i < j; i++) {
        if (a.external(i) != a.external(j)) {
          continue;
        }
        Optional<RegisteredMetric> shared = sameKey(a.registered.get(i), a.registered.get(j));
        if (shared.isPresent()) {
          RegisteredMetric r = shared.get();
          String path = a.rule(j).name().isPresent() ? YamlPaths.key(a.rulePath(j), "name") : a.rulePath(j);
          s.report(LintCode.RULES_SAME_METRIC, path, a.rulePath(j) + " also produces " + r.metricName()
              + r.resource().map(gr -> " for " + gr).orElse("") + ", like " + a.rulePath(i)
              + ": the adapter keeps only the later rule's query", "make the rules' series or names disjoint");
          break;
        }
      }
    }
  }

  private static String prefixed(String prefix, String path) {
    return prefix.isEmpty() ? path : prefix + "." + path;
  }

  /**
   * The adapter takes a custom metric's value from the result sample whose resource label is the object's
   * name: a query that does not select by {@code <<.LabelMatchers>>} gives every object the same value, and
   * one that aggregates without {@code by (<<.GroupBy>>)} drops the label, so no sample matches.
   */
  private static void checkQueryKeepsObject(Subject s, String query, String queryPath) {
    if (!query.contains(".LabelMatchers") && !query.contains(".LabelValuesByName")) {
      s.report(LintCode.METRICS_QUERY_LOSES_OBJECT, queryPath, "metricsQuery does not use <<.LabelMatchers>>,"
          + " so every object (every Model) gets the value of all series together",
          "select the series with {<<.LabelMatchers>>}, e.g. <<.Series>>{<<.LabelMatchers>>}");
    } else if (AGGREGATION.matcher(query).find() && !query.contains(".GroupBy")) {
      s.report(LintCode.METRICS_QUERY_LOSES_OBJECT, queryPath, "metricsQuery aggregates without"
          + " by (<<.GroupBy>>), which drops the object's label, so the adapter finds no value for any object",
          "aggregate by the object's label: sum by (<<.GroupBy>>) (...)");
    }
  }

  /** A metric both rules register under the same registry key (resource, namespaced, name). */
  private static Optional<RegisteredMetric> sameKey(List<RegisteredMetric> earlier, List<RegisteredMetric> later) {
    for (RegisteredMetric l : later) {
      for (RegisteredMetric e : earlier) {
        if (e.metricName().equals(l.metricName()) && e.resource().equals(l.resource())
            && e.namespaced() == l.namespaced()) {
          return Optional.of(l);
        }
      }
    }
    return Optional.empty();
  }

  /** The one series a {@code seriesQuery} names exactly ({@code name{...}} or {@code {__name__="name"}}). */
  private static Optional<String> exactSeries(String seriesQuery) {
    Matcher m = EXACT_SERIES.matcher(seriesQuery);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(1) != null) {
      return Optional.of(m.group(1));
    }
    Matcher n = NAME_EQUALS.matcher(m.group(2) == null ? "" : m.group(2));
    return n.find() ? Optional.of(n.group(1)) : Optional.empty();
  }

  private void checkAdapterRule(Adapter a, int index, Optional<String> unknownSeries) {
    Subject s = a.subject;
    DiscoveryRule rule = a.rule(index);
    String rulePath = a.rulePath(index);
    String query = rule.metricsQuery();
    String queryPath = YamlPaths.key(rulePath, "metricsQuery");
    if (query.isEmpty()) {
      s.report(LintCode.ADAPTER_CONFIG_INVALID, queryPath, queryPath + " must be set: every query of the rule"
          + " fails with \"empty query produced by metrics query template\" (was \"\")", "write the rule's"
          + " metricsQuery, e.g. sum by (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[2m]))");
    }
    Matcher window = RANGE.matcher(query);
    while (window.find()) {
      Duration d;
      try {
        d = PrometheusDuration.parse("window", window.group(1));
      } catch (HpaValidationException e) {
        continue;
      }
      Duration needed = facts.scrapeInterval().multipliedBy(2);
      if (d.compareTo(needed) < 0) {
        s.report(LintCode.RATE_WINDOW_TOO_SHORT, queryPath, "rate window " + window.group(1)
            + " is shorter than twice the scrape interval " + PrometheusDuration.format(facts.scrapeInterval())
            + ": the window may hold one sample and rate() then returns nothing (was " + window.group(1) + ")",
            "widen the window to at least " + PrometheusDuration.format(needed));
        break;
      }
    }
    if (!a.external(index) && !query.isEmpty()) {
      checkQueryKeepsObject(s, query, queryPath);
    }
    Set<String> codes = new TreeSet<>();
    Matcher code = CODE_MATCHER.matcher(query);
    while (code.find()) {
      codes.addAll(List.of(code.group(2).split("\\|")));
    }
    Set<String> methods = new TreeSet<>();
    Matcher method = METHOD_TYPE_MATCHER.matcher(query);
    while (method.find()) {
      methods.addAll(List.of(method.group(2).split("\\|")));
    }
    oneProtocol(s, codes, methods, queryPath, "metricsQuery matches", "match both spellings, e.g."
        + " code=~\"200|OK\" (or code!~\"200|OK\" for errors), or also match method_type");
    if (a.external(index) && rule.resources().namespaced().orElse(true) && rule.resources().template().isEmpty()
        && rule.resources().overrides().values().stream()
            .noneMatch(gr -> gr.group().isEmpty() && gr.resource().toLowerCase(Locale.ROOT).startsWith("namespace"))) {
      s.report(LintCode.EXTERNAL_RULE_NO_NAMESPACE, YamlPaths.key(rulePath, "resources"), "the external rule"
          + " maps no label to namespaces while namespaced (the default), so every query fails with"
          + " \"unable to fetch metrics\"", "add resources.overrides.namespace: {resource: namespace}, or set"
          + " resources.namespaced: false to query across namespaces");
    }
    boolean mapsSeldon = rule.resources().overrides().values().stream()
        .anyMatch(gr -> gr.group().equals(SELDON_GROUP));
    if (mapsSeldon && a.loads && a.registered.get(index).isEmpty()) {
      String near = unknownSeries.flatMap(foreign -> SeldonSeries.NAMES.stream()
          .filter(n -> distance(n, foreign) <= 3).findFirst()).map(n -> "; near miss: " + n).orElse("");
      s.report(LintCode.SERIES_QUERY_NO_SELDON_METRIC, YamlPaths.key(rulePath, "seriesQuery"), "seriesQuery "
          + quote(rule.seriesQuery().strip()) + " with the rule's filters and name.matches keeps no metric Seldon"
          + " exports, though the rule maps Seldon resources" + near, "select a Seldon series such as"
          + " {__name__=\"seldon_model_infer_total\",namespace!=\"\"}, or drop the mlops.seldon.io overrides if"
          + " the rule reads another exporter");
    }
  }

  // ---------------------------------------------------------------- helpers

  private Optional<Subject> find(String kind, String namespace, String name) {
    Subject loose = null;
    for (int i : byKindName.getOrDefault(kind + "/" + name, List.of())) {
      Manifest m = manifests.get(i);
      String ns = m.namespace().orElse("");
      if (ns.equals(namespace)) {
        return Optional.of(new Subject(i, m));
      }
      if ((ns.isEmpty() || namespace.isEmpty()) && loose == null) {
        loose = new Subject(i, m);
      }
    }
    return Optional.ofNullable(loose);
  }

  private static boolean isSeldon(Manifest m, String kind) {
    return m.kind().orElse("").equals(kind) && m.apiVersion().orElse("").startsWith(SELDON_GROUP + "/");
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String quote(String text) {
    return YamlPaths.quote(text);
  }

  private static String describe(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? "unset" : ManifestReader.describe(node);
  }

  /** The path's parent: {@code a.b[0].c} to {@code a.b[0]}, {@code a.b[0]} to {@code a.b}, {@code a} to "". */
  static String parent(String path) {
    int end = path.length();
    if (path.endsWith("]")) {
      return path.substring(0, path.lastIndexOf('['));
    }
    if (path.endsWith("\"")) {
      end = path.lastIndexOf('"', end - 2);
    }
    int dot = path.lastIndexOf('.', end - 1);
    int bracket = path.lastIndexOf(']', end - 1);
    return dot < 0 ? (bracket < 0 ? "" : path.substring(0, bracket + 1)) : path.substring(0, dot);
  }

  /** The node at a path below {@code spec} ({@code spec.metrics[0].object}), or a missing node. */
  private static JsonNode at(JsonNode spec, String path) {
    JsonNode node = spec;
    Matcher m = Pattern.compile("\\.([A-Za-z_$][A-Za-z0-9_$-]*)|\\[(\\d+)\\]|\\.\"((?:[^\"\\\\]|\\\\.)*)\"")
        .matcher(path.substring("spec".length()));
    while (m.find()) {
      if (m.group(1) != null) {
        node = node.path(m.group(1));
      } else if (m.group(2) != null) {
        node = node.path(Integer.parseInt(m.group(2)));
      } else {
        node = node.path(m.group(3).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
    }
    return node;
  }

  /** The path of the first difference between two trees, or {@code null}; quantities compare by value. */
  static String difference(JsonNode a, JsonNode b, String path) {
    boolean aMissing = a == null || a.isNull() || a.isMissingNode();
    boolean bMissing = b == null || b.isNull() || b.isMissingNode();
    if (aMissing || bMissing) {
      return aMissing == bMissing ? null : path;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String d = difference(a.get(key), b.get(key), YamlPaths.key(path, key));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        String d = difference(a.get(i), b.get(i), YamlPaths.index(path, i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.equals(b)) {
      return null;
    }
    if (a.isValueNode() && b.isValueNode() && !a.isBoolean() && !b.isBoolean()) {
      try {
        if (Quantity.parse(a.asText()).equals(Quantity.parse(b.asText()))) {
          return null;
        }
      } catch (HpaValidationException e) {
        return path;
      }
    }
    return path;
  }
}
