package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.internal.HpaRule;
import io.github.seldonhpa.internal.SeldonCrd;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Seldon objects: what their CRD schema rejects, the {@code server} label, native scaling on Seldon 2.10+,
 * and Models and Servers as their HPAs need them (spec.replicas, no native bounds, a label selector).
 */
final class SeldonChecks implements LintFamily {
  @Override
  public void check(LintIndex index) {
    Set<String> scaledModels = new java.util.HashSet<>();
    for (LintHpa h : index.hpas) {
      if (h.targetsModel()) {
        scaledModels.add(h.namespace + "/" + h.targetName);
        checkSelectorVersion(index, h);
        index.find("Model", h.namespace, h.targetName).ifPresent(m -> checkScaledModel(m, h));
      } else if (h.targetsServer()) {
        index.find("Server", h.namespace, h.targetName).ifPresent(s -> checkScaledServer(s, h));
      }
    }
    for (LintSubject s : index.seldon) {
      String kind = s.manifest.kind();
      if (kind.equals("Model")) {
        checkSchema(s, SeldonCrd.MODEL_SPEC, SeldonCrd.MODEL_REQUIRED);
        if (!scaledModels.contains(index.namespace(s.manifest) + "/" + s.manifest.name())) {
          checkNativeScalingInert(index, s);
        }
      } else if (kind.equals("Server")) {
        checkSchema(s, SeldonCrd.SERVER_SPEC, SeldonCrd.SERVER_REQUIRED);
      }
      if (kind.equals("Server") || kind.equals("ServerConfig")) {
        checkServerLabel(s);
      }
    }
  }

