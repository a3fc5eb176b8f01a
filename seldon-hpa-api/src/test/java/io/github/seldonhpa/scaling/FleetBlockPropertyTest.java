package io.github.seldonhpa.scaling;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The fleet engine lets each server run ahead of the scheduling passes until it has a Pending pod. With
 * blocks of one tick every server steps in lockstep with the passes, the plain reading of the rules; the
 * two must agree tick for tick, on one thread and on two, on fleets that fight for a small cluster.
 */
class FleetBlockPropertyTest {
  private static final long SEED = Long.getLong("QT_SEED", 0xB10C_F1EEL);

  static {
    System.out.println("FleetBlockPropertyTest QuickTheories seed " + SEED + " (rerun with -DQT_SEED=" + SEED + ")");
  }

  @Test
  void runningAheadGivesTheLockstepResult() {
    qt().withExamples(500).withFixedSeed(SEED).forAll(FleetPropertyTest.fleets())
        .checkAssert(fleet -> compare(fleet, 2));
  }

  @Test
  void runningAheadGivesTheLockstepResultOnACrowdedCluster() {
    qt().withExamples(150).withFixedSeed(SEED).forAll(crowds()).checkAssert(fleet -> compare(fleet, 2));
  }

  private static void compare(Fleet fleet, int threads) {
    String lockstep = timeline(new FleetEngine(((ImmutableFleet) fleet).withThreads(1), 1).run());
    for (int t = 1; t <= threads; t++) {
      String ahead = timeline(new FleetEngine(((ImmutableFleet) fleet).withThreads(t), FleetEngine.BLOCK).run());
      if (!ahead.equals(lockstep)) {
        fail("running ahead on " + t + " threads differs from lockstep at line " + firstDifference(lockstep, ahead)
            + " of the timeline:\n" + ahead.substring(0, Math.min(ahead.length(), 4000)));
      }
    }
  }

