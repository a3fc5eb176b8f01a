package io.github.seldonhpa.examples;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.model;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;

import io.github.seldonhpa.Model;
import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.Manifests;
import io.github.seldonhpa.promql.SeldonPresets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Seldon Core 2 HPA documentation's scenario, declared with the DSL: the {@code irisa0} Model and its
 * HPA (RPS-based Model autoscaling), the {@code irisa0}/{@code mlserver} HPA pair for single-model serving
 * with and without the recommended scale-up policy, the prometheus-adapter ConfigMap with the
 * {@code infer_rps} rule (2m and 1m rate windows), and the {@code tfsimple} Model of native lag-based
 * scaling with the helm values that drive it.
 *
 * <p>Run with no argument to print every manifest to stdout; with a folder to also write one file each.
 */
public final class SeedScenarioExample {
  private SeedScenarioExample() {}

  /** The irisa0 Model scaled on {@code infer_rps}, 3 RPS per replica, 1 to 3 replicas. */
  private static ScalingPlan.Builder irisa0() {
    return model("irisa0")
        .namespace("seldon-mesh")
        .storageUri("gs://seldon-models/testing/iris1")
        .addRequirement("sklearn")
        .memory("3M")
        .addMetric(objectMetric("infer_rps", averageValue(3)))
        .replicas(1, 3);
  }

  /** RPS-based Model autoscaling: the irisa0 Model and its HPA; Seldon scales the servers. */
  static ScalingPlan modelHpa() {
    return irisa0().build();
  }

  /** Single-model serving: the same plan, also scaling the {@code mlserver} Server on the same metric. */
  static ScalingPlan singleModelServing() {
    return irisa0().server("mlserver").build();
  }

  /** The pair with the docs' recommended scale-up: stabilization 60 s, at most 5 Pods per 90 s. */
  static ScalingPlan customScaleUpPolicy() {
    return irisa0().server("mlserver")
        .scaleUp(scalingRules()
            .stabilizationWindow(ofSeconds(60))
            .addPolicy(pods(5, ofSeconds(90)))
            .build())
        .build();
  }

  /** Seldon's native lag-based scaling: {@code minReplicas} set on the Model, no HPA. */
  static Model nativeScalingModel() {
    return Model.builder()
        .name("tfsimple")
        .storageUri("gs://seldon-models/triton/simple")
        .addRequirement("tensorflow")
        .memory("100Ki")
        .minReplicas(1)
        .replicas(1)
        .build();
  }

  /** The adapter ConfigMap of the {@code hpa-metrics} Helm release with the docs' {@code infer_rps} rule. */
  static String adapterConfigMap(Duration rateWindow) {
    return Manifests.adapterConfigMapYaml("hpa-metrics", "seldon-monitoring",
        SeldonPresets.inferRpsConfig(rateWindow));
  }

  /** Every manifest of the scenario by file name, in the order the docs introduce them. */
  public static Map<String, String> manifests() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("prometheus-adapter.config.yaml", adapterConfigMap(Duration.ofMinutes(2)));
    files.put("irisa0.yaml", Manifests.yaml(modelHpa().model().orElseThrow()));
    files.put("irisa0-hpa.yaml", Manifests.hpasYaml(modelHpa()));
    files.put("prometheus-adapter.config-1m.yaml", adapterConfigMap(Duration.ofMinutes(1)));
    files.put("irisa0-mlserver-hpa.yaml", Manifests.hpasYaml(singleModelServing()));
    files.put("hpa-custom-policy.yaml", Manifests.hpasYaml(customScaleUpPolicy()));
    files.put("tfsimple_scaling.yaml", Manifests.yaml(nativeScalingModel()));
    files.put("native-scaling-values.yaml", Manifests.helmValuesYaml(NativeScaling.builder().build()));
    return files;
  }

  /** The whole scenario as one multi-document stream, each document headed by its file name. */
  public static String render() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : manifests().entrySet()) {
      out.append(out.length() == 0 ? "" : "---\n").append("# ").append(e.getKey()).append('\n')
          .append(e.getValue());
    }
    return out.toString();
  }

  /**
   * Prints the scenario; with a folder argument, also writes one file per manifest there.
   *
   * @param args optional: the output folder
   */
  public static void main(String[] args) {
    if (args.length > 0) {
      Path dir = Paths.get(args[0]);
      try {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : manifests().entrySet()) {
          Files.write(dir.resolve(e.getKey()), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.out.print(render());
  }
}
