package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint checks of KEDA ScaledObjects on Seldon Models and Servers (codes {@code SHPA101} to
 * {@code SHPA110}): KEDA's admission rules that need several objects (one ScaledObject or HPA per target),
 * the Seldon rules a ScaledObject shares with an HPA (explicit {@code spec.replicas}, no native bounds, no
 * Value on a Model), pairs that must stay in step, and scale to zero. Reads the trees as written and never
 * throws: a field of the wrong type is skipped (the HPA checks report those).
 */
final class KedaLint {
  private static final String SELDON_API_VERSION = "mlops.seldon.io/v1alpha1";
  private static final Pattern MODEL_MATCHER = Pattern.compile("\\bmodel\\s*(=~|=)\\s*\"([^\"]*)\"");

  /** A finding and the index of the manifest it belongs to (its sort order). */
  record Found(int order, Finding finding) {}

  /** A ScaledObject on a Seldon Model or Server, as read. */
  private static final class Scaled {
    int order;
    Manifest manifest;
    String namespace;
    String kind;
    String target;
    OptionalInt min;
    OptionalInt max;
    OptionalInt idle;
    JsonNode behavior;
    String hpaName;
    final List<String> queries = new ArrayList<>();
    final List<String> thresholds = new ArrayList<>();
    final List<String> metricTypes = new ArrayList<>();

    String display() {
      return (namespace.isEmpty() ? "" : namespace + "/") + manifest.shownName();
    }

    String key() {
      return namespace + "/" + kind + "/" + target;
    }
  }

  private final List<Manifest> manifests;
  private final List<Found> found = new ArrayList<>();
  private final List<Scaled> scaled = new ArrayList<>();
  /** Seldon Models and Servers by {@code namespace/kind/name}: their manifests. */
  private final Map<String, Manifest> seldon = new HashMap<>();

  private KedaLint(List<Manifest> manifests) {
    this.manifests = manifests;
  }

  /** Whether lint leaves {@code m} to these checks: a {@code keda.sh} ScaledObject. */
  static boolean isScaledObject(Manifest m) {
    return m.kind().equals("ScaledObject") && m.apiVersion().startsWith("keda.sh/");
  }

  /** The findings on the ScaledObjects among {@code manifests}, with the objects they name. */
  static List<Found> check(List<Manifest> manifests) {
    KedaLint lint = new KedaLint(manifests);
    lint.run();
    return lint.found;
  }

  private void run() {
    for (int i = 0; i < manifests.size(); i++) {
      Manifest m = manifests.get(i);
      String kind = m.kind();
      if ((kind.equals("Model") || kind.equals("Server")) && m.apiVersion().equals(SELDON_API_VERSION)) {
        seldon.put(namespace(m) + "/" + kind + "/" + m.name(), m);
      }
      if (isScaledObject(m)) {
        read(i, m).ifPresent(scaled::add);
      }
    }
    Map<String, Scaled> byTarget = new HashMap<>();
    for (Scaled s : scaled) {
      Scaled first = byTarget.putIfAbsent(s.key(), s);
      if (first != null) {
        report(s, LintCode.KEDA_DUPLICATE_TARGET, "spec.scaleTargetRef", "the " + s.kind + " " + s.target
            + " is already managed by the ScaledObject " + first.display() + ": KEDA refuses a second one",
            "keep one ScaledObject per " + s.kind + " and put all its triggers in it");
      }
      checkOne(s);
    }
    checkHpas();
    checkPairs();
  }

  private Optional<Scaled> read(int order, Manifest m) {
    JsonNode spec = m.node().path("spec");
    JsonNode ref = spec.path("scaleTargetRef");
    String kind = text(ref.get("kind"));
    if (!text(ref.get("apiVersion")).equals(SELDON_API_VERSION) || !(kind.equals("Model") || kind.equals("Server"))) {
      return Optional.empty();
    }
    Scaled s = new Scaled();
    s.order = order;
    s.manifest = m;
    s.namespace = namespace(m);
    s.kind = kind;
    s.target = text(ref.get("name"));
    s.min = integer(spec.get("minReplicaCount"));
    s.max = integer(spec.get("maxReplicaCount"));
    s.idle = integer(spec.get("idleReplicaCount"));
    JsonNode hpaConfig = spec.path("advanced").path("horizontalPodAutoscalerConfig");
    s.behavior = hpaConfig.path("behavior");
    String hpaName = text(hpaConfig.get("name"));
    s.hpaName = hpaName.isEmpty() ? "keda-hpa-" + m.name() : hpaName;
    for (JsonNode t : spec.path("triggers")) {
      if (text(t.get("type")).equals("prometheus")) {
        s.queries.add(text(t.path("metadata").get("query")).strip());
        s.thresholds.add(text(t.path("metadata").get("threshold")));
        String type = text(t.get("metricType"));
        s.metricTypes.add(type.isEmpty() ? "AverageValue" : type);
      }
    }
    return Optional.of(s);
  }

