package io.github.seldonhpa.cli;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.scaling.HpaCondition;
import io.github.seldonhpa.scaling.HpaController;
import io.github.seldonhpa.scaling.MetricProposal;
import io.github.seldonhpa.scaling.MetricReading;
import io.github.seldonhpa.scaling.ScaleDecision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seldon-hpa decide}: one reconcile of the HPA controller. */
@Command(name = "decide", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    header = "Show the replica count the HPA controller chooses from metric values.",
    descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
    description = {"The replica count the HPA controller chooses from metric values, with the reason and the"
        + " conditions as kubectl describe hpa shows them.",
        "A VALUE is a Kubernetes quantity: the object's value (Object), the sum of the series (External), each"
        + " pod's value (Pods, Resource AverageValue) or the percent of the requests (Resource Utilization)."},
    footer = {"%nExamples:",
        "  seldon-hpa decide --hpa irisa0-model-hpa.yaml --current 1 --metric infer_rps=9",
        "  seldon-hpa decide --hpa server-hpa.yaml --current 4 --metric infer_rps=2500m --metric cpu=85",
        "%nA metric without a value is read as the controller reads an unavailable metric.",
        "Exit codes: 0 decided, 2 bad usage or unreadable input."})
final class DecideCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--hpa", paramLabel = "FILE", required = true,
      description = "The HPA manifest (the first HorizontalPodAutoscaler in the file; - for standard input).")
  Path hpaFile;

  @Option(names = "--current", paramLabel = "N", required = true,
      description = "The target's current replicas (scale.spec.replicas = status.replicas).")
  int current;

  @Option(names = "--metric", paramLabel = "NAME=VALUE",
      description = "A metric's value, by the HPA's metric name (cpu or memory for a Resource metric).")
  Map<String, String> values = new LinkedHashMap<>();

  @Override
  public Integer call() {
    if (current < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--current must be >= 0 (was " + current + ")");
    }
    Hpa hpa = firstHpa(ManifestReader.create().read(hpaFile), spec.commandLine(), hpaFile);
    Map<String, Quantity> given = quantities(values, spec.commandLine());
    List<String> names = new ArrayList<>();
    for (Metric m : hpa.metrics()) {
      names.add(Readings.name(m));
    }
    for (String name : given.keySet()) {
      if (!names.contains(name)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--metric " + name + " is not a metric of " + hpa.name() + " (its metrics: " + String.join(", ", names) + ")");
      }
    }
    print(hpa, current, given, spec.commandLine().getOut());
    return Main.OK;
  }

  /** One reconcile at {@code now} and its report, as {@code kubectl describe hpa} lays it out. */
  static void print(Hpa hpa, int current, Map<String, Quantity> given, PrintWriter out) {
    HpaController controller = HpaController.of(hpa);
    List<MetricReading> readings = new ArrayList<>();
    for (Metric m : hpa.metrics()) {
      readings.add(Readings.of(m, Optional.ofNullable(given.get(Readings.name(m))), current));
    }
    ScaleDecision d = controller.step(Instant.now(), current, current, readings);
    out.printf("Name:                  %s%n", hpa.name());
    out.printf("Namespace:             %s%n", hpa.namespace());
    out.printf("Reference:             %s/%s%n", hpa.scaleTargetRef().kind(), hpa.scaleTargetRef().name());
    out.printf("Metrics:               ( current / target )%n");
    for (int i = 0; i < hpa.metrics().size(); i++) {
      Metric m = hpa.metrics().get(i);
      Quantity v = given.get(Readings.name(m));
      String target = m.target().quantity().map(Quantity::toString)
          .orElse(m.target().averageUtilization().map(u -> u + "%").orElse(""));
      out.printf("  \"%s\" (%s, target %s):  %s / %s%n", Readings.name(m), m.type().yamlName(),
          m.target().type().yamlName(), v == null ? "<unknown>" : v, target);
    }
    out.printf("Min replicas:          %s%n", hpa.minReplicas().map(String::valueOf).orElse("1"));
    out.printf("Max replicas:          %d%n", hpa.maxReplicas());
    out.printf("Current replicas:      %d%n", d.currentReplicas());
    out.printf("Desired replicas:      %d%s%n", d.desiredReplicas(), d.rescaled() ? " (rescaled)" : "");
    out.printf("Proposals:%n");
    for (int i = 0; i < readings.size(); i++) {
      MetricProposal p = readings.get(i).propose(current, current, controller.downTolerance(), controller.upTolerance());
      out.printf("  %s: %s%n", Readings.name(hpa.metrics().get(i)),
          p.valid() ? p.replicas() + " replicas" : p.reason().orElse("invalid") + ": " + p.error().orElse(""));
    }
    d.error().ifPresent(e -> out.printf("Error:                 %s%n", e));
    out.printf("Conditions:%n");
    out.printf("  %-15s %-7s %s%n", "Type", "Status", "Reason");
    out.printf("  %-15s %-7s %s%n", "----", "------", "------");
    for (HpaCondition c : d.conditions()) {
      out.printf("  %-15s %-7s %s%n", c.type().yamlName(), c.status() ? "True" : "False", c.reason());
    }
  }

  static Hpa firstHpa(List<Manifest> manifests, CommandLine line, Path file) {
    for (Manifest m : manifests) {
      if (m.kind().equals("HorizontalPodAutoscaler")) {
        return m.toHpa();
      }
    }
    throw new CommandLine.ParameterException(line, file + " holds no HorizontalPodAutoscaler");
  }

  static Map<String, Quantity> quantities(Map<String, String> values, CommandLine line) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      try {
        out.put(e.getKey(), Quantity.parse("--metric " + e.getKey(), e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw new CommandLine.ParameterException(line, ex.getMessage());
      }
    }
    return out;
  }
}
