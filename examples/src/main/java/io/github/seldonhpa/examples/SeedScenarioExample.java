package io.github.seldonhpa.examples;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;

import io.github.seldonhpa.Model;
import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.AdapterInstall;
import io.github.seldonhpa.k8s.Manifests;
import io.github.seldonhpa.promql.SeldonPresets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Seldon Core 2 HPA documentation's scenarios, declared with the DSL. Each scenario is one consistent
 * setup, safe to {@code kubectl apply} as a whole (no object twice): its manifests, plus the Helm values
 * and install commands that go with it under {@code helm/} when written to a folder.
 *
 * <ul>
 *   <li>{@code model-hpa}: RPS-based Model autoscaling: the adapter ConfigMap (2m rate window), the
 *       {@code irisa0} Model and its HPA; Seldon scales the servers.
 *   <li>{@code single-model-serving} (printed by default): the adapter ConfigMap (1m), the Model and the
 *       {@code irisa0}/{@code mlserver} HPA pair with the docs' recommended scale-up, stabilization 60 s and
 *       at most 5 Pods per 90 s (the docs' first pair, without it, is what lint warns about: SHPA022).
 *   <li>{@code native-scaling}: the {@code tfsimple} Model of Seldon's lag-based scaling and the
 *       {@code seldon-core-v2-setup} values that drive it.
 * </ul>
 */
public final class SeedScenarioExample {
  /** The scenario printed when no other is asked for. */
  static final String DEFAULT_SCENARIO = "single-model-serving";

  private static final String USAGE = String.join("\n",
      "Usage: java -jar seldon-hpa-examples.jar [--scenario NAME] [--out DIR]",
      "       java -jar seldon-hpa-examples.jar --list | --help",
      "",
      "Renders the Seldon Core 2 HPA documentation's scenarios with seldon-hpa. Each scenario is one setup,",
      "safe to kubectl apply as a whole.",
      "",
      "  --scenario NAME  print scenario NAME as one YAML stream (default: " + DEFAULT_SCENARIO + ")",
      "  --out DIR        instead write every scenario to DIR/<scenario>/, one file per manifest, with its",
      "                   Helm values and install commands under DIR/<scenario>/helm/",
      "  --list           print the scenario names",
      "  -h, --help       print this help",
      "",
      "Examples:",
      "  java -jar seldon-hpa-examples.jar | kubectl apply --dry-run=client -f -",
      "  java -jar seldon-hpa-examples.jar --scenario model-hpa",
      "  java -jar seldon-hpa-examples.jar --out manifests && kubectl apply -f manifests/model-hpa",
      "",
      "Exit codes: 0 done, 1 a file could not be written, 2 bad usage.",
      "");

  private SeedScenarioExample() {}

  /** The irisa0 Model scaled on {@code infer_rps}, 3 RPS per replica, 1 to 3 replicas. */
  private static ScalingPlan.Builder irisa0() {
    return scalingPlan("irisa0")
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

  /**
   * Single-model serving: the same plan, also scaling the {@code mlserver} Server on the same metric, with
   * the docs' recommended scale-up: stabilization 60 s, at most 5 Pods per 90 s.
   */
  static ScalingPlan singleModelServing() {
    return modelHpa().toBuilder()
        .serverName("mlserver")
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

  /** The docs' prometheus-adapter install: release {@code hpa-metrics} beside Prometheus, the infer_rps rule. */
  static AdapterInstall adapterInstall(Duration rateWindow) {
    return AdapterInstall.builder()
        .release("hpa-metrics")
        .namespace("seldon-monitoring")
        .prometheusUrl("http://seldon-monitoring-prometheus")
        .config(SeldonPresets.inferRpsConfig(rateWindow))
        .build();
  }

  /** The files of an HPA scenario: ConfigMap, Model, HPAs; the chart values and commands under helm/. */
  private static Map<String, String> hpaScenario(Duration rateWindow, ScalingPlan plan, String hpaFile) {
    AdapterInstall install = adapterInstall(rateWindow);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("prometheus-adapter.config.yaml", install.configMapYaml());
    files.put("irisa0.yaml", Manifests.yaml(plan.modelResource().orElseThrow()));
    files.put(hpaFile, Manifests.hpasYaml(plan));
    files.put("helm/prometheus-adapter.values.yaml", install.chartValuesYaml());
    files.put("helm/install.sh", "# with the rules in the ConfigMap, as the Seldon docs do (from this folder)\n"
        + lines(install.commands("../prometheus-adapter.config.yaml"))
        + "# or with the rules in the chart values: no replace and restart needed\n"
        + "# " + String.join("\n# ", install.chartValuesCommands("prometheus-adapter.values.yaml")) + "\n");
    return files;
  }

  private static String lines(List<String> commands) {
    return String.join("\n", commands) + "\n";
  }

  /** The scenario names, in the order the docs introduce them. */
  static final List<String> NAMES = List.of("model-hpa", "single-model-serving", "native-scaling");

  /** The files of one scenario by path; only that scenario is rendered. */
  private static Map<String, String> scenario(String name) {
    switch (name) {
      case "model-hpa":
        return hpaScenario(Duration.ofMinutes(2), modelHpa(), "irisa0-hpa.yaml");
      case "single-model-serving":
        return hpaScenario(Duration.ofMinutes(1), singleModelServing(), "hpa-custom-policy.yaml");
      case "native-scaling":
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tfsimple_scaling.yaml", Manifests.yaml(nativeScalingModel()));
        files.put("helm/seldon-core-v2-setup.values.yaml", Manifests.helmValuesYaml(NativeScaling.builder().build()));
        return files;
      default:
        throw new IllegalArgumentException("scenario must be one of " + String.join(", ", NAMES) + " (was \""
            + name + "\")");
    }
  }

  /** Every scenario by name, each with its files by path, in the order the docs introduce them. */
  public static Map<String, Map<String, String>> scenarios() {
    Map<String, Map<String, String>> scenarios = new LinkedHashMap<>();
    for (String name : NAMES) {
      scenarios.put(name, scenario(name));
    }
    return scenarios;
  }

  /**
   * One scenario's manifests as one multi-document stream for {@code kubectl apply -f -}, each document
   * headed by its file name (Helm files are not Kubernetes objects and stay out).
   *
   * @throws IllegalArgumentException for an unknown scenario
   */
  public static String render(String scenario) {
    Map<String, String> files = scenario(scenario);
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : files.entrySet()) {
      if (!e.getKey().startsWith("helm/")) {
        out.append(out.length() == 0 ? "" : "---\n").append("# ").append(e.getKey()).append('\n')
            .append(e.getValue());
      }
    }
    return out.toString();
  }

  /**
   * Runs the command line: prints a scenario, lists them, writes them to a folder or prints the help.
   *
   * @return the exit code: 0 done, 1 a file could not be written, 2 bad usage
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String scenario = null;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h":
        case "--help":
          out.print(USAGE);
          return 0;
        case "--list":
          NAMES.forEach(out::println);
          return 0;
        case "--scenario":
        case "--out":
          if (i + 1 >= args.length) {
            return usageError(err, "option " + a + " needs a value");
          }
          String value = args[++i];
          if (a.equals("--out")) {
            dir = Path.of(value);
          } else if (!NAMES.contains(value)) {
            return usageError(err, "unknown scenario '" + value + "' (one of " + String.join(", ", NAMES) + ")");
          } else {
            scenario = value;
          }
          break;
        default:
          return usageError(err, a.startsWith("-") ? "unknown option '" + a + "'"
              : "unexpected argument '" + a + "' (write files with --out DIR)");
      }
    }
    if (dir != null && scenario != null) {
      return usageError(err, "--out writes every scenario; leave out --scenario");
    }
    if (dir == null) {
      out.print(render(scenario == null ? DEFAULT_SCENARIO : scenario));
      return 0;
    }
    for (Map.Entry<String, Map<String, String>> s : scenarios().entrySet()) {
      for (Map.Entry<String, String> f : s.getValue().entrySet()) {
        Path file = dir.resolve(s.getKey()).resolve(f.getKey());
        try {
          Files.createDirectories(file.getParent());
          Files.write(file, f.getValue().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          String reason = e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
              ? ((FileSystemException) e).getReason() : e.getClass().getSimpleName();
          err.println("seldon-hpa-examples: cannot write " + file + ": " + reason);
          return 1;
        }
        out.println(file);
      }
    }
    return 0;
  }

  private static int usageError(PrintStream err, String message) {
    err.println("seldon-hpa-examples: " + message);
    err.println("Try 'java -jar seldon-hpa-examples.jar --help'.");
    return 2;
  }

  /**
   * The command line; see {@code --help}.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }
}
