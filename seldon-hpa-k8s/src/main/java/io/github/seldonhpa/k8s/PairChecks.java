package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HPAs against each other: two HPAs on one target, and the Model HPA / Server HPA pairs of single-model
 * serving, which must be the same and must not scale up by Percent.
 */
final class PairChecks implements LintFamily {
  @Override
  public void check(LintIndex index) {
    checkDuplicateTargets(index);
    Map<String, List<LintHpa>> modelHpas = new HashMap<>();
    for (LintHpa h : index.hpas) {
      if (h.targetsModel()) {
        modelHpas.computeIfAbsent(h.namespace + "/" + h.targetName, k -> new ArrayList<>()).add(h);
      }
    }
    for (LintHpa server : index.hpas) {
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
      models.addAll(index.modelsOnServer(server.namespace, server.targetName));
      for (String name : models) {
        for (LintHpa model : modelHpas.getOrDefault(server.namespace + "/" + name, List.of())) {
          comparePair(model, server);
          percentScaleUp(model);
        }
      }
    }
  }

  private static void checkDuplicateTargets(LintIndex index) {
    Map<String, LintHpa> first = new LinkedHashMap<>();
    for (LintHpa h : index.hpas) {
      if (h.targetKind.isEmpty() || h.targetName.isEmpty()) {
        continue;
      }
      String key = h.namespace + "/" + LintTrees.group(h.targetApiVersion) + "/" + h.targetKind + "/" + h.targetName;
      LintHpa earlier = first.putIfAbsent(key, h);
      if (earlier != null) {
        h.subject.report(LintCode.DUPLICATE_HPA_TARGET, "spec.scaleTargetRef", "HorizontalPodAutoscaler "
            + earlier.display() + " (" + earlier.subject.where("") + ") already scales " + h.targetKind + " "
            + h.targetName + ": two HPAs on one target overwrite each other's spec.replicas",
            "keep one HPA per target and put all its metrics in that HPA");
      }
    }
  }

  private static void comparePair(LintHpa model, LintHpa server) {
    LintSubject s = server.subject;
    String fix = "make the Server HPA's metrics, minReplicas, maxReplicas and behavior the same as the Model HPA's";
    for (String field : new String[] {"minReplicas", "maxReplicas", "metrics", "behavior"}) {
      String path = YamlPaths.key("spec", field);
      String diff = LintTrees.difference(model.spec.get(field), server.spec.get(field), path);
      if (diff == null || field.equals("minReplicas") && model.minReplicas.orElse(1) == server.minReplicas.orElse(1)) {
        continue;
      }
      JsonNode want = LintTrees.at(model.spec, diff.substring("spec".length()));
      JsonNode have = LintTrees.at(server.spec, diff.substring("spec".length()));
      String message;
      if (!Fields.present(want)) {
        message = diff + " is set here but not on the Model HPA " + model.display() + " (was "
            + LintTrees.show(have) + ")";
      } else if (!Fields.present(have)) {
        message = diff + " must be set as on the Model HPA " + model.display() + ": " + LintTrees.show(want)
            + " (was unset)";
      } else {
        message = diff + " must equal the Model HPA " + model.display() + "'s " + LintTrees.show(want) + " (was "
            + LintTrees.show(have) + ")";
      }
      s.report(LintCode.HPA_PAIR_OUT_OF_SYNC, diff, message, fix);
    }
  }

  private static void percentScaleUp(LintHpa h) {
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
}
