package io.github.seldonhpa.benchmarks;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;

import io.github.seldonhpa.ScalingPlan;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' workload: single-model-serving plans shaped like the Seldon docs', varied by index. */
final class SeldonPairs {
  private SeldonPairs() {}

  /** {@code n} plans: Model {@code model-i} on Server {@code server-i}, infer_rps AverageValue, the docs' scale-up. */
  static List<ScalingPlan> plans(int n) {
    List<ScalingPlan> plans = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      plans.add(plan(i));
    }
    return plans;
  }

  /** Plan {@code i}: names, storage URI, target and bounds vary with {@code i}. */
  static ScalingPlan plan(int i) {
    return scalingPlan(modelName(i))
        .namespace("seldon-mesh")
        .serverName(serverName(i))
        .storageUri(storageUri(i))
        .addRequirement("sklearn")
        .memory("3M")
        .addMetric(objectMetric("infer_rps", averageValue(target(i))))
        .replicas(1, maxReplicas(i))
        .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
        .build();
  }

  static String modelName(int i) {
    return "model-" + i;
  }

  static String serverName(int i) {
    return "server-" + i;
  }

  static String storageUri(int i) {
    return "gs://seldon-models/testing/iris" + i;
  }

  static int target(int i) {
    return 3 + i % 7;
  }

  static int maxReplicas(int i) {
    return 3 + i % 5;
  }
}