  private static int firstDifference(String a, String b) {
    String[] x = a.split("\n");
    String[] y = b.split("\n");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return i + 1;
      }
    }
    return Math.min(x.length, y.length) + 1;
  }

  /** Everything a run reports: the report, every fleet figure per tick, every model's timeline. */
  static String timeline(FleetResult r) {
    StringBuilder b = new StringBuilder(r.report());
    b.append(r.pendingPodSeconds()).append(' ').append(r.peakNodes()).append(' ').append(r.nodeSeconds()).append('\n');
    for (FleetModelSummary s : r.models()) {
      b.append(s.modelName()).append(' ').append(s.longestAboveSaturation()).append(' ').append(s.metricErrorSeconds())
          .append(' ').append(s.peakPendingPods()).append(' ').append(s.finalServerReplicas()).append('\n');
    }
    for (int i = 0; i < r.steps(); i++) {
      b.append(i).append(": ").append(r.boundPods(i)).append(' ').append(r.pendingPods(i)).append(' ')
          .append(r.capacityPods(i)).append(' ').append(r.demandedPods(i)).append(' ').append(r.readyPods(i))
          .append(' ').append(r.loadRps(i)).append(' ').append(r.servingCapacityRps(i)).append(' ')
          .append(r.modelsScheduleFailed(i)).append(' ').append(r.modelsAboveSaturation(i)).append(' ')
          .append(r.modelsWithMetricError(i));
      for (int m = 0; m < r.models().size(); m++) {
        b.append(" | ").append(r.servingReplicas(m, i)).append('/').append(r.desiredReplicas(m, i))
            .append(r.scheduleFailed(m, i) ? " F" : "").append(r.metricError(m, i) ? " E" : "");
      }
      b.append('\n');
    }
    return b.toString();
  }

  /**
   * 5 to 40 servers on a cluster with room for about their initial pods: HPA pairs, native-scaled servers
   * with two models, servers following their models; with or without a cluster autoscaler and faults.
   */
  static Gen<Fleet> crowds() {
    return longs().all().map(FleetBlockPropertyTest::crowd);
  }

  private static Fleet crowd(long seed) {
    Random rnd = new Random(seed);
    int n = 5 + rnd.nextInt(36);
    int per = 1 + rnd.nextInt(20);
    int nodes = (3 * n + per - 1) / per + rnd.nextInt(3);
    Cluster.Builder cb = Cluster.builder().nodes(nodes).podsPerNode(per)
        .nodeStartup(Duration.ofSeconds(30 + rnd.nextInt(200)));
    if (rnd.nextBoolean()) {
      cb.maxNodes(nodes + rnd.nextInt(5)).scaleDownUnneeded(Duration.ofSeconds(60 + rnd.nextInt(600)));
    }
    Fleet.Builder f = Fleet.builder().cluster(cb.build()).keepModelTimelines(true)
        .tick(Duration.ofSeconds(rnd.nextBoolean() ? 5 : 15)).duration(Duration.ofHours(1 + rnd.nextInt(3)))
        .seldonVersion(SeldonVersion.of(rnd.nextBoolean() ? "2.9.1" : "2.10.2"));
    ScalingPlan plan = scalingPlan("m").namespace("seldon-mesh").serverName("s")
        .addMetric(objectMetric("infer_rps", averageValue(2 + rnd.nextInt(8)))).replicas(1 + rnd.nextInt(2),
            3 + rnd.nextInt(15)).build();
    for (int i = 0; i < n; i++) {
      double base = rnd.nextInt(30);
      double amplitude = rnd.nextInt(80);
      double phase = rnd.nextDouble() * 6;
      double period = 1800 + rnd.nextInt(10_000);
      RpsTrace t = RpsTrace.of(x -> Math.max(0, base + amplitude * Math.sin(2 * Math.PI * x / period + phase)),
          Duration.ofHours(4));
      FleetServer.Builder s = FleetServer.builder().name("s" + i).addModels(FleetModel.builder().name("m" + i)
          .trace(t).hpa(plan.modelHpa()).saturationRps(5 + rnd.nextInt(10))
          .hpaOffset(Duration.ofSeconds(rnd.nextInt(15))).build())
          .startup(StartupDelay.uniform(Duration.ofSeconds(10), Duration.ofSeconds(10 + rnd.nextInt(200)), i));
      switch (rnd.nextInt(5)) {
        case 0:
          s.nativeScaling(NativeScaling.builder().scalingStatsPeriod(Duration.ofSeconds(5 + rnd.nextInt(30))).build())
              .addModels(FleetModel.builder().name("m" + i + "b").trace(t).hpa(plan.modelHpa()).saturationRps(10)
                  .build());
          break;
        case 1:
          s.serverAutoscaling(true).addModels(FleetModel.builder().name("m" + i + "c").trace(t).hpa(plan.modelHpa())
              .saturationRps(7).build());
          break;
        default:
          s.hpa(plan.serverHpa().orElseThrow()).hpaOffset(Duration.ofSeconds(rnd.nextInt(15)));
          break;
      }
      f.addServers(s.build());
    }
    if (rnd.nextInt(3) == 0) {
      f.addFaults(Fault.metricOutage(Duration.ofSeconds(rnd.nextInt(3000)),
          Duration.ofSeconds(3000 + rnd.nextInt(2000))));
    }
    if (rnd.nextInt(3) == 0) {
      f.addFaults(Fault.podStartFailure("s" + rnd.nextInt(n), Duration.ofSeconds(rnd.nextInt(3000)),
          Duration.ofSeconds(3600 + rnd.nextInt(2000))));
    }
    if (rnd.nextInt(3) == 0) {
      f.addFaults(Fault.scrapeGap("m0", Duration.ofSeconds(100), Duration.ofSeconds(900)),
          Fault.staleSeries("m1", Duration.ofSeconds(600), Duration.ofSeconds(2900)));
    }
    return f.build();
  }
}
