package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaCalculatorTest {
  private static final double T = ReplicaCalculator.DEFAULT_TOLERANCE;

  @Test
  void seldonObjectAverageValueIsCeilOfUsageOverTarget() {
    // 150 rps against averageValue 50 with 1 replica: 3, whatever the pods
    assertThat(ReplicaCalculator.objectAverageValue(150_000, 50_000, 1, T, T)).hasToString(
        "MetricProposal{replicas=3, current=150000m}");
    // within tolerance the status replica count stays: 20.166 over 4 x 5
    assertThat(ReplicaCalculator.objectAverageValue(20_166, 5_000, 4, T, T).replicas()).isEqualTo(4);
  }

  @Test
  void toleranceBoundaryDiffersFromTheOldRule() {
    assertThat(ReplicaCalculator.within(11.0 / 10.0, 0.1, 0.1)).isTrue();
    assertThat(ReplicaCalculator.withinLegacy(11.0 / 10.0, 0.1)).isFalse();
    assertThat(ReplicaCalculator.within(Double.NaN, 0.1, 0.1)).isFalse();
  }

  @Test
  void objectValueCountsReadyPodsOnly() {
    // ratio 5 with 1 of 3 pods ready proposes 5, not 15
    assertThat(ReplicaCalculator.objectValue(5000, 1000, 3, 1, 3, T, T).replicas()).isEqualTo(5);
    assertThat(ReplicaCalculator.objectValue(5000, 1000, 3, 0, 0, T, T).error())
        .contains("no pods returned by selector while calculating replica count");
  }

  @Test
  void podsMetricTreatsUnreadyPodsAsZeroOnAScaleUp() {
    List<PodSample> pods = List.of(PodSample.of(PodState.READY, 30_000), PodSample.of(PodState.READY, 30_000),
        PodSample.of(PodState.UNREADY, 30_000));
    // ratio 3 would ask for 6; with the unready pod at 0 the ratio is 2 over 3 samples
    assertThat(ReplicaCalculator.pods(pods, new long[0], 10_000, 3, T, T)).hasToString(
        "MetricProposal{replicas=6, current=30000m}");
  }

  @Test
  void resourceUtilizationTruncatesThePercentage() {
    List<PodSample> pods = List.of(PodSample.of(PodState.READY, 587, 100));
    assertThat(ReplicaCalculator.resourceUtilization(pods, new long[0], 100, "cpu", 1, T, T)).hasToString(
        "MetricProposal{replicas=6, current=587m, utilization=587%}");
  }
}
