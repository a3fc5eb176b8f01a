package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SizingTest {
  @Test
  void targetAndBoundsFromThePeak() {
    assertThat(Sizing.averageValue(150, 3)).hasToString("50");
    assertThat(Sizing.averageValue(100, 3)).hasToString("33334m");
    assertThat(Sizing.maxReplicas(100, Quantity.parse("33334m"))).isEqualTo(3);
    assertThat(Sizing.maxReplicas(96, Quantity.parse("8"))).isEqualTo(12);
    assertThat(Sizing.maxReplicas(97, Quantity.parse("8"))).isEqualTo(13);
    assertThat(Sizing.minReplicas(5, Quantity.parse("8"), 2)).isEqualTo(2);
    assertThat(Sizing.minReplicas(30, Quantity.parse("8"), 2)).isEqualTo(4);
  }

  @Test
  void targetFromSaturationKeepsTheMargin() {
    assertThat(Sizing.targetFromSaturation(10, 0.2)).hasToString("8");
    assertThat(Sizing.targetFromSaturation(7, 0.15)).hasToString("5950m");
    assertThatThrownBy(() -> Sizing.targetFromSaturation(10, 1))
        .isInstanceOf(HpaValidationException.class).hasMessage("margin must be in [0, 1) (was 1.0)");
  }

  @Test
  void scaleUpPolicyAsksForNoMorePodsThanCanStartInItsPeriod() {
    var rules = Sizing.scaleUpRules(5, Duration.ofMillis(89_500), Duration.ofSeconds(60));
    assertThat(rules.stabilizationWindowSeconds()).contains(60);
    assertThat(rules.policies()).containsExactly(ScalingPolicy.pods(5, Duration.ofSeconds(90)));
    assertThatThrownBy(() -> Sizing.scaleUpRules(5, Duration.ofMinutes(31), Duration.ZERO))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("podStartup must be at most 1800 s, the longest policy period (was PT31M)");
  }

  @Test
  void replicasBeyondAnHpasInt32AreTheLibrarysError() {
    assertThatThrownBy(() -> Sizing.maxReplicas(3e9, Quantity.parse("1")))
        .isInstanceOf(io.github.seldonhpa.HpaValidationException.class)
        .hasMessage("peakRps / averageValue must be at most 2147483647 replicas, an HPA's int32 maxReplicas"
            + " (was 3.0E9 / 1 = 3000000000)");
    assertThatThrownBy(() -> Sizing.minReplicas(1e300, Quantity.parse("1n"), 1))
        .isInstanceOf(io.github.seldonhpa.HpaValidationException.class);
    assertThat(Sizing.maxReplicas(2147483647, Quantity.parse("1"))).isEqualTo(Integer.MAX_VALUE);
  }
}
