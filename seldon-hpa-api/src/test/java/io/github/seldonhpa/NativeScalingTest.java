package io.github.seldonhpa;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativeScalingTest {

  @Test
  void helmDefaults() {
    NativeScaling n = NativeScaling.builder().build();
    assertThat(n.autoscalingModelEnabled()).isTrue();
    assertThat(n.modelInferenceLagThreshold()).isEqualTo(30);
    assertThat(n.modelInactiveThreshold()).isEqualTo(ofSeconds(600));
    assertThat(n.scalingStatsPeriod()).isEqualTo(ofSeconds(20));
  }

  @Test
  void envVarsInOrder() {
    assertThat(NativeScaling.builder().build().envVars()).containsExactly(
        entry("SELDON_MODEL_INFERENCE_LAG_THRESHOLD", "30"),
        entry("SELDON_MODEL_INACTIVE_SECONDS_THRESHOLD", "600"),
        entry("SELDON_SCALING_STATS_PERIOD_SECONDS", "20"));
  }

  @Test
  void helmValuesAndSetArguments() {
    NativeScaling n = NativeScaling.builder().modelInferenceLagThreshold(10).modelInactiveThreshold(ofSeconds(120))
        .scalingStatsPeriod(ofSeconds(5)).build();
    assertThat(n.helmValues()).containsExactly(
        entry("autoscaling.autoscalingModelEnabled", "true"),
        entry("serverConfig.agent.modelInferenceLagThreshold", "10"),
        entry("serverConfig.agent.modelInactiveSecondsThreshold", "120"),
        entry("serverConfig.agent.scalingStatsPeriodSeconds", "5"));
    assertThat(n.helmSetArgs()).isEqualTo(List.of(
        "--set", "autoscaling.autoscalingModelEnabled=true",
        "--set-string", "serverConfig.agent.modelInferenceLagThreshold=10",
        "--set-string", "serverConfig.agent.modelInactiveSecondsThreshold=120",
        "--set-string", "serverConfig.agent.scalingStatsPeriodSeconds=5"));
    assertThat(NativeScaling.builder().autoscalingModelEnabled(false).build().helmValues())
        .containsEntry("autoscaling.autoscalingModelEnabled", "false");
  }

  @Test
  void thresholdsMustBePositive() {
    assertThat(NativeScaling.builder().modelInferenceLagThreshold(1).build().modelInferenceLagThreshold()).isEqualTo(1);
    assertThatThrownBy(() -> NativeScaling.builder().modelInferenceLagThreshold(0).build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("modelInferenceLagThreshold must be > 0 (was 0)");
    assertThat(NativeScaling.builder().modelInactiveThreshold(ofSeconds(1)).build().envVars())
        .containsEntry("SELDON_MODEL_INACTIVE_SECONDS_THRESHOLD", "1");
    assertThatThrownBy(() -> NativeScaling.builder().modelInactiveThreshold(ofSeconds(0)).build())
        .hasMessage("modelInactiveSecondsThreshold must be > 0 (was 0)");
    assertThat(NativeScaling.builder().scalingStatsPeriod(ofSeconds(1)).build().envVars())
        .containsEntry("SELDON_SCALING_STATS_PERIOD_SECONDS", "1");
    assertThatThrownBy(() -> NativeScaling.builder().scalingStatsPeriod(ofSeconds(0)).build())
        .hasMessage("scalingStatsPeriodSeconds must be > 0 (was 0)");
    assertThatThrownBy(() -> NativeScaling.builder().scalingStatsPeriod(ofSeconds(-5)).build())
        .hasMessage("scalingStatsPeriodSeconds must be > 0 (was -5)");
    assertThatThrownBy(() -> NativeScaling.builder().scalingStatsPeriod(ofMillis(2500)).build())
        .hasMessage("scalingStatsPeriodSeconds must be whole seconds (was PT2.5S)");
  }

  private static java.util.Map.Entry<String, String> entry(String k, String v) {
    return java.util.Map.entry(k, v);
  }
}
