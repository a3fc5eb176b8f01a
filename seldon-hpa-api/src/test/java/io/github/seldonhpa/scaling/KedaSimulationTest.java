package io.github.seldonhpa.scaling;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KedaSimulationTest {
  private static final String QUERY = "sum by (model) (rate (seldon_model_infer_total{model=\"irisa0\"}[1m]))";

  private static ScalingPlan plan(int min, int max) {
    return scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(5))).replicas(min, max).build();
  }

  private static Simulation hpaRun(ScalingPlan plan, RpsTrace trace) {
    return Simulation.builder().trace(trace).modelHpa(plan.modelHpa()).serverHpa(plan.serverHpa())
        .serverHpaOffset(Duration.ofSeconds(7)).saturationRps(10).build();
  }

  private static KedaSimulation.Builder kedaRun(ScalingPlan plan, RpsTrace trace, KedaOptions options) {
    List<ScaledObject> sos = options.scaledObjects(plan, List.of(QUERY));
    return KedaSimulation.builder().hpa(hpaRun(plan, trace)).modelScaledObject(sos.get(0))
        .serverScaledObject(sos.get(1));
  }

  static String path(SimulationResult r) {
    StringBuilder sb = new StringBuilder();
    int last = -1;
    for (TimelineStep s : r.timeline()) {
      if (s.modelDesired() != last) {
        sb.append(sb.length() > 0 ? " -> " : "").append(s.modelDesired()).append(" (")
            .append(SimulationResult.num(s.timeSeconds())).append(" s)");
        last = s.modelDesired();
      }
    }
    return sb.toString();
  }

  @Test
  void withAFloorOfOneKedaDecidesWhatTheHpaDecides() {
    RpsTrace ramp = RpsTrace.ramp(5, 60, Duration.ofMinutes(1), Duration.ofMinutes(4), Duration.ofMinutes(15));
    KedaComparison c = kedaRun(plan(1, 12), ramp, keda("http://p:9090").build()).build().compare();
    // KEDA's HPA reads the same query on the same sync period: the same arithmetic, the same replicas
    assertThat(path(c.keda())).isEqualTo(path(c.hpa())).isEqualTo("1 (0 s) -> 2 (75 s) -> 3 (120 s) -> 4 (135 s)"
        + " -> 5 (150 s) -> 6 (165 s) -> 8 (195 s) -> 10 (225 s) -> 12 (270 s)");
    assertThat(c.keda().toCsv()).isEqualTo(c.hpa().toCsv());
    assertThat(KedaComparison.coldStarts(c.keda())).isZero();
  }

  @Test
  void scaleToZeroActivatesOnThePollAndCoolsDown() {
    RpsTrace burst = RpsTrace.points(new double[] {0, 599, 600, 899, 900}, new double[] {0, 0, 8, 8, 0},
        Duration.ofMinutes(30));
    KedaSimulation sim = kedaRun(plan(1, 4), burst, keda("http://p:9090").minReplicaCount(0).build())
        .initialReplicas(0).build();
    SimulationResult r = sim.run();
    // activated on the first poll that sees load (polls every 30 s), then the HPA from 1 up; the last
    // active poll is at 930 s, so the 300 s cooldown ends after 1230 s and the 1260 s poll deactivates
    assertThat(path(r)).isEqualTo("0 (0 s) -> 1 (600 s) -> 2 (645 s) -> 1 (1215 s) -> 0 (1260 s)");
    assertThat(r.timeline().get(599).serverDesired()).isZero();
    assertThat(r.timeline().get(1260).serverDesired()).isZero();
    assertThat(KedaComparison.coldStarts(r)).isEqualTo(1);
    assertThat(sim.compare().report()).isEqualTo("""
                                          HPA+adapter         KEDA     KEDA-HPA
        above saturation (s)                        0          112         +112
        longest above saturation (s)                0          112         +112
        ScheduleFailed (s)                         75          120          +45
        server replica-seconds                   2355         1215        -1140
        serving model replica-seconds            2295         1043        -1252
        cold starts from zero                       0            1           +1
        peak model replicas                         2            2            0
        """);
  }

  @Test
  void activationThresholdAndIdleReplicas() {
    RpsTrace burst = RpsTrace.points(new double[] {0, 599, 600, 899, 900}, new double[] {1, 1, 8, 8, 1},
        Duration.ofMinutes(30));
    // 1 rps stays below the activation threshold 2: idle at 0 until the poll at 630 s sees a 60 s mean of 4.6;
    // the last active poll is at 930 s, the 60 s cooldown ends after 990 s, the 1020 s poll idles
    KedaSimulation sim = kedaRun(plan(2, 4), burst, keda("http://p:9090").activationThreshold("2")
        .idleReplicaCount(0).cooldownPeriod(Duration.ofSeconds(60)).build()).initialReplicas(0).build();
    assertThat(path(sim.run())).isEqualTo("0 (0 s) -> 2 (630 s) -> 0 (1020 s)");
  }

  @Test
  void fallbackHoldsItsReplicasWhilePrometheusIsDown() {
    KedaSimulation sim = kedaRun(plan(1, 6), RpsTrace.constant(4, Duration.ofMinutes(15)),
        keda("http://p:9090").fallback(3, 5).build())
        .prometheusDownFrom(Duration.ofMinutes(5)).prometheusDownUntil(Duration.ofMinutes(8)).build();
    // failed reads at 300 (poll), 300 and 315 (HPA syncs); the fourth, at 330, exceeds failureThreshold 3,
    // so KEDA answers 5 * threshold and the HPA scales towards 5 (legacy limit: at most 4 from 1)
    assertThat(path(sim.run())).isEqualTo("1 (0 s) -> 4 (330 s) -> 5 (345 s) -> 1 (765 s)");
    // without a fallback the HPA keeps its replicas while the metric fails
    KedaSimulation none = kedaRun(plan(1, 6), RpsTrace.constant(4, Duration.ofMinutes(15)), keda("http://p:9090")
        .build()).prometheusDownFrom(Duration.ofMinutes(5)).prometheusDownUntil(Duration.ofMinutes(8)).build();
    assertThat(path(none.run())).isEqualTo("1 (0 s)");
  }

  @Test
  void aFallbackToZeroReplicasLetsFailingPollsDeactivate() {
    RpsTrace load = RpsTrace.constant(4, Duration.ofMinutes(15));
    // RequestScale: an error with fallback.replicas 0 goes on as an inactive poll, so after the cooldown
    // since the last good poll (270 s) the 360 s poll scales to zero; the first good poll activates again
    KedaSimulation zero = kedaRun(plan(1, 6), load, keda("http://p:9090").minReplicaCount(0)
        .cooldownPeriod(Duration.ofSeconds(60)).fallback(100, 0).build())
        .prometheusDownFrom(Duration.ofMinutes(5)).prometheusDownUntil(Duration.ofMinutes(10)).build();
    assertThat(path(zero.run())).isEqualTo("1 (0 s) -> 0 (360 s) -> 1 (600 s)");
    KedaSimulation none = kedaRun(plan(1, 6), load, keda("http://p:9090").minReplicaCount(0)
        .cooldownPeriod(Duration.ofSeconds(60)).build())
        .prometheusDownFrom(Duration.ofMinutes(5)).prometheusDownUntil(Duration.ofMinutes(10)).build();
    assertThat(path(none.run())).isEqualTo("1 (0 s)");
  }

  @Test
  void invalidSettings() {
    KedaSimulation.Builder b = kedaRun(plan(1, 4), RpsTrace.constant(4, Duration.ofMinutes(5)), keda("http://p:9090")
        .build());
    assertThatThrownBy(() -> b.initialReplicas(5).build())
        .hasMessage("initialReplicas must be in 0..4, the Model's ScaledObject bounds (was 5)");
  }
}
