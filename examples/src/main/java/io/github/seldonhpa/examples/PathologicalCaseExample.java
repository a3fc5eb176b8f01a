package io.github.seldonhpa.examples;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;

import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.scaling.Cluster;
import io.github.seldonhpa.scaling.Fleet;
import io.github.seldonhpa.scaling.FleetModel;
import io.github.seldonhpa.scaling.FleetResult;
import io.github.seldonhpa.scaling.FleetServer;
import io.github.seldonhpa.scaling.Planner;
import io.github.seldonhpa.scaling.RpsTrace;
import io.github.seldonhpa.scaling.SeldonVersion;
import io.github.seldonhpa.scaling.Simulation;
import io.github.seldonhpa.scaling.SimulationResult;
import io.github.seldonhpa.scaling.SimulationSummary;
import io.github.seldonhpa.scaling.Sizing;
import io.github.seldonhpa.scaling.StartupDelay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;

/**
 * The seeds' pathological case (seed 002, "Customizing HPA policy settings"): a continuous RPS ramp meets
 * the default, aggressive scale-up. The Model and Server HPAs raise their replicas every sync while the
 * new server pods are still starting; Seldon's all-or-nothing scheduler leaves the model ScheduleFailed
 * until every requested server replica is ready, so the 2 original replicas carry the ramp far past their
 * saturation point. The same trace is then replayed with the seed's recommended scale-up policy
 * (stabilization 60 s, Pods 5 per 90 s) and the report puts the two summaries side by side.
 *
 * <p>On this continuous ramp the recommended policy costs fewer server replica-seconds but does not end
 * the ScheduleFailed stretch sooner: each new, smaller request again waits for all its server replicas.
 * What shortens the stretch is headroom (a larger margin below saturation, a higher minReplicas floor).
 *
 * <p>Then the default plan on a cluster with room for 10 server pods (it asks for 12: the model never
 * converges), and the planner's best plan within the recommended policy's replica-seconds.
 *
 * <p>Run {@code main} with an optional output directory to also write the timelines as SVG charts, the
 * finite-cluster run as an HTML report and the planner's front as a chart.
 */
public final class PathologicalCaseExample {
  /** A replica saturates at 10 RPS (an open-loop load test on one replica). */
  static final double SATURATION_RPS = 10;
  /** The planned peak the replicas are sized for. */
  static final double PLANNED_PEAK_RPS = 96;
  /** The ramp: 16 RPS (2 replicas' worth) to 120 RPS, past the planned peak, between minute 1 and 3. */
  static final double START_RPS = 16;
  static final double END_RPS = 120;

  private PathologicalCaseExample() {}

