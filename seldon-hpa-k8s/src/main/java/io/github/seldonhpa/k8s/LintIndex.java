package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.PrometheusDuration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The objects of one lint run, each once: the same object (kind, group, namespace, name) read from several
 * files is one object (the first copy; differing later copies are listed in {@link #copies}), HPAs with their
 * v2 view, Seldon objects by kind, namespace and name, and the prometheus-adapter configs with what the
 * adapter makes of them. What a document is comes from its {@code apiVersion}/{@code kind}, for a ConfigMap
 * from its {@code config.yaml}, for a document without a kind from its keys.
 */
final class LintIndex {
  private static final String CONFIG_KEY = "config.yaml";
  /** A line of a config.yaml that starts one of the adapter's top-level keys. */
  private static final Pattern ADAPTER_KEY_LINE = Pattern.compile("(?m)^(rules|externalRules|resourceRules):");

  /** A later copy of an object that differs from the first, at {@code path}. */
  static final class Copy {
    final LintSubject later;
    final LintSubject first;
    final String path;

    Copy(LintSubject later, LintSubject first, String path) {
      this.later = later;
      this.first = first;
      this.path = path;
    }
  }

  final LintFacts facts;
  /** The manifests as given, copies included, for families that read them whole. */
  final List<Manifest> manifests;
  final LintReport report = new LintReport();
  final List<LintHpa> hpas = new ArrayList<>();
  /** HPAs of a version the API server no longer converts (autoscaling/v2beta1). */
  final List<LintSubject> oldHpas = new ArrayList<>();
  final List<LintAdapter> adapters = new ArrayList<>();
  final List<Copy> copies = new ArrayList<>();
  /** Objects no check looks at. */
  final List<LintSubject> unchecked = new ArrayList<>();
  /** Seldon objects (any kind of mlops.seldon.io) in order. */
  final List<LintSubject> seldon = new ArrayList<>();
  private final Map<String, LintSubject> byKey = new HashMap<>();
  /** Names of the Models whose {@code spec.server} names a Server, by {@code namespace/server}. */
  private final Map<String, List<String>> modelsOnServer = new HashMap<>();

  LintIndex(List<Manifest> manifests, Optional<AdapterConfig> given, LintFacts facts) {
    this.facts = facts;
    this.manifests = List.copyOf(manifests);
    for (int i = 0; i < manifests.size(); i++) {
      LintSubject s = new LintSubject(i, manifests.get(i), report);
      if (isNew(s)) {
        classify(s);
      }
    }
    given.ifPresent(config -> {
      LintAdapter a = new LintAdapter(new LintSubject(manifests.size(), null, report), "", "rules", "externalRules");
      a.config = config;
      adapters.add(a);
    });
    adapters.forEach(LintIndex::discover);
  }

  /** The namespace of an object: its own, or the caller's default. */
  String namespace(Manifest m) {
    return m.namespace().orElse(facts.defaultNamespace());
  }

  /** The Seldon object of this kind, namespace and name. */
  Optional<LintSubject> find(String kind, String namespace, String name) {
    return Optional.ofNullable(byKey.get(key(kind, LintTrees.SELDON_GROUP, namespace, name)));
  }

  /** The Models placed on a Server by their {@code spec.server}. */
  List<String> modelsOnServer(String namespace, String server) {
    return modelsOnServer.getOrDefault(namespace + "/" + server, List.of());
  }

  private static String key(String kind, String group, String namespace, String name) {
    return kind + "\n" + group + "\n" + namespace + "\n" + name;
  }

  /** Whether this is the first copy of its object; records a later copy that differs. */
  private boolean isNew(LintSubject s) {
    Manifest m = s.manifest;
    if (m.kind().isEmpty() || m.name().isEmpty()) {
      return true;
    }
    String key = key(m.kind(), LintTrees.group(m.apiVersion()), namespace(m), m.name());
    LintSubject first = byKey.putIfAbsent(key, s);
    if (first == null) {
      return true;
    }
    String diff = LintTrees.difference(first.node(), m.node(), "");
    if (diff != null) {
      copies.add(new Copy(s, first, diff));
    }
    return false;
  }

  private void classify(LintSubject s) {
    Manifest m = s.manifest;
    String kind = m.kind();
    String apiVersion = m.apiVersion();
    String group = LintTrees.group(apiVersion);
    if (kind.isEmpty()) {
      classifyBare(s);
    } else if (kind.equals("HorizontalPodAutoscaler") && group.equals("autoscaling")) {
      Optional<JsonNode> spec = HpaVersions.v2Spec(m.node(), apiVersion);
      if (spec.isPresent()) {
        hpas.add(new LintHpa(s, namespace(m), spec.get()));
      } else {
        oldHpas.add(s);
      }
    } else if (kind.equals("ConfigMap") && apiVersion.equals("v1")) {
      classifyConfigMap(s);
    } else if (KedaLint.isScaledObject(m)) {
      return; // checked by the KEDA family
    } else if (group.equals(LintTrees.SELDON_GROUP)) {
      seldon.add(s);
      JsonNode server = m.node().path("spec").path("server");
      if (kind.equals("Model") && server.isTextual()) {
        modelsOnServer.computeIfAbsent(namespace(m) + "/" + server.textValue(), k -> new ArrayList<>())
            .add(m.name());
      }
    } else {
      unchecked.add(s);
    }
  }

  /** A bare adapter config has adapter keys only; the chart's values have its keys. */
  private void classifyBare(LintSubject s) {
    JsonNode tree = s.node();
    if (AdapterConfigs.isConfig(tree)) {
      parse(new LintAdapter(s, "", "rules", "externalRules"), tree);
    } else if (AdapterConfigs.isChartValues(tree)) {
      chartValues(s, tree);
    } else {
      unchecked.add(s);
    }
  }

  private void classifyConfigMap(LintSubject s) {
    JsonNode text = s.node().path("data").path(CONFIG_KEY);
    String path = YamlPaths.key("data", CONFIG_KEY);
    if (!text.isTextual()) {
      unchecked.add(s);
      return;
    }
    LintAdapter a = new LintAdapter(s, path, YamlPaths.key(path, "rules"), YamlPaths.key(path, "externalRules"));
    JsonNode tree;
    try {
      List<Manifest> read = ManifestReader.create().read(s.manifest.source() + " " + path, text.textValue());
      tree = read.isEmpty() ? JsonNodeFactory.instance.objectNode() : read.get(0).node();
    } catch (ManifestReadException e) {
      if (!ADAPTER_KEY_LINE.matcher(text.textValue()).find()) {
        unchecked.add(s);
        return;
      }
      a.parseError = new String[] {path, path + " is not valid YAML: " + e.problem()
          + e.position().map(p -> " (at " + p + " of the value)").orElse("")};
      adapters.add(a);
      return;
    }
    if (AdapterConfigs.hasConfigKey(tree)) {
      parse(a, tree);
    } else {
      unchecked.add(s);
    }
  }

  /**
   * The prometheus-adapter Helm chart's values: its templates/configmap.yaml writes its default rules (unless
   * {@code rules.default} is false) and then {@code rules.custom} under {@code rules:}, {@code rules.external} as {@code externalRules:} and {@code rules.resource} as
   * {@code resourceRules:} (prometheus-community/helm-charts, charts/prometheus-adapter, commit
   * 05bf01b5028ee6dc636510132a7de9554b135b6e), and with {@code rules.existing} set uses another ConfigMap.
   */
  private void chartValues(LintSubject s, JsonNode values) {
    JsonNode rules = values.path("rules");
    LintAdapter a = new LintAdapter(s, "rules", "rules.custom", "rules.external");
    JsonNode relist = values.get("metricsRelistInterval");
    if (Fields.present(relist)) {
      try {
        a.relistInterval = Optional.of(PrometheusDuration.parse("metricsRelistInterval", relist.asText()));
      } catch (HpaValidationException e) {
        a.parseError = new String[] {"metricsRelistInterval", e.getMessage()};
        adapters.add(a);
        return;
      }
    }
    if (Fields.present(rules.get("existing"))) {
      adapters.add(a); // the rules are in another ConfigMap; the values still set the relist interval
      return;
    }
    try {
      a.config = AdapterConfigs.fromChartValues(rules).inCluster(facts.resourceTable());
      a.chartDefaultRules = AdapterConfigs.chartDefaultRules(rules) ? AdapterConfigs.CHART_DEFAULT_RULES.size() : 0;
    } catch (HpaValidationException e) {
      a.parseError = new String[] {"rules", e.getMessage()};
    }
    adapters.add(a);
  }

  private void parse(LintAdapter a, JsonNode tree) {
    try {
      a.config = AdapterConfigs.parse(tree, a.prefix).inCluster(facts.resourceTable());
    } catch (HpaValidationException e) {
      a.parseError = new String[] {a.prefix, e.getMessage()};
    }
    adapters.add(a);
  }

  /** Load errors and, for a config that loads, what each rule registers from the Seldon series. */
  private static void discover(LintAdapter a) {
    if (a.config == null) {
      return;
    }
    a.loadErrors = a.config.loadErrors();
    a.loads = a.loadErrors.isEmpty();
    if (a.loads) {
      a.registered.addAll(a.config.discoverByRule(SeldonSeries.series()));
    }
    for (int i = 0; i < a.ruleCount(); i++) {
      if (!a.loads) {
        a.registered.add(List.of());
      }
      Optional<String> exact = AdapterChecks.exactSeries(a.rule(i).seriesQuery());
      if (exact.isPresent() && SeldonSeries.LABELS.containsKey(exact.get())) {
        continue;
      }
      // the rule reads series lint does not know (the chart's default rules read every exporter's): what it
      // may serve is not provably absent
      int kind = a.external(i) ? 1 : 0;
      String as = a.rule(i).name().map(n -> n.as()).orElse("");
      String matches = a.rule(i).name().map(n -> n.matches()).orElse("");
      if (!as.isEmpty() && as.indexOf('$') < 0) {
        a.unknownSeriesNames.get(kind).add(as);
      } else if (exact.isPresent() && as.isEmpty() && matches.isEmpty()) {
        a.unknownSeriesNames.get(kind).add(exact.get());
      } else {
        a.unknownSeriesAnyName[kind] = true;
      }
    }
  }
}
