package io.github.seldonhpa;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScalingRulesTest {

  @Test
  void everythingIsOptional() {
    ScalingRules empty = ScalingRules.builder().build();
    assertThat(empty.stabilizationWindow()).isEmpty();
    assertThat(empty.stabilizationWindowSeconds()).isEmpty();
    assertThat(empty.selectPolicy()).isEmpty();
    assertThat(empty.policies()).isEmpty();
    assertThat(empty.tolerance()).isEmpty();
  }

  @Test
  void theSeedsCustomScaleUpRules() {
    ScalingRules up = ScalingRules.builder()
        .stabilizationWindow(ofSeconds(60))
        .addPolicy(ScalingPolicy.pods(5, ofSeconds(90)))
        .selectPolicy(ScalingRules.SelectPolicy.MAX)
        .tolerance(Quantity.parse("50m"))
        .build();
    assertThat(up.stabilizationWindowSeconds()).contains(60);
    assertThat(up.policies()).containsExactly(ScalingPolicy.pods(5, ofSeconds(90)));
    assertThat(up.selectPolicy().map(ScalingRules.SelectPolicy::yamlName)).contains("Max");
    assertThat(up.tolerance()).contains(Quantity.parse("0.05"));
  }

  @Test
  void stabilizationWindowMustBeZeroTo3600WholeSeconds() {
    assertThat(ScalingRules.builder().stabilizationWindow(ofSeconds(0)).build().stabilizationWindowSeconds()).contains(0);
    assertThat(ScalingRules.builder().stabilizationWindow(ofSeconds(3600)).build().stabilizationWindowSeconds())
        .contains(3600);
    assertThatThrownBy(() -> ScalingRules.builder().stabilizationWindow(ofSeconds(-1)).build())
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("stabilizationWindowSeconds must be in 0..3600 (was -1)");
    assertThatThrownBy(() -> ScalingRules.builder().stabilizationWindow(ofSeconds(3601)).build())
        .hasMessage("stabilizationWindowSeconds must be in 0..3600 (was 3601)");
    assertThatThrownBy(() -> ScalingRules.builder().stabilizationWindow(ofMillis(500)).build())
        .hasMessage("stabilizationWindowSeconds must be whole seconds (was PT0.5S)");
  }

  @Test
  void toleranceMustNotBeNegative() {
    assertThat(ScalingRules.builder().tolerance(Quantity.parse("0")).build().tolerance()).contains(Quantity.of(0));
    assertThat(ScalingRules.builder().tolerance(Quantity.parse("10")).build().tolerance()).contains(Quantity.of(10));
    assertThatThrownBy(() -> ScalingRules.builder().tolerance(Quantity.parse("-1m")).build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("tolerance must be >= 0 (was -1m)");
  }

  @Test
  void selectPolicyFromYaml() {
    assertThat(ScalingRules.SelectPolicy.fromYaml("selectPolicy", "Disabled"))
        .isEqualTo(ScalingRules.SelectPolicy.DISABLED);
    assertThat(ScalingRules.SelectPolicy.fromYaml("selectPolicy", "Min")).isEqualTo(ScalingRules.SelectPolicy.MIN);
    assertThatThrownBy(() -> ScalingRules.SelectPolicy.fromYaml("scaleUp.selectPolicy", "max"))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("scaleUp.selectPolicy must be Max, Min or Disabled (was \"max\")");
  }

  @Test
  void builderKeepsTheLastValueSet() {
    assertThat(ScalingRules.builder().stabilizationWindow(ofSeconds(1)).stabilizationWindow(ofSeconds(2)).build()
        .stabilizationWindow()).contains(ofSeconds(2));
  }
}
