package io.github.seldonhpa.scaling;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PairDivergenceTest {
  /**
   * Seed 002 says the pair "will converge"; at 96 RPS against averageValue 8 the Model HPA rests at 12 and the
   * Server HPA at 11 (96 / (8 x 11) = 1.09, within the 10 % tolerance): the check names that load range.
   */
  @Test
  void seed002PairCanRestAtModel12AndServer11() {
    ScalingPlan p = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(8))).replicas(2, 12).build();
    PairDivergence d = PairDivergence.of(p.modelHpa(), p.serverHpa().orElseThrow());
    assertThat(d.possible()).isTrue();
    assertThat(d.scheduleFailedBands()).anySatisfy(b -> {
      assertThat(b).hasToString("86.4..96.8: Model 12, Server 11");
      assertThat(b.fromLoad()).isLessThanOrEqualTo(96).isGreaterThan(86);
    });
    assertThat(d.suggestedTolerance()).isEqualTo(Quantity.parse("0.042"));
    assertThat(d.describe()).isEqualTo("the Model HPA can rest above the Server HPA (the model stays ScheduleFailed)"
        + " at steady loads 43.2..44, 50.4..52.8, 57.6..61.6, 64.8..70.4, 72..96.8; a tolerance of 42m on both HPAs,"
        + " both directions, avoids it");
  }

  @Test
  void theSuggestedToleranceClosesEveryBandAndTheSimulationConverges() {
    Quantity tol = Quantity.parse("0.042");
    ScalingPlan p = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(8))).replicas(2, 12)
        .scaleUp(scalingRules().tolerance(tol).build()).scaleDown(scalingRules().tolerance(tol).build()).build();
    assertThat(PairDivergence.of(p.modelHpa(), p.serverHpa().orElseThrow()).possible()).isFalse();
    SimulationResult r = Simulation.builder()
        .trace(RpsTrace.ramp(16, 96, Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofMinutes(15)))
        .modelHpa(p.modelHpa()).serverHpa(p.serverHpa()).serverHpaOffset(Duration.ofSeconds(7)).saturationRps(10)
        .build().run();
    assertThat(r.timeline().get(899).toString()).isEqualTo("899,96,96,12,12,12,12,false,8");
  }

  @Test
  void smallPairsCannotDivergeWithTheDefaultTolerance() {
    // (1 - 0.1)(n + 1) <= (1 + 0.1) n only from n = 5: a pair capped at 5 replicas always agrees
    assertThat(PairDivergence.of(1, 5, 8, 0.1, 0.1, 1, 5, 8, 0.1, 0.1).possible()).isFalse();
    assertThat(PairDivergence.of(1, 6, 8, 0.1, 0.1, 1, 6, 8, 0.1, 0.1).bands()).extracting(Object::toString)
        .containsExactly("43.2..44: Model 5, Server 6", "43.2..44: Model 6, Server 5");
  }
}
