package io.github.seldonhpa.scaling;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
  /** The seeds' recommended plan for the pathological case: target 8 (20% below 10), 2..12, Pods 5 per 90 s, 60 s window. */
  static ScalingPlan recommended() {
    return scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(8))).replicas(2, 12)
        .scaleUp(Sizing.scaleUpRules(5, Duration.ofSeconds(90), Duration.ofSeconds(60))).build();
  }

  static Planner.Builder seedsRamp() {
    return Planner.builder().template(recommended()).addTraces(FleetTest.SEED_RAMP).saturationRps(10)
        .serverStartup(StartupDelay.uniform(Duration.ofSeconds(60), Duration.ofSeconds(90), 2026))
        .serverHpaOffset(Duration.ofSeconds(7)).cluster(Cluster.podBudget(20));
  }

  @Test
  void thePlannerBeatsTheSeedsRecommendedPolicyOnTheSeedsRamp() {
    PlanCandidate baseline = seedsRamp().tick(Duration.ofSeconds(1)).build().evaluate(recommended());
    Planner planner = seedsRamp().tick(Duration.ofSeconds(1)).samples(200).seed(7)
        .maxReplicaSeconds(baseline.replicaSeconds()).build();
    PlanSearch search = planner.search();
    Optional<PlanCandidate> better = search.chosen();
    assertThat(baseline).hasToString("averageValue 8, replicas 2..12, tolerance 0.1, scale-up Pods 5/90s window 60s,"
        + " scale-down window 300s: 8810 replica-s, 274 s above saturation, 219 s ScheduleFailed");
    // no margin below saturation, a tighter tolerance, 2 pods per sync after a 60 s window: 10 s less above
    // saturation for the same cost (the ramp leaves little to gain: the pods start 60..90 s late whatever asks)
    assertThat(better.map(Object::toString)).contains("averageValue 10, replicas 2..12, tolerance 0.05, scale-up"
        + " Pods 2/15s window 60s, scale-down window 60s: 8810 replica-s, 264 s above saturation, 194 s ScheduleFailed");
    assertThat(search.improveOn(baseline)).isEqualTo(better);
    assertThat(better.get().secondsAboveSaturation()).isLessThan(baseline.secondsAboveSaturation());
    assertThat(better.get().replicaSeconds()).isLessThanOrEqualTo(baseline.replicaSeconds());
  }

  @Test
  void withoutAFeasiblePlanTheTableSaysWhyAndNamesTheLeastRiskyOne() {
    // a 60..90 s start-up on a ramp that doubles the load in 30 s: nothing keeps every replica below saturation
    // at a minReplicas the grid allows
    Planner planner = Planner.builder().template(recommended()).saturationRps(10).samples(30)
        .addTraces(RpsTrace.ramp(5, 400, Duration.ofSeconds(60), Duration.ofSeconds(90), Duration.ofMinutes(10)))
        .serverStartup(StartupDelay.fixed(Duration.ofSeconds(90))).build();
    PlanSearch search = planner.search();
    assertThat(search.chosen()).isEmpty();
    assertThat(search.table()).contains("chosen: none; no candidate has at most 0 s above saturation with every model"
        + " converging; the least risky is ");
    assertThat(search.toSvg("front")).startsWith("<svg").contains("<polyline").doesNotContain(">chosen</text>");
  }

  @Test
  void aLatencySloBecomesAnRpsTargetFromTheLoadTest() {
    double[] rps = {2, 6, 10, 14};
    double[] latency = {0.05, 0.08, 0.2, 0.9};
    assertThat(LatencySlo.saturationRps(0.15, rps, latency)).isCloseTo(8.333, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(LatencySlo.rpsTarget(0.15, rps, latency, 0.2)).hasToString("6666m");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatencySlo.saturationRps(2, rps, latency))
        .isInstanceOf(io.github.seldonhpa.HpaValidationException.class)
        .hasMessage("the SLO 2.0 s is not reached within the load test (was 0.9 s at the last point, 14.0 rps):"
            + " measure further");
  }

  @Test
  void aTickThatDoesNotDivideTheSyncPeriodIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> seedsRamp().tick(Duration.ofSeconds(60)).build())
        .isInstanceOf(io.github.seldonhpa.HpaValidationException.class)
        .hasMessage("tick must divide the 15 s sync period (was PT1M)");
  }

  @Test
  void theSameSeedGivesTheSameFront() {
    Planner planner = seedsRamp().samples(40).seed(3).build();
    String table = planner.search().table();
    assertThat(table).startsWith("search: ").contains("chosen: ");
    assertThat(planner.search().table()).isEqualTo(table);
    assertThat(planner.search().evaluated()).hasSizeGreaterThan(40);
  }
}
