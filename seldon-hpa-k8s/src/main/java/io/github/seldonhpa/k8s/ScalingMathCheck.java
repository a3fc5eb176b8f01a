package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.scaling.PairDivergence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lint family of the scaling arithmetic: a Model/Server HPA pair whose tolerance bands let the two HPAs
 * rest at different counts ({@link PairDivergence}), and a mean-latency metric with an AverageValue target.
 * Reads the HPA specs as read; a field it cannot read is left to the other checks.
 */
final class ScalingMathCheck implements LintFamily {
  private static final Set<String> LATENCY_METRICS =
      Set.of(SeldonPresets.MODEL_LATENCY_METRIC, SeldonPresets.PIPELINE_LATENCY_METRIC);
  private static final double DEFAULT_TOLERANCE = 0.1;

  @Override
  public void check(LintIndex index) {
    Map<String, List<LintHpa>> modelHpas = new HashMap<>();
    for (LintHpa h : index.hpas) {
      if (h.seldon) {
        latencyAverageValue(h.spec).forEach(f -> h.subject.report(f.code, f.path, f.message, f.fix));
      }
      if (h.targetsModel()) {
        modelHpas.computeIfAbsent(h.namespace + "/" + h.targetName, k -> new ArrayList<>()).add(h);
      }
    }
    for (LintHpa server : index.hpas) {
      if (!server.targetsServer()) {
        continue;
      }
      // the Models it pairs with, as PairChecks finds them: described by its metrics, or placed on it
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
          pairDivergence(model.spec, server.spec)
              .ifPresent(f -> server.subject.report(f.code, f.path, f.message, f.fix));
        }
      }
    }
  }

  /** A finding before the run places it. */
  static final class Issue {
    final LintCode code;
    final String path;
    final String message;
    final String fix;

    Issue(LintCode code, String path, String message, String fix) {
      this.code = code;
      this.path = path;
      this.message = message;
      this.fix = fix;
    }
  }

  /** Every metric of {@code spec} that targets a mean latency with an AverageValue. */
  static List<Issue> latencyAverageValue(JsonNode spec) {
    List<Issue> out = new ArrayList<>();
    JsonNode metrics = spec.path("metrics");
    for (int i = 0; metrics.isArray() && i < metrics.size(); i++) {
      JsonNode m = metrics.get(i);
      String type = m.path("type").asText();
      String source = type.isEmpty() ? "" : Character.toLowerCase(type.charAt(0)) + type.substring(1);
      JsonNode metric = m.path(source).path("metric");
      JsonNode target = m.path(source).path("target");
      String name = metric.path("name").asText();
      if (LATENCY_METRICS.contains(name) && "AverageValue".equals(target.path("type").asText())) {
        out.add(new Issue(LintCode.LATENCY_AVERAGE_VALUE, YamlPaths.index("spec.metrics", i) + "." + source
            + ".target.type", "target.type AverageValue cannot scale on " + name + " (was AverageValue): a mean"
            + " latency is not a per-replica quantity, so the HPA asks for ceil(latency / averageValue) replicas"
            + " whatever the count (the same at 1, 2 and 8 replicas) and never settles on the load",
            "scale on infer_rps with an averageValue below the RPS one replica serves within the latency SLO"
                + " (measured with an open-loop load test; LatencySlo.rpsTarget computes it)"));
      }
    }
    return out;
  }

  /** The pair's ScheduleFailed bands, when the two specs can be read and have any. */
  static Optional<Issue> pairDivergence(JsonNode modelSpec, JsonNode serverSpec) {
    try {
      Optional<double[]> m = settings(modelSpec);
      Optional<double[]> s = settings(serverSpec);
      if (m.isEmpty() || s.isEmpty()) {
        return Optional.empty();
      }
      double[] a = m.get();
      double[] b = s.get();
      PairDivergence d = PairDivergence.of((int) a[0], (int) a[1], a[2], a[3], a[4], (int) b[0], (int) b[1], b[2],
          b[3], b[4]);
      if (d.scheduleFailedBands().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Issue(LintCode.HPA_PAIR_CAN_DIVERGE, "spec.behavior", "the Model and Server HPAs can"
          + " settle on different replica counts: " + d.describe(),
          "set spec.behavior.scaleUp.tolerance and spec.behavior.scaleDown.tolerance to "
              + d.suggestedTolerance() + " on both HPAs (Kubernetes 1.33+, HPAConfigurableTolerance), or drop the"
              + " Server HPA and let Seldon's server autoscaling follow the Model"));
    } catch (HpaValidationException | ArithmeticException e) {
      // an unreadable value is another check's finding
      return Optional.empty();
    }
  }

  /** min, max, target per replica, down and up tolerance of an HPA with an AverageValue Object metric. */
  private static Optional<double[]> settings(JsonNode spec) {
    JsonNode max = spec.path("maxReplicas");
    JsonNode min = spec.path("minReplicas");
    if (!max.canConvertToInt() || (!min.isMissingNode() && !min.canConvertToInt())) {
      return Optional.empty();
    }
    for (JsonNode m : spec.path("metrics")) {
      JsonNode target = m.path("object").path("target");
      if ("Object".equals(m.path("type").asText()) && "AverageValue".equals(target.path("type").asText())
          && target.path("averageValue").isValueNode()) {
        double t = Quantity.parse(target.path("averageValue").asText()).doubleValue();
        int lo = min.isMissingNode() ? 1 : min.asInt();
        int hi = max.asInt();
        if (t <= 0 || lo < 1 || hi < lo) {
          return Optional.empty();
        }
        return Optional.of(new double[] {lo, hi, t, tolerance(spec, "scaleDown"), tolerance(spec, "scaleUp")});
      }
    }
    return Optional.empty();
  }

  private static double tolerance(JsonNode spec, String direction) {
    JsonNode t = spec.path("behavior").path(direction).path("tolerance");
    return t.isValueNode() ? Quantity.parse(t.asText()).doubleValue() : DEFAULT_TOLERANCE;
  }
}