  private void checkOne(Scaled s) {
    int min = s.min.orElse(0);
    int max = s.max.orElse(100);
    // CheckReplicaCountBoundsAreValid: an explicit 0 counts as the HPA's 1, an unset minReplicaCount as 0
    int idleBound = s.min.isPresent() ? Math.max(min, 1) : 0;
    if (min > max) {
      report(s, LintCode.KEDA_REPLICA_BOUNDS, "spec.minReplicaCount", "minReplicaCount " + min
          + " must be <= maxReplicaCount " + max, "lower minReplicaCount or raise maxReplicaCount");
    } else if (s.idle.isPresent() && s.idle.getAsInt() >= idleBound) {
      report(s, LintCode.KEDA_REPLICA_BOUNDS, "spec.idleReplicaCount", "idleReplicaCount " + s.idle.getAsInt()
          + " must be < minReplicaCount " + (s.min.isPresent() ? String.valueOf(s.min.getAsInt()) : "(unset, so 0)"),
          "set idleReplicaCount below minReplicaCount, usually 0");
    }
    Manifest target = seldon.get(s.key());
    if (target != null) {
      JsonNode spec = target.node().path("spec");
      if (s.kind.equals("Model") && spec.path("replicas").isMissingNode()) {
        report(s, LintCode.KEDA_MODEL_REPLICAS_MISSING, "spec.scaleTargetRef", "the Model " + s.target
            + " has no spec.replicas: Seldon's docs require it on a Model an autoscaler scales",
            "write spec.replicas on the Model, within minReplicaCount..maxReplicaCount");
      }
      if (spec.has("minReplicas") || spec.has("maxReplicas")) {
        report(s, LintCode.KEDA_NATIVE_BOUNDS, "spec.scaleTargetRef", "the " + s.kind + " " + s.target
            + " sets minReplicas/maxReplicas: Seldon's native scaling then also writes spec.replicas and fights"
            + " the ScaledObject", "remove minReplicas and maxReplicas from the " + s.kind);
      }
    }
    if (s.kind.equals("Model")) {
      if (s.min.isEmpty()) {
        report(s, LintCode.KEDA_MIN_REPLICA_COUNT_DEFAULT, "spec", "minReplicaCount is unset, so KEDA's default 0"
            + " scales the Model to zero when its triggers are idle: Seldon unloads it (ModelScaledDown)",
            "write minReplicaCount, e.g. the HPA's minReplicas");
      }
      for (int i = 0; i < s.metricTypes.size(); i++) {
        if (s.metricTypes.get(i).equals("Value")) {
          report(s, LintCode.KEDA_VALUE_ON_MODEL, "spec.triggers[" + i + "].metricType", "metricType Value on a"
              + " Model: the HPA scales by the ready pods of the Model's selector, which matches no pods",
              "use metricType AverageValue with threshold = the per-replica target");
        }
      }
    }
    if (min == 0) {
      for (int i = 0; i < s.queries.size(); i++) {
        if (s.queries.get(i).contains("seldon_model_")) {
          report(s, LintCode.KEDA_ZERO_ON_MODEL_METRIC, "spec.triggers[" + i + "].metadata.query", "the "
              + s.kind + " scales to zero on a seldon_model_* metric, which the agents of the Model's server pods"
              + " count: at zero the query stays 0 and KEDA never activates it again",
              "set minReplicaCount >= 1, or scale to zero on a metric measured in front of the Model");
          break;
        }
      }
    }
    if (s.kind.equals("Model")) {
      checkModelMatcher(s, s.target);
    }
  }

  private void checkModelMatcher(Scaled s, String model) {
    for (int i = 0; i < s.queries.size(); i++) {
      String q = s.queries.get(i);
      if (q.contains("seldon_model_") && !matchesModel(q, model)) {
        report(s, LintCode.KEDA_QUERY_WITHOUT_MODEL, "spec.triggers[" + i + "].metadata.query", "the query"
            + " has no model=\"" + model + "\" matcher: it measures other models' traffic too",
            "add model=\"" + model + "\" (and namespace=\"" + s.namespace + "\") to the series selector");
      }
    }
  }

