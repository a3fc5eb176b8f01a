package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HpaControllerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A Seldon Model HPA reading: the model's total RPS against averageValue 3. */
  private static MetricReading rps(long rps) {
    return MetricReading.objectAverageValue(rps * 1000, 3000);
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void legacyScaleUpDoublesPerSyncAtMost() {
    HpaController hpa = HpaController.builder().minReplicas(1).maxReplicas(20).build();
    ScaleDecision first = hpa.step(at(0), 2, rps(24));
    assertThat(first.desiredReplicas()).isEqualTo(4);
    assertThat(first.conditions()).hasToString(
        "[AbleToScale=True/SucceededRescale, ScalingActive=True/ValidMetricFound, ScalingLimited=True/ScaleUpLimit]");
    assertThat(hpa.step(at(15), 4, rps(24)).desiredReplicas()).isEqualTo(8);
    ScaleDecision steady = hpa.step(at(30), 8, rps(24));
    assertThat(steady.rescaled()).isFalse();
    assertThat(steady.conditions()).hasToString(
        "[AbleToScale=True/ReadyForNewScale, ScalingActive=True/ValidMetricFound, ScalingLimited=False/DesiredWithinRange]");
  }

  @Test
  void defaultBehaviorAddsFourPodsOrDoublesPerFifteenSeconds() {
    HpaController hpa = HpaController.builder().maxReplicas(50).behavior().build();
    assertThat(hpa.step(at(0), 2, rps(90)).desiredReplicas()).isEqualTo(6);
    // the +4 of t=0 is exactly 15 s old at t=15 and no longer counts: 6 doubles to 12
    assertThat(hpa.step(at(15), 6, rps(90)).desiredReplicas()).isEqualTo(12);
    // 10 s later the +6 still counts: the period started at 6, so at most 12
    ScaleDecision held = hpa.step(at(25), 12, rps(90));
    assertThat(held.desiredReplicas()).isEqualTo(12);
    assertThat(held.condition(HpaCondition.Type.SCALING_LIMITED).orElseThrow()).hasToString(
        "ScalingLimited=True/ScaleUpLimit");
  }

  @Test
  void seedsRecommendedPolicyAddsFivePodsPerNinetySecondsAfterAMinuteOfHighLoad() {
    HpaController hpa = HpaController.builder().minReplicas(2).maxReplicas(12)
        .scaleUp(ScalingRules.builder().stabilizationWindow(Duration.ofSeconds(60))
            .addPolicy(ScalingPolicy.pods(5, Duration.ofSeconds(90))).build())
        .build();
    // the seeded recommendation (2) holds the scale-up for the first minute
    assertThat(hpa.step(at(0), 2, rps(36)).desiredReplicas()).isEqualTo(2);
    ScaleDecision stabilized = hpa.step(at(45), 2, rps(36));
    assertThat(stabilized.desiredReplicas()).isEqualTo(2);
    assertThat(stabilized.condition(HpaCondition.Type.ABLE_TO_SCALE).orElseThrow()).hasToString(
        "AbleToScale=True/ScaleUpStabilized");
    ScaleDecision up = hpa.step(at(60), 2, rps(36));
    assertThat(up.desiredReplicas()).isEqualTo(7);
    assertThat(hpa.step(at(135), 7, rps(36)).desiredReplicas()).isEqualTo(7);
    assertThat(hpa.step(at(150), 7, rps(36)).desiredReplicas()).isEqualTo(12);
  }

  @Test
  void firstSyncAfterStartNeverScalesDown() {
    HpaController hpa = HpaController.builder().maxReplicas(10).build();
    ScaleDecision d = hpa.step(at(0), 5, rps(3));
    assertThat(d.desiredReplicas()).isEqualTo(5);
    assertThat(d.condition(HpaCondition.Type.ABLE_TO_SCALE).orElseThrow()).hasToString(
        "AbleToScale=True/ScaleDownStabilized");
    assertThat(hpa.step(at(300), 5, rps(3)).desiredReplicas()).isEqualTo(1);
  }

  @Test
  void disabledScaleDownKeepsReplicas() {
    HpaController hpa = HpaController.builder().maxReplicas(10)
        .scaleDown(ScalingRules.builder().selectPolicy(ScalingRules.SelectPolicy.DISABLED).build()).build();
    hpa.step(at(0), 6, rps(18));
    ScaleDecision d = hpa.step(at(600), 6, rps(3));
    assertThat(d.desiredReplicas()).isEqualTo(6);
    assertThat(d.condition(HpaCondition.Type.SCALING_LIMITED).orElseThrow()).hasToString(
        "ScalingLimited=True/ScaleDownLimit");
  }

  @Test
  void perDirectionToleranceOfTheBehavior() {
    HpaController strict = HpaController.builder().maxReplicas(10)
        .scaleUp(ScalingRules.builder().tolerance(Quantity.parse("10m")).build()).build();
    // 3 replicas at 9.15 rps against 3 per replica: ratio 1.0167, outside 1% but inside 10%
    assertThat(strict.upTolerance()).isEqualTo(0.01);
    assertThat(strict.step(at(0), 3, MetricReading.objectAverageValue(9150, 3000)).desiredReplicas()).isEqualTo(4);
    HpaController gateOff = HpaController.builder().maxReplicas(10).configurableTolerance(false)
        .scaleUp(ScalingRules.builder().tolerance(Quantity.parse("10m")).build()).build();
    assertThat(gateOff.step(at(0), 3, MetricReading.objectAverageValue(9150, 3000)).desiredReplicas()).isEqualTo(3);
  }

  @Test
  void outOfBoundsReplicasAreCorrectedWithoutReadingMetrics() {
    HpaController hpa = HpaController.builder().minReplicas(2).maxReplicas(4).build();
    MetricReading unread = (s, st, d, u) -> {
      throw new AssertionError("metrics read");
    };
    assertThat(hpa.step(at(0), 9, 9, List.of(unread))).hasToString(
        "ScaleDecision{9 -> 4 rescaled, [AbleToScale=True/SucceededRescale]}");
    assertThat(hpa.step(at(15), 1, 1, List.of(unread)).desiredReplicas()).isEqualTo(2);
    assertThat(hpa.step(at(30), 0, 0, List.of(unread))).hasToString(
        "ScaleDecision{0 -> 0, [AbleToScale=True/SucceededGetScale, ScalingActive=False/ScalingDisabled]}");
  }

  @Test
  void invalidMetricBlocksAScaleDownButNotAScaleUp() {
    HpaController hpa = HpaController.builder().maxReplicas(10).build();
    MetricReading broken = MetricReading.failed("FailedGetObjectMetric", "unable to fetch metrics");
    ScaleDecision down = hpa.step(at(0), 6, 6, List.of(rps(3), broken));
    assertThat(down).hasToString("ScaleDecision{6 -> 6, error=unable to fetch metrics,"
        + " [AbleToScale=True/SucceededGetScale, ScalingActive=False/FailedGetObjectMetric]}");
    ScaleDecision up = hpa.step(at(15), 6, 6, List.of(rps(24), broken));
    assertThat(up.desiredReplicas()).isEqualTo(8);
    assertThat(up.error()).contains("unable to fetch metrics");
  }

  @Test
  void boundsAreValidated() {
    assertThatThrownBy(() -> HpaController.builder().minReplicas(3).maxReplicas(2).build())
        .isInstanceOf(HpaValidationException.class).hasMessage("minReplicas must be <= maxReplicas 2 (was 3)");
    assertThatThrownBy(() -> HpaController.builder().build())
        .isInstanceOf(HpaValidationException.class).hasMessage("maxReplicas must be >= 1 (was -1)");
  }

  @Test
  void takesTheTargetsFromTheHpaItIsGiven() {
    io.github.seldonhpa.Hpa hpa = io.github.seldonhpa.SeldonHpa.scalingPlan("irisa0").namespace("seldon-mesh")
        .addMetric(io.github.seldonhpa.SeldonHpa.objectMetric("infer_rps", io.github.seldonhpa.SeldonHpa.averageValue(3)))
        .replicas(1, 10).build().modelHpa();
    HpaController byValue = HpaController.of(hpa);
    HpaController byReading = HpaController.of(hpa);
    // 9.15 rps against AverageValue 3 on one replica: ceil(3.05) = 4, as with the explicit reading
    assertThat(byValue.step(at(0), 1, Quantity.parse("9150m")).desiredReplicas()).isEqualTo(4);
    assertThat(byReading.step(at(0), 1, MetricReading.objectAverageValue(9150, 3000)).desiredReplicas()).isEqualTo(4);
  }

  @Test
  void steppingWithValuesNeedsOneValuePerMetricOfTheHpa() {
    io.github.seldonhpa.Hpa hpa = io.github.seldonhpa.SeldonHpa.scalingPlan("irisa0").namespace("seldon-mesh")
        .addMetric(io.github.seldonhpa.SeldonHpa.objectMetric("infer_rps", io.github.seldonhpa.SeldonHpa.averageValue(3)))
        .addMetric(io.github.seldonhpa.SeldonHpa.externalMetric("queue_depth", io.github.seldonhpa.SeldonHpa.averageValue(10)))
        .replicas(1, 10).build().modelHpa();
    HpaController controller = HpaController.of(hpa);
    assertThatThrownBy(() -> controller.step(at(0), 1, Quantity.of(3)))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("values must hold one value per spec.metrics entry (was 1 values for 2 metrics)");
    // the larger proposal wins: 3 rps -> 1 replica, 45 queued -> ceil(4.5) = 5, which the legacy scale-up
    // limit max(2 x 1, 4) caps at 4
    ScaleDecision d = controller.step(at(0), 1, Quantity.of(3), Quantity.of(45));
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.conditions()).hasToString(
        "[AbleToScale=True/SucceededRescale, ScalingActive=True/ValidMetricFound, ScalingLimited=True/ScaleUpLimit]");
    assertThatThrownBy(() -> HpaController.builder().maxReplicas(3).build().step(at(0), 1, Quantity.of(3)))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metrics must not be empty: build the controller with HpaController.of(hpa) to step with metric"
            + " values (was [])");
  }

  @Test
  void steppingWithValuesRefusesMetricsThatNeedPodCounts() {
    io.github.seldonhpa.Hpa hpa = io.github.seldonhpa.Hpa.builder().name("mlserver-server-hpa").namespace("seldon-mesh")
        .scaleTargetRef(io.github.seldonhpa.ObjectReference.server("mlserver")).maxReplicas(4)
        .addMetric(io.github.seldonhpa.SeldonHpa.resourceMetric("cpu", io.github.seldonhpa.SeldonHpa.utilization(80)))
        .build();
    assertThatThrownBy(() -> HpaController.of(hpa).step(at(0), 1, Quantity.of(1)))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metrics[0] must be an Object or External metric with an AverageValue target to step with a"
            + " value; give a MetricReading with pod counts or samples (was Resource Utilization)");
  }
}
