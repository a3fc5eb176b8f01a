package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PodsMetricTest {

  @Test
  void averageValueOnly() {
    PodsMetric m = PodsMetric.builder().metricName("rps").selector(LabelSelector.matchLabel("code", "200"))
        .target(MetricTarget.averageValue("500m")).build();
    assertThat(m.metricName()).isEqualTo("rps");
    assertThat(m.selector()).isPresent();
    assertThatThrownBy(() -> PodsMetric.of("rps", MetricTarget.value(1)))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("target.type must be AverageValue for a Pods metric (was Value)");
    assertThatThrownBy(() -> PodsMetric.of("rps", MetricTarget.utilization(1)))
        .hasMessage("target.type must be AverageValue for a Pods metric (was Utilization)");
    assertThatThrownBy(() -> PodsMetric.of(".", MetricTarget.averageValue(1)))
        .hasMessage("metricName must be a valid path segment: not empty, not . or .., without / or % (was \".\")");
  }
}
