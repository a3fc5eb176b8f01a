package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of the fleet over random plans, traces, clusters, servers hosting several models and faults:
 * replicas within the HPAs' bounds, bound pods within the cluster's room, serving never above desired, and
 * the same result on one thread and on two.
 */
class FleetPropertyTest {
  private static final long SEED = Long.getLong("QT_SEED", 0xF1_EE7L);

  static {
    System.out.println("FleetPropertyTest QuickTheories seed " + SEED + " (rerun with -DQT_SEED=" + SEED + ")");
  }

  /** Up to four servers: HPA pairs, or (every third) a native-scaled server with two models. */
  static Gen<Fleet> fleets() {
    Gen<List<ScalingPlan>> plans = lists().of(SimulationPropertyTest.plans()).ofSizeBetween(1, 4);
    Gen<List<RpsTrace>> traces = lists().of(SimulationPropertyTest.traces()).ofSizeBetween(4, 4);
    Gen<int[]> cluster = integers().between(1, 4).zip(integers().between(1, 12), integers().between(0, 3),
        integers().between(0, 5), (nodes, per, extra, fault) -> new int[] {nodes, per, extra, fault});
    return plans.zip(traces, cluster, (ps, ts, c) -> {
      // the pods running at the start must fit
      int initial = ps.stream().mapToInt(p -> p.modelHpa().effectiveMinReplicas()).sum();
      c[0] = Math.max(c[0], (initial + c[1] - 1) / c[1]);
      Cluster.Builder cb = Cluster.builder().nodes(c[0]).podsPerNode(c[1]).nodeStartup(Duration.ofSeconds(90));
      if (c[2] > 0) {
        cb.maxNodes(c[0] + c[2]);
      }
      Fleet.Builder f = Fleet.builder().cluster(cb.build()).keepModelTimelines(true).tick(Duration.ofSeconds(5))
          .seldonVersion(SeldonVersion.of("2.9.1")).nativeStablePeriod(Duration.ofSeconds(60));
      for (int i = 0; i < ps.size(); i++) {
        ScalingPlan p = ps.get(i);
        FleetModel m = FleetModel.builder().name("m" + i).trace(ts.get(i)).hpa(p.modelHpa()).saturationRps(10)
            .hpaOffset(Duration.ofSeconds((i * 4) % 15)).build();
        FleetServer.Builder s = FleetServer.builder().name("s" + i).addModels(m)
            .startup(StartupDelay.uniform(Duration.ofSeconds(20), Duration.ofSeconds(120), i));
        if (i % 3 == 2) {
          s.nativeScaling(NativeScaling.builder().scalingStatsPeriod(Duration.ofSeconds(5)).build())
              .addModels(FleetModel.builder().name("m" + i + "b").trace(ts.get(3)).hpa(p.modelHpa()).saturationRps(10)
                  .build());
        } else if (p.serverHpa().isPresent()) {
          s.hpa(p.serverHpa().get()).hpaOffset(Duration.ofSeconds((i * 7) % 15));
        }
        f.addServers(s.build());
      }
      switch (c[3]) {
        case 1:
          f.addFaults(Fault.metricOutage(Duration.ofSeconds(200), Duration.ofSeconds(500)));
          break;
        case 2:
          f.addFaults(Fault.podStartFailure("s0", Duration.ofSeconds(100), Duration.ofSeconds(400)));
          break;
        case 3:
          f.addFaults(Fault.scrapeGap("m0", Duration.ofSeconds(100), Duration.ofSeconds(300)),
              Fault.staleSeries("m0", Duration.ofSeconds(600), Duration.ofSeconds(900)));
          break;
        default:
          break;
      }
      return f.build();
    });
  }

  @Test
  void replicaBoundsAndTheClusterRoomAreNeverExceeded() {
    qt().withExamples(1000).withFixedSeed(SEED).forAll(fleets()).checkAssert(fleet -> {
      FleetResult r = fleet.run();
      List<FleetModel> models = fleet.servers().stream().flatMap(s -> s.models().stream())
          .collect(java.util.stream.Collectors.toList());
      for (int i = 0; i < r.steps(); i++) {
        if (r.boundPods(i) > r.capacityPods(i) || r.pendingPods(i) < 0) {
          fail("tick " + i + ": " + r.boundPods(i) + " bound pods in room for " + r.capacityPods(i) + ", "
              + r.pendingPods(i) + " pending");
        }
        for (int m = 0; m < models.size(); m++) {
          int desired = r.desiredReplicas(m, i);
          int min = Math.max(1, models.get(m).hpa().effectiveMinReplicas());
          if (desired < min || desired > models.get(m).hpa().maxReplicas() || r.servingReplicas(m, i) > desired
              || r.servingReplicas(m, i) < 0) {
            fail("tick " + i + " model " + models.get(m).name() + ": desired " + desired + ", serving "
                + r.servingReplicas(m, i) + ", bounds " + min + ".." + models.get(m).hpa().maxReplicas());
          }
        }
      }
    });
  }

  @Test
  void twoThreadsGiveTheSameReportAsOne() {
    qt().withExamples(300).withFixedSeed(SEED).forAll(fleets()).checkAssert(fleet -> {
      String one = ((ImmutableFleet) fleet).withThreads(1).run().report();
      String two = ((ImmutableFleet) fleet).withThreads(2).run().report();
      if (!one.equals(two)) {
        fail("one thread:\n" + one + "two threads:\n" + two);
      }
    });
  }
}
