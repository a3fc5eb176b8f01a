package io.github.seldonhpa.scaling;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FleetTest {
  /** The seeds' ramp: 16 -> 120 RPS between minute 1 and 3, a replica saturates at 10 RPS. */
  static final RpsTrace SEED_RAMP =
      RpsTrace.ramp(16, 120, Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(15));

  static ScalingPlan irisa0() {
    return scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(8))).replicas(2, 12).build();
  }

  static FleetServer pair(String name, ScalingPlan plan, RpsTrace trace, int serverOffset) {
    FleetModel m = FleetModel.builder().name(name).trace(trace).hpa(plan.modelHpa()).saturationRps(10).build();
    return FleetServer.builder().name(name + "-server").addModels(m).hpa(plan.serverHpa())
        .hpaOffset(Duration.ofSeconds(serverOffset)).build();
  }

  @Test
  void aPairOnAnAmpleClusterMatchesTheSingleSimulation() {
    ScalingPlan p = irisa0();
    FleetResult fleet = Fleet.builder().addServers(pair("irisa0", p, SEED_RAMP, 7)).cluster(Cluster.podBudget(100))
        .tick(Duration.ofSeconds(1)).build().run();
    SimulationSummary single = Simulation.builder().trace(SEED_RAMP).modelHpa(p.modelHpa()).serverHpa(p.serverHpa())
        .serverHpaOffset(Duration.ofSeconds(7)).saturationRps(10).build().summarize();
    FleetModelSummary m = fleet.models().get(0);
    assertThat(m.secondsAboveSaturation()).isEqualTo(single.secondsAboveSaturation());
    assertThat(m.scheduleFailedSeconds()).isEqualTo(single.scheduleFailedSeconds());
    assertThat(m.serverReplicaSeconds()).isEqualTo(single.serverReplicaSeconds());
    assertThat(m.servingReplicaSeconds()).isEqualTo(single.servingReplicaSeconds());
    assertThat(m.peakModelReplicas()).isEqualTo(single.peakModelReplicas());
  }

  @Test
  void theSeedsPathologicalCaseOnAFiniteClusterNeverConverges() {
    // room for 10 server pods: the pair asks for 12 and the model stays ScheduleFailed for good
    FleetResult r = Fleet.builder().addServers(pair("irisa0", irisa0(), SEED_RAMP, 7))
        .cluster(Cluster.podBudget(10)).build().run();
    FleetModelSummary m = r.models().get(0);
    assertThat(m.converged()).isFalse();
    assertThat(m.finalModelReplicas()).isEqualTo(12);
    int last = r.steps() - 1;
    assertThat(r.loadRps(last)).isEqualTo(120.0);
    assertThat(r.servingCapacityRps(last)).isEqualTo(20.0);
    assertThat(r.readyPods(last)).isEqualTo(10);
    assertThat(r.modelsScheduleFailed(last)).isEqualTo(1);
    assertThat(r.demandedPods(last)).isEqualTo(12);
    assertThat(r.report()).isEqualTo(""
        + "fleet: 1 models on 1 servers, cluster 1 nodes x 10 pods, 900 s\n"
        + "model | server | above saturation s | ScheduleFailed s | serving replica-s | server pod-s | pending pod-s |"
        + " peak pending | metric error s | peak model/server | converged\n"
        + "irisa0 | irisa0-server | 835 | 825 | 1800 | 7975 | 1450 | 2 | 0 | 12/12 | no\n"
        + "fleet: above saturation 835 model-s, ScheduleFailed 825 model-s, server pod-s 7975, pending pod-s 1450,"
        + " peak pending 2, peak bound pods 10, peak nodes 1, node-s 900\n"
        + "never converges: irisa0 (ScheduleFailed: Model 12 replicas, 10 server replicas ready; 2 server pods"
        + " Pending (cluster full) since 75 s)\n");
  }

  @Test
  void aClusterThatCannotHoldTheInitialPodsIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fleet.builder()
        .addServers(pair("irisa0", irisa0(), SEED_RAMP, 7)).cluster(Cluster.podBudget(1)).build())
        .isInstanceOf(io.github.seldonhpa.HpaValidationException.class)
        .hasMessage("cluster must fit the servers' initial replicas, 2 pods (was room for 1)");
  }

  @Test
  void aClusterAutoscalerEndsThePendingAfterItsNodesStart() {
    Cluster c = Cluster.builder().nodes(2).podsPerNode(5).maxNodes(3).nodeStartup(Duration.ofMinutes(2)).build();
    FleetResult r = Fleet.builder().addServers(pair("irisa0", irisa0(), SEED_RAMP, 7)).cluster(c).build().run();
    FleetModelSummary m = r.models().get(0);
    assertThat(m.converged()).isTrue();
    assertThat(r.peakNodes()).isEqualTo(3);
    assertThat(m.pendingPodSeconds()).isGreaterThan(0);
    assertThat(r.pendingPods(r.steps() - 1)).isZero();
  }

  @Test
  void theResultDoesNotDependOnTheThreadCount() {
    Fleet.Builder b = Fleet.builder().cluster(Cluster.podBudget(40));
    for (int i = 0; i < 9; i++) {
      double peak = 40 + 10 * i;
      b.addServers(pair("m" + i, irisa0(),
          RpsTrace.ramp(10, peak, Duration.ofSeconds(30 * i), Duration.ofSeconds(30 * i + 120), Duration.ofMinutes(20)),
          i % 15));
    }
    Fleet one = b.threads(1).build();
    Fleet two = ((ImmutableFleet) one).withThreads(2);
    assertThat(two.run().report()).isEqualTo(one.run().report());
  }

  @Test
  void lagSettingsBelongToTheServerAndApplyToEveryModelOnIt() {
    // two Servers with different SELDON_MODEL_INFERENCE_LAG_THRESHOLD, each hosting two models under native
    // server scaling: the threshold is the Server's, so both its models scale the same way
    ScalingPlan bounds = scalingPlan("any").namespace("seldon-mesh").addMetric(objectMetric("infer_rps", averageValue(10)))
        .replicas(1, 4).build();
    Fleet.Builder b = Fleet.builder().cluster(Cluster.podBudget(20)).seldonVersion(SeldonVersion.of("2.9.1"))
        .tick(Duration.ofSeconds(1));
    for (int lag : new int[] {30, 100_000}) {
      FleetServer.Builder s = FleetServer.builder().name("mlserver-" + lag)
          .nativeScaling(NativeScaling.builder().modelInferenceLagThreshold(lag).build());
      for (String name : new String[] {"a", "b"}) {
        s.addModels(FleetModel.builder().name(name + lag).trace(RpsTrace.constant(15, Duration.ofSeconds(700)))
            .hpa(bounds.modelHpa()).saturationRps(10).build());
      }
      b.addServers(s.build());
    }
    FleetResult r = b.build().run();
    assertThat(r.models()).extracting(FleetModelSummary::peakModelReplicas).containsExactly(3, 3, 1, 1);
    assertThat(r.models()).extracting(FleetModelSummary::peakServerReplicas).containsExactly(3, 3, 1, 1);
  }

  @Test
  void aMetricOutageKeepsTheReplicasAndCountsTheFailedReads() {
    // load rises at 5 min; the adapter is down from 4 to 10 min: the HPAs keep 2 replicas until it is back
    RpsTrace rise = RpsTrace.points(new double[] {0, 300, 301}, new double[] {16, 16, 80}, Duration.ofMinutes(15));
    Fleet base = Fleet.builder().addServers(pair("irisa0", irisa0(), rise, 0)).cluster(Cluster.podBudget(20))
        .keepModelTimelines(true).build();
    FleetResult healthy = base.run();
    FleetResult outage = ((ImmutableFleet) base)
        .withFaults(Fault.metricOutage(Duration.ofMinutes(4), Duration.ofMinutes(10))).run();
    int at9 = 9 * 60 / 5;
    assertThat(healthy.desiredReplicas(0, at9)).isEqualTo(10);
    assertThat(outage.desiredReplicas(0, at9)).isEqualTo(2);
    assertThat(outage.metricError(0, at9)).isTrue();
    assertThat(outage.metricError(0, 10 * 60 / 5)).isFalse();
    assertThat(outage.desiredReplicas(0, 10 * 60 / 5)).isEqualTo(4);
    // failed reads from the sync at 240 s until the one at 600 s succeeds
    assertThat(outage.models().get(0).metricErrorSeconds()).isEqualTo(360.0);
    assertThat(outage.models().get(0).secondsAboveSaturation())
        .isGreaterThan(healthy.models().get(0).secondsAboveSaturation() + 200);
  }

  @Test
  void aStaleSeriesScalesDownUnderLoad() {
    Fleet.Builder b = Fleet.builder().addServers(pair("irisa0", irisa0(), RpsTrace.constant(80, Duration.ofMinutes(20)),
        0)).cluster(Cluster.podBudget(20));
    FleetResult r = b.addFaults(Fault.staleSeries("irisa0", Duration.ofMinutes(2), Duration.ofMinutes(12))).build()
        .run();
    assertThat(r.models().get(0).secondsAboveSaturation()).isGreaterThan(0);
    assertThat(r.models().get(0).metricErrorSeconds()).isZero();
  }

  @Test
  void aScrapeGapLongerThanTheWindowFailsTheMetricRead() {
    FleetResult r = Fleet.builder().addServers(pair("irisa0", irisa0(), RpsTrace.constant(80, Duration.ofMinutes(10)),
        0)).cluster(Cluster.podBudget(20)).addFaults(Fault.scrapeGap("irisa0", Duration.ofMinutes(2),
        Duration.ofMinutes(5))).build().run();
    // with a 60 s window and 15 s scrapes a read fails while fewer than 30 s of samples are in the window:
    // from the sync at 2:30 until the one at 5:30, 30 s after the samples are back
    assertThat(r.models().get(0).metricErrorSeconds()).isEqualTo(180.0);
    assertThat(r.models().get(0).finalModelReplicas()).isEqualTo(10);
  }

  @Test
  void podsThatFailToStartKeepTheModelScheduleFailedUntilTheFaultEnds() {
    Fleet base = Fleet.builder().addServers(pair("irisa0", irisa0(), SEED_RAMP, 0)).cluster(Cluster.podBudget(20))
        .keepModelTimelines(true).build();
    FleetResult crash = ((ImmutableFleet) base)
        .withFaults(Fault.podStartFailure("irisa0-server", Duration.ZERO, Duration.ofMinutes(8))).run();
    // pods started before 8 min crash until then and serve 60 s after their restart, at 9 min
    assertThat(crash.scheduleFailed(0, 535 / 5)).isTrue();
    assertThat(crash.servingReplicas(0, 535 / 5)).isEqualTo(2);
    assertThat(crash.scheduleFailed(0, 540 / 5)).isFalse();
    assertThat(base.run().scheduleFailed(0, 535 / 5)).isFalse();
  }
}
