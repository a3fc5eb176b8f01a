package io.github.seldonhpa.scaling;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RpsTraceTest {
  @Test
  void csvPointsAreJoinedByStraightLines() {
    RpsTrace t = RpsTrace.parseCsv("time_seconds,rps\n0,10\n60,40\n\n120,40\n");
    assertThat(t.length()).isEqualTo(Duration.ofSeconds(120));
    assertThat(t.rps(0)).isEqualTo(10.0);
    assertThat(t.rps(30)).isEqualTo(25.0);
    assertThat(t.rps(90)).isEqualTo(40.0);
    assertThat(t.rps(500)).isEqualTo(40.0);
    assertThat(t).hasToString("RpsTrace{CSV, 3 points over 120 s}");
  }

  @Test
  void rampHoldsThenClimbsThenHolds() {
    RpsTrace t = RpsTrace.ramp(16, 96, Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(5));
    assertThat(t.rps(59)).isEqualTo(16.0);
    assertThat(t.rps(120)).isEqualTo(56.0);
    assertThat(t.rps(240)).isEqualTo(96.0);
  }

  @Test
  void aFunctionThatGoesNegativeStopsTheSimulationAtThatTime() {
    ScalingPlan plan = scalingPlan("m").namespace("ns").addMetric(objectMetric("infer_rps", averageValue(5)))
        .replicas(1, 3).build();
    Simulation sim = Simulation.builder().trace(RpsTrace.of(t -> 10 - t, Duration.ofSeconds(60)))
        .modelHpa(plan.modelHpa()).saturationRps(10).build();
    assertThatThrownBy(sim::run).isInstanceOf(HpaValidationException.class)
        .hasMessage("trace rps must be a finite number >= 0 (was -1.0 at 11 s)");
  }

  @Test
  void malformedCsvNamesTheLine() {
    assertThatThrownBy(() -> RpsTrace.parseCsv("time,rps\n0,1\n"))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("csv line 1 must be the header time_seconds,rps (was \"time,rps\")");
    assertThatThrownBy(() -> RpsTrace.parseCsv("time_seconds,rps\n0,1\n10,x\n"))
        .isInstanceOf(HpaValidationException.class).hasMessage("csv line 3 rps must be a number (was \"x\")");
    assertThatThrownBy(() -> RpsTrace.parseCsv("time_seconds,rps\n0,1\n10,-2\n"))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("csv line 3 rps must be a finite number >= 0 (was -2.0)");
    assertThatThrownBy(() -> RpsTrace.parseCsv("time_seconds,rps\n10,1\n5,2\n"))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("csv line 3 time_seconds must be greater than the previous time 10.0 (was 5)");
    assertThatThrownBy(() -> RpsTrace.parseCsv("time_seconds,rps\n0,1,2\n"))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("csv line 2 must have 2 cells time_seconds,rps (was \"0,1,2\")");
  }
}
