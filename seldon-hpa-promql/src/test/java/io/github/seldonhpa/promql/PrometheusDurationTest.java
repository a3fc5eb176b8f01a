package io.github.seldonhpa.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusDurationTest {
  @Test
  void formatsLikePrometheus() {
    assertThat(PrometheusDuration.format(Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(PrometheusDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(PrometheusDuration.format(Duration.ofDays(14))).isEqualTo("2w");
    assertThat(PrometheusDuration.format(Duration.ofDays(15))).isEqualTo("15d");
    assertThat(PrometheusDuration.format(Duration.ofDays(365))).isEqualTo("1y");
    assertThat(PrometheusDuration.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(PrometheusDuration.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void parsesWhatPrometheusAccepts() {
    assertThat(PrometheusDuration.parse("window", "1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(PrometheusDuration.parse("window", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(PrometheusDuration.parse("window", "0")).isEqualTo(Duration.ZERO);
    assertThat(PrometheusDuration.parse("window", "2w1d")).isEqualTo(Duration.ofDays(15));
  }

  @Test
  void rejectsOtherText() {
    assertThatThrownBy(() -> PrometheusDuration.parse("resourceRules.window", "30s1m"))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("resourceRules.window must be a Prometheus duration such as 5m or 1m30s (was \"30s1m\")");
    assertThatThrownBy(() -> PrometheusDuration.parse("window", "")).isInstanceOf(HpaValidationException.class);
    assertThatThrownBy(() -> PrometheusDuration.format(Duration.ofNanos(5)))
        .hasMessage("duration must be zero or positive whole milliseconds (was PT0.000000005S)");
  }
}
