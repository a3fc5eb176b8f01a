package io.github.seldonhpa;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScalingPolicyTest {

  @Test
  void podsAndPercentPolicies() {
    ScalingPolicy pods = ScalingPolicy.pods(5, ofSeconds(90));
    assertThat(pods.type()).isEqualTo(ScalingPolicy.Type.PODS);
    assertThat(pods.type().yamlName()).isEqualTo("Pods");
    assertThat(pods.value()).isEqualTo(5);
    assertThat(pods.period()).isEqualTo(ofSeconds(90));
    assertThat(pods.periodSeconds()).isEqualTo(90);
    ScalingPolicy percent = ScalingPolicy.percent(100, ofSeconds(15));
    assertThat(percent.type().yamlName()).isEqualTo("Percent");
    assertThat(ScalingPolicy.of(ScalingPolicy.Type.PERCENT, 100, ofSeconds(15))).isEqualTo(percent);
    assertThat(pods).isNotEqualTo(ScalingPolicy.percent(5, ofSeconds(90)));
  }

  @Test
  void valueMustBePositive() {
    assertThat(ScalingPolicy.pods(1, ofSeconds(15)).value()).isEqualTo(1);
    assertThatThrownBy(() -> ScalingPolicy.pods(0, ofSeconds(15)))
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("value must be > 0 (was 0)");
    assertThatThrownBy(() -> ScalingPolicy.percent(-5, ofSeconds(15)))
        .hasMessage("value must be > 0 (was -5)");
  }

  @Test
  void periodMustBeOneTo1800WholeSeconds() {
    assertThat(ScalingPolicy.pods(1, ofSeconds(1)).periodSeconds()).isEqualTo(1);
    assertThat(ScalingPolicy.pods(1, ofSeconds(1800)).periodSeconds()).isEqualTo(1800);
    assertThatThrownBy(() -> ScalingPolicy.pods(1, ofSeconds(0)))
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("periodSeconds must be in 1..1800 (was 0)");
    assertThatThrownBy(() -> ScalingPolicy.pods(1, ofSeconds(1801)))
        .hasMessage("periodSeconds must be in 1..1800 (was 1801)");
    assertThatThrownBy(() -> ScalingPolicy.pods(1, ofMillis(1500)))
        .hasMessage("periodSeconds must be whole seconds (was PT1.5S)");
  }

  @Test
  void typeFromYaml() {
    assertThat(ScalingPolicy.Type.fromYaml("type", "Pods")).isEqualTo(ScalingPolicy.Type.PODS);
    assertThat(ScalingPolicy.Type.fromYaml("type", "Percent")).isEqualTo(ScalingPolicy.Type.PERCENT);
    assertThatThrownBy(() -> ScalingPolicy.Type.fromYaml("policies[0].type", "pods"))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("policies[0].type must be Pods or Percent (was \"pods\")");
  }
}
