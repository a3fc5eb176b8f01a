package io.github.seldonhpa.scaling;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.testing.Generators;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Invariants of the simulator over random plans, traces, start-up delays and timers. */
class SimulationPropertyTest {
  private static final long SEED = Long.getLong("QT_SEED", 0x51_3001L);

  static {
    System.out.println("SimulationPropertyTest QuickTheories seed " + SEED
        + " (rerun with -DQT_SEED=" + SEED + ")");
  }

  static Gen<ScalingPlan> plans() {
    Gen<int[]> bounds = integers().between(1, 8).zip(integers().between(0, 16), (min, extra) -> new int[] {min, min + extra});
    Gen<Optional<ScalingRules>> rules = Generators.scalingRules().toOptionals(50);
    return bounds.zip(integers().between(500, 30_000), rules, rules, Generate.booleans(), (b, target, up, down, server) -> {
      ScalingPlan.Builder p = scalingPlan("m").namespace("ns").addMetric(objectMetric("infer_rps", averageValue(
          Quantity.ofMilli(target)))).replicas(b[0], b[1]).scaleUp(up).scaleDown(down);
      if (server) {
        p.serverName("s");
      }
      return p.build();
    });
  }

  static Gen<RpsTrace> traces() {
    Gen<double[]> rates = lists().of(doubles().between(0, 400)).ofSizeBetween(2, 6)
        .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    return rates.map(r -> {
      double[] t = new double[r.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = i * 300.0 / (t.length - 1) + 60 * i;
      }
      return RpsTrace.points(t, r, Duration.ofSeconds(1500));
    });
  }

  static Gen<StartupDelay> startups() {
    return integers().between(0, 180).zip(integers().between(0, 120), Generate.booleans(), (lo, extra, fixed) -> fixed
        ? StartupDelay.fixed(Duration.ofSeconds(lo))
        : StartupDelay.uniform(Duration.ofSeconds(lo), Duration.ofSeconds(lo + extra), lo * 31L + extra));
  }

  @Test
  void neverServesMoreModelReplicasThanReadyServersOrDesiredReplicas() {
    Gen<int[]> timers = integers().between(0, 15).zip(integers().between(0, 15), integers().between(0, 6),
        integers().between(0, 3), (a, b, starting, mode) -> new int[] {a, b, starting, mode});
    qt().withExamples(1000).withFixedSeed(SEED).forAll(plans(), traces(), startups(), timers)
        .checkAssert((plan, trace, startup, timer) -> {
          Simulation.Builder b = Simulation.builder().trace(trace).modelHpa(plan.modelHpa()).serverHpa(plan.serverHpa())
              .serverStartup(startup).saturationRps(10).modelHpaOffset(Duration.ofSeconds(timer[0]))
              .serverHpaOffset(Duration.ofSeconds(timer[1])).tick(Duration.ofSeconds(1 + timer[3]));
          if (timer[2] > 0) {
            b.maxStartingPods(timer[2]);
          }
          if (timer[3] == 3) {
            b.nativeScaling(NativeScaling.builder().scalingStatsPeriod(Duration.ofSeconds(5)).build())
                .nativeStablePeriod(Duration.ofSeconds(30)).seldonVersion(SeldonVersion.of("2.9.1"));
          }
          SimulationResult r = b.build().run();
          List<TimelineStep> steps = r.timeline();
          int min = plan.modelHpa().effectiveMinReplicas();
          int max = plan.modelHpa().maxReplicas();
          for (TimelineStep s : steps) {
            boolean ok = s.modelServing() <= s.serverReady() && s.modelServing() <= s.modelDesired()
                && s.serverReady() <= s.serverDesired() && s.scheduleFailed() == (s.modelDesired() > s.serverReady())
                && s.modelDesired() >= min && s.modelDesired() <= max;
            if (!ok) {
              fail("invariant broken at step " + s + " of a " + min + ".." + max + " plan");
            }
          }
        });
  }
}