  /**
   * The object's name and namespace as the API server checks every custom resource's metadata, then the CRD's
   * spec: required field, field types, no unknown field (kubectl's strict field validation).
   */
  private static void checkSchema(LintSubject s, Map<String, SeldonCrd.Type> fields, String required) {
    String kind = s.manifest.kind();
    String name = s.manifest.name();
    if (name.isEmpty()) {
      s.report(LintCode.SELDON_CRD_INVALID, "metadata.name", HpaRule.REQUIRED.message("metadata.name", "unset"),
          "name the " + kind);
    } else if (!Checks.isDns1123Subdomain(name)) {
      s.report(LintCode.SELDON_CRD_INVALID, "metadata.name", HpaRule.NAME.message("metadata.name",
          YamlPaths.quote(name)), "rename it with lower-case letters, digits, '-' and '.'");
    }
    s.manifest.namespace().filter(n -> !Checks.isDns1123Label(n)).ifPresent(n -> s.report(
        LintCode.SELDON_CRD_INVALID, "metadata.namespace", HpaRule.NAMESPACE.message("metadata.namespace",
            YamlPaths.quote(n)), "use a namespace of lower-case letters, digits and '-'"));
    JsonNode spec = s.node().get("spec");
    if (Fields.present(spec) && !spec.isObject()) {
      s.invalid("spec", "a mapping", spec);
      return;
    }
    String requiredPath = YamlPaths.key("spec", required);
    if (!Fields.present(spec) || !Fields.present(spec.get(required))) {
      s.report(LintCode.SELDON_CRD_INVALID, requiredPath, requiredPath + " must be set: the " + kind
          + " CRD requires it (was unset)", "set " + requiredPath);
    }
    if (!Fields.present(spec)) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = YamlPaths.key("spec", e.getKey());
      SeldonCrd.Type type = fields.get(e.getKey());
      if (type == null) {
        s.report(LintCode.SELDON_CRD_INVALID, path, path + " is not a field of the " + kind + " CRD: kubectl"
            + " apply refuses it (strict field validation) and the API server would drop it (was "
            + LintTrees.show(e.getValue()) + ")", "remove it or correct its name (fields: "
            + String.join(", ", fields.keySet()) + ")");
      } else if (Fields.present(e.getValue()) && !hasType(e.getValue(), type)) {
        s.report(LintCode.SELDON_CRD_INVALID, path, path + " must be " + type.wording() + " (was "
            + LintTrees.show(e.getValue()) + ")", "write " + path + " as " + type.wording());
      }
    }
  }

  private static boolean hasType(JsonNode node, SeldonCrd.Type type) {
    switch (type) {
      case INTEGER:
        return node.isIntegralNumber() && node.canConvertToInt();
      case STRING:
        return node.isTextual();
      case BOOLEAN:
        return node.isBoolean();
      case OBJECT:
        return node.isObject();
      case ARRAY:
        return node.isArray();
      default:
        return node.isTextual() || node.isIntegralNumber();
    }
  }

  private static void checkSelectorVersion(LintIndex index, LintHpa h) {
    index.facts.seldonAtLeast(2, 8, 4).filter(ok -> !ok).ifPresent(ok -> h.subject.report(
        LintCode.MODEL_HPA_NEEDS_SELECTOR, "spec.scaleTargetRef.kind", "Seldon " + index.facts.seldonVersion().get()
            + " Models have no label selector (added in 2.8.4), so an HPA on a Model fails with InvalidSelector",
        "upgrade Seldon Core 2 to 2.8.4 or later"));
  }

  private static void checkScaledModel(LintSubject model, LintHpa h) {
    JsonNode spec = model.mapping(model.node().get("spec"), "spec");
    OptionalInt replicas = model.integer(spec.get("replicas"), "spec.replicas");
    int min = h.minReplicas.orElse(1);
    if (!Fields.present(spec.get("replicas"))) {
      // at 0 replicas an HPA with minReplicas above 0 is disabled, so the Model needs at least 1
      model.report(LintCode.MODEL_REPLICAS_MISSING, "spec.replicas", "spec.replicas must be set on a Model scaled"
          + " by HorizontalPodAutoscaler " + h.display() + " (was unset)", "add spec.replicas: " + Math.max(1, min)
          + "; the HPA writes this field and does nothing until it exists");
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
      OptionalInt max = h.maxReplicas;
      if (r < min || max.isPresent() && r > max.getAsInt()) {
        model.report(LintCode.MODEL_REPLICAS_OUT_OF_RANGE, "spec.replicas", "spec.replicas must be within "
            + min + ".." + (max.isPresent() ? String.valueOf(max.getAsInt()) : "") + ", the bounds of"
            + " HorizontalPodAutoscaler " + h.display() + " (was " + r + ")", "set spec.replicas to "
            + Math.max(1, min) + ", the HPA's minReplicas" + (min < 1 ? " or 1" : ""));
      }
    }
  }

  private static void checkScaledServer(LintSubject server, LintHpa h) {
    JsonNode spec = server.mapping(server.node().get("spec"), "spec");
    for (String field : new String[] {"minReplicas", "maxReplicas"}) {
      String path = YamlPaths.key("spec", field);
      server.integer(spec.get(field), path).ifPresent(v -> server.report(LintCode.SERVER_NATIVE_BOUNDS, path,
          path + " must not be set on a Server scaled by HorizontalPodAutoscaler " + h.display() + ": Seldon's"
              + " native server scaling then writes spec.replicas too (was " + v + ")",
          "remove spec.minReplicas and spec.maxReplicas from the Server"));
    }
  }

  private static void checkNativeScalingInert(LintIndex index, LintSubject s) {
    if (!index.facts.seldonAtLeast(2, 10, 0).orElse(false)) {
      return;
    }
    JsonNode spec = s.mapping(s.node().get("spec"), "spec");
    for (String field : new String[] {"minReplicas", "maxReplicas"}) {
      String path = YamlPaths.key("spec", field);
      OptionalInt value = s.integer(spec.get(field), path);
      if (value.isPresent() && value.getAsInt() > 0) {
        s.report(LintCode.NATIVE_SCALING_INERT, path, path + " asks for Seldon's native model scaling, which"
            + " Seldon " + index.facts.seldonVersion().get() + " ignores: it is disabled from 2.10.0 (was "
            + value.getAsInt() + ")", "scale the Model with an HPA (and remove minReplicas/maxReplicas), or set"
            + " spec.replicas to the count you need");
      }
    }
  }

  private static void checkServerLabel(LintSubject s) {
    JsonNode metadata = s.mapping(s.node().get("metadata"), "metadata");
    JsonNode labels = s.mapping(metadata.get("labels"), "metadata.labels");
    Optional.ofNullable(labels.get("server")).ifPresent(v -> s.report(LintCode.SERVER_LABEL_SERVER,
        "metadata.labels.server", "metadata.labels must not have the key server: it reaches the server pods, and"
            + " the selector of every Model on this server (server=<name>) then matches them, so Model and Server"
            + " HPAs collide (was " + LintTrees.show(v) + ")", "rename the label key"));
  }
}