  private static boolean matchesModel(String query, String model) {
    Matcher m = MODEL_MATCHER.matcher(query);
    while (m.find()) {
      if (m.group(1).equals("=") ? m.group(2).equals(model) : regexMatches(m.group(2), model)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a {@code =~} matcher may select {@code value}: an alternation naming it (the shape the adapter
   * writes, {@code a|b}), or any other regexp, which lint does not evaluate (no finding on a guess).
   */
  private static boolean regexMatches(String regex, String value) {
    for (String alternative : regex.split("\\|", -1)) {
      if (alternative.equals(value)) {
        return true;
      }
    }
    return !regex.matches("[A-Za-z0-9_:|-]*");
  }

  private void checkHpas() {
    Map<String, Scaled> byTarget = new HashMap<>();
    scaled.forEach(s -> byTarget.putIfAbsent(s.key(), s));
    for (Manifest m : manifests) {
      if (!m.kind().equals("HorizontalPodAutoscaler")) {
        continue;
      }
      JsonNode ref = m.node().path("spec").path("scaleTargetRef");
      Scaled s = byTarget.get(namespace(m) + "/" + text(ref.get("kind")) + "/" + text(ref.get("name")));
      if (s == null || !text(ref.get("apiVersion")).equals(SELDON_API_VERSION) || generatedBy(m, s)) {
        continue;
      }
      report(s, LintCode.KEDA_SCALED_OBJECT_AND_HPA, "spec.scaleTargetRef", "the " + s.kind + " " + s.target
          + " is already managed by the HPA " + m.shownName() + ": KEDA refuses the ScaledObject,"
          + " and two autoscalers would fight over spec.replicas", "delete the HPA, or scale the " + s.kind
          + " with one of the two");
    }
  }

  /** KEDA's own HPA: named as the ScaledObject's, or owned by a ScaledObject. */
  private static boolean generatedBy(Manifest hpa, Scaled s) {
    if (hpa.name().equals(s.hpaName)) {
      return true;
    }
    for (JsonNode owner : hpa.node().path("metadata").path("ownerReferences")) {
      if (text(owner.get("kind")).equals("ScaledObject")) {
        return true;
      }
    }
    return false;
  }

  private void checkPairs() {
    for (Scaled model : scaled) {
      if (!model.kind.equals("Model")) {
        continue;
      }
      Manifest modelCr = seldon.get(model.key());
      String host = modelCr == null ? "" : text(modelCr.node().path("spec").get("server"));
      for (Scaled server : scaled) {
        boolean paired = server.kind.equals("Server") && server.namespace.equals(model.namespace)
            && (server.target.equals(host) || server.queries.stream().anyMatch(q -> matchesModel(q, model.target)));
        if (!paired) {
          continue;
        }
        List<String> diffs = new ArrayList<>();
        diff(diffs, "query", model.queries, server.queries);
        diff(diffs, "threshold", model.thresholds, server.thresholds);
        diff(diffs, "metricType", model.metricTypes, server.metricTypes);
        diff(diffs, "minReplicaCount", model.min, server.min);
        diff(diffs, "maxReplicaCount", model.max, server.max);
        diff(diffs, "behavior", model.behavior, server.behavior);
        if (!diffs.isEmpty()) {
          report(server, LintCode.KEDA_PAIR_OUT_OF_SYNC, "spec", "the ScaledObjects of the pair " + model.display()
              + " (Model " + model.target + ") and " + server.display() + " (Server " + server.target
              + ") differ in " + String.join(", ", diffs) + ": the Model and its Server scale apart",
              "derive both from one plan (KedaManifests) or copy the Model's triggers, bounds and behavior");
        }
      }
    }
  }

  private static void diff(List<String> diffs, String what, Object model, Object server) {
    if (!Objects.equals(model, server)) {
      diffs.add(what + " (" + show(model) + " vs " + show(server) + ")");
    }
  }

  private static String show(Object o) {
    if (o instanceof OptionalInt i) {
      return i.isPresent() ? String.valueOf(i.getAsInt()) : "unset";
    }
    if (o instanceof JsonNode n) {
      return n.isMissingNode() ? "unset" : n.toString();
    }
    return String.valueOf(o).replace("\n", " ");
  }

  private void report(Scaled s, LintCode code, String path, String message, String fix) {
    Manifest m = s.manifest;
    Finding.Builder f = Finding.builder().code(code).path(path).message(message).fix(fix)
        .source(m.source()).document(m.document()).object(m.describe());
    String p = path;
    while (true) {
      Optional<Position> at = m.position(p);
      if (at.isPresent() || p.isEmpty()) {
        f.position(at);
        break;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    found.add(new Found(s.order, f.build()));
  }

  private static String namespace(Manifest m) {
    return m.namespace().orElse("");
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : "";
  }

  private static OptionalInt integer(JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToInt() ? OptionalInt.of(node.intValue())
        : OptionalInt.empty();
  }
}