  /** The plan of the irisa0 model on mlserver with the given scale-up rules (none: the defaults). */
  static ScalingPlan plan(ScalingRules scaleUp) {
    Quantity target = Sizing.targetFromSaturation(SATURATION_RPS, 0.2);
    ScalingPlan.Builder b = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(target)))
        .replicas(2, Sizing.maxReplicas(PLANNED_PEAK_RPS, target));
    if (scaleUp != null) {
      b.scaleUp(scaleUp);
    }
    return b.build();
  }

  /** The same trace, start-up delays and HPA timers for every run. */
  static Simulation simulation(ScalingPlan plan) {
    return base(plan).serverHpa(plan.serverHpa()).build();
  }

  static final RpsTrace TRACE =
      RpsTrace.ramp(START_RPS, END_RPS, Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(15));
  static final StartupDelay STARTUP = StartupDelay.uniform(Duration.ofSeconds(60), Duration.ofSeconds(90), 2026);

  private static Simulation.Builder base(ScalingPlan plan) {
    return Simulation.builder()
        .trace(TRACE)
        .modelHpa(plan.modelHpa())
        .serverHpaOffset(Duration.ofSeconds(7))
        .serverStartup(STARTUP)
        .maxStartingPods(5)
        .saturationRps(SATURATION_RPS);
  }

  /**
   * The default (no behavior), the seed's recommended policy, and Seldon's native lag-based scaling with
   * the helm defaults (servers following the model), in that order.
   */
  static SimulationResult[] results() {
    return new SimulationResult[] {simulation(plan(null)).run(), simulation(plan(RECOMMENDED)).run(),
        base(plan(null)).nativeScaling(NativeScaling.builder().build()).seldonVersion(SeldonVersion.of("2.9.1"))
            .build().run()};
  }

  /** The report: the scenario, the two summaries and the differences. */
  public static String report() {
    SimulationResult[] r = results();
    SimulationSummary aggressive = r[0].summary();
    SimulationSummary recommended = r[1].summary();
    StringBuilder sb = new StringBuilder();
    sb.append("Pathological case: RPS ramp ").append(num(START_RPS)).append(" -> ").append(num(END_RPS))
        .append(" between minute 1 and 3, a replica saturates at ").append(num(SATURATION_RPS)).append(" RPS\n");
    sb.append("Model HPA and Server HPA: target averageValue ")
        .append(plan(null).modelHpa().metrics().get(0).target().averageValue().orElseThrow())
        .append(", replicas 2..").append(plan(null).maxReplicas())
        .append(" (sized for ").append(num(PLANNED_PEAK_RPS)).append(" RPS)\n")
        .append("Server pods serve 60..90 s after they start, at most 5 start at once;"
            + " the Server HPA syncs 7 s after the Model HPA\n\n");
    sb.append("== default scale-up (no behavior: double or +4 per 15 s sync)\n");
    sb.append("desired model replicas: ").append(path(r[0])).append('\n');
    sb.append(aggressive.report()).append('\n');
    sb.append("== recommended scale-up (stabilization 60 s, Pods 5 per 90 s)\n");
    sb.append("desired model replicas: ").append(path(r[1])).append('\n');
    sb.append(recommended.report()).append('\n');
    sb.append("== difference (recommended - default)\n");
    sb.append(String.format(Locale.ROOT, "above saturation: %+.0f s\n",
        recommended.secondsAboveSaturation() - aggressive.secondsAboveSaturation()));
    sb.append(String.format(Locale.ROOT, "ScheduleFailed: %+.0f s\n",
        recommended.scheduleFailedSeconds() - aggressive.scheduleFailedSeconds()));
    sb.append(String.format(Locale.ROOT, "peak load per serving replica: %+.2f rps\n",
        recommended.peakLoadPerServingReplica() - aggressive.peakLoadPerServingReplica()));
    sb.append(String.format(Locale.ROOT, "server replica-seconds: %+.0f\n",
        recommended.serverReplicaSeconds() - aggressive.serverReplicaSeconds()));
    sb.append("\n== for comparison: Seldon native lag-based model scaling (seed 003, Seldon 2.9.1, helm defaults:"
        + " lag 30, stats every 20 s, one replica per 5 stable minutes)\n");
    sb.append("desired model replicas: ").append(path(r[2])).append('\n');
    sb.append(r[2].summary().report());
    sb.append("\n== the default scale-up on a finite cluster: room for 10 server pods\n");
    sb.append(finiteCluster().report());
    sb.append("\n== the planner, within the recommended policy's replica-seconds\n");
    Planner planner = planner(recommended.serverReplicaSeconds());
    sb.append("recommended: ").append(planner.evaluate(plan(RECOMMENDED))).append('\n');
    sb.append(planner.search().chosen().map(c -> "chosen: " + c).orElse("chosen: none")).append('\n');
    return sb.toString();
  }

  /** The seeds' recommended scale-up rules: stabilization 60 s, Pods 5 per 90 s. */
  static final ScalingRules RECOMMENDED = Sizing.scaleUpRules(5, Duration.ofSeconds(90), Duration.ofSeconds(60));

  /** The default plan's pair on a cluster with room for 10 server pods: it asks for 12 and never converges. */
  static FleetResult finiteCluster() {
    ScalingPlan p = plan(null);
    FleetModel m = FleetModel.builder().name("irisa0").trace(TRACE).hpa(p.modelHpa()).saturationRps(SATURATION_RPS)
        .build();
    return Fleet.builder().addServers(FleetServer.builder().name("mlserver").addModels(m).hpa(p.serverHpa().get())
            .hpaOffset(Duration.ofSeconds(7)).startup(STARTUP).build())
        .cluster(Cluster.podBudget(10)).tick(Duration.ofSeconds(1)).keepModelTimelines(true).build().run();
  }

  /** A planner on the same ramp and start-up, with a budget of {@code replicaSeconds}. */
  static Planner planner(double replicaSeconds) {
    return Planner.builder().template(plan(RECOMMENDED)).addTraces(TRACE).saturationRps(SATURATION_RPS)
        .serverStartup(STARTUP).serverHpaOffset(Duration.ofSeconds(7)).cluster(Cluster.podBudget(20))
        .tick(Duration.ofSeconds(1)).samples(200).seed(7).maxReplicaSeconds(replicaSeconds).build();
  }

  /** The successive Model spec.replicas with their times, e.g. {@code 2 (0 s) -> 4 (75 s)}. */
  static String path(SimulationResult r) {
    StringBuilder sb = new StringBuilder();
    int last = -1;
    for (var step : r.timeline()) {
      if (step.modelDesired() != last) {
        if (last >= 0) {
          sb.append(" -> ");
        }
        sb.append(step.modelDesired()).append(" (").append(num(step.timeSeconds())).append(" s)");
        last = step.modelDesired();
      }
    }
    return sb.toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * Prints the report; with an argument, also writes {@code pathological-default.svg},
   * {@code pathological-recommended.svg} and {@code pathological-native.svg} into that directory.
   */
  public static void main(String[] args) throws IOException {
    System.out.print(report());
    if (args.length > 0) {
      Path dir = Paths.get(args[0]);
      Files.createDirectories(dir);
      SimulationResult[] r = results();
      Files.write(dir.resolve("pathological-default.svg"),
          r[0].toSvg("Default scale-up (no behavior)").getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("pathological-native.svg"),
          r[2].toSvg("Seldon native lag-based scaling").getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("pathological-recommended.svg"),
          r[1].toSvg("Recommended scale-up: 60 s window, Pods 5 per 90 s").getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("pathological-finite-cluster.html"),
          finiteCluster().toHtml("Default scale-up, room for 10 server pods").getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("pathological-plans.svg"), planner(r[1].summary().serverReplicaSeconds()).search()
          .toSvg("Plans on the seeds' ramp within 8810 replica-seconds").getBytes(StandardCharsets.UTF_8));
    }
  }
}
