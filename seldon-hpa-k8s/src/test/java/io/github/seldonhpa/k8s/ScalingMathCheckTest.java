package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScalingMathCheckTest {
  private static String hpa(String name, String kind, String target, int max, String metric, String type,
      String behavior) {
    return "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: " + name
        + "\n  namespace: seldon-mesh\nspec:\n  scaleTargetRef:\n    apiVersion: mlops.seldon.io/v1alpha1\n"
        + "    kind: " + kind + "\n    name: " + target + "\n  minReplicas: 2\n  maxReplicas: " + max + "\n"
        + "  metrics:\n  - type: Object\n    object:\n      metric:\n        name: " + metric + "\n"
        + "      describedObject:\n        apiVersion: mlops.seldon.io/v1alpha1\n        kind: Model\n"
        + "        name: irisa0\n      target:\n        type: " + type + "\n        averageValue: 8\n" + behavior;
  }

  private static List<Finding> lint(String... docs) {
    return Lint.check(ManifestReader.create().read("pair.yaml", String.join("---\n", docs)), LintFacts.defaults())
        .stream().filter(f -> f.code() == LintCode.HPA_PAIR_CAN_DIVERGE || f.code() == LintCode.LATENCY_AVERAGE_VALUE)
        .collect(Collectors.toList());
  }

  /** Seed 002's pair, sized to 12: Model 12 vs Server 11 at 86.4..96.8 RPS (the simulator shows it at 96). */
  @Test
  void seed002PairWithTwelveReplicasIsWarnedBeforeDeployment() {
    List<Finding> f = lint(hpa("irisa0-model-hpa", "Model", "irisa0", 12, "infer_rps", "AverageValue", ""),
        hpa("mlserver-server-hpa", "Server", "mlserver", 12, "infer_rps", "AverageValue", ""));
    assertThat(f).hasSize(1);
    assertThat(f.get(0).code().id()).isEqualTo("SHPA036");
    assertThat(f.get(0).path()).isEqualTo("spec.behavior");
    assertThat(f.get(0).message()).isEqualTo("the Model and Server HPAs can settle on different replica counts:"
        + " the Model HPA can rest above the Server HPA (the model stays ScheduleFailed) at steady loads 43.2..44,"
        + " 50.4..52.8, 57.6..61.6, 64.8..70.4, 72..96.8; a tolerance of 42m on both HPAs, both directions, avoids it");
    assertThat(f.get(0).fix()).startsWith("set spec.behavior.scaleUp.tolerance and spec.behavior.scaleDown.tolerance"
        + " to 42m on both HPAs");
  }

  @Test
  void theSuggestedToleranceOrTheSeedsThreeReplicasAreQuiet() {
    String tol = "  behavior:\n    scaleUp:\n      tolerance: 42m\n    scaleDown:\n      tolerance: 42m\n";
    assertThat(lint(hpa("m", "Model", "irisa0", 12, "infer_rps", "AverageValue", tol),
        hpa("s", "Server", "mlserver", 12, "infer_rps", "AverageValue", tol))).isEmpty();
    assertThat(lint(hpa("m", "Model", "irisa0", 3, "infer_rps", "AverageValue", ""),
        hpa("s", "Server", "mlserver", 3, "infer_rps", "AverageValue", ""))).isEmpty();
  }

  @Test
  void theLatencyPresetWithAverageValueIsRefusedWithTheReason() {
    List<Finding> f = lint(hpa("m", "Model", "irisa0", 3, "infer_latency_seconds", "AverageValue", ""));
    assertThat(f).hasSize(1);
    assertThat(f.get(0).code()).isEqualTo(LintCode.LATENCY_AVERAGE_VALUE);
    assertThat(f.get(0).path()).isEqualTo("spec.metrics[0].object.target.type");
    assertThat(f.get(0).message()).isEqualTo("target.type AverageValue cannot scale on infer_latency_seconds (was"
        + " AverageValue): a mean latency is not a per-replica quantity, so the HPA asks for ceil(latency /"
        + " averageValue) replicas whatever the count (the same at 1, 2 and 8 replicas) and never settles on the load");
  }
}
