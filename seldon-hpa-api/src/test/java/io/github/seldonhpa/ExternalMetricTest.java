package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExternalMetricTest {

  @Test
  void valueOrAverageValue() {
    ExternalMetric m = ExternalMetric.builder().metricName("queue_depth")
        .selector(LabelSelector.matchLabel("queue", "jobs")).target(MetricTarget.averageValue(30)).build();
    assertThat(m.metricName()).isEqualTo("queue_depth");
    assertThat(m.selector()).isPresent();
    assertThat(ExternalMetric.of("queue_depth", MetricTarget.value(30)).target().type()).isEqualTo(MetricTarget.Type.VALUE);
    assertThatThrownBy(() -> ExternalMetric.of("queue_depth", MetricTarget.utilization(30)))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("target.type must be Value or AverageValue for an External metric (was Utilization)");
    assertThatThrownBy(() -> ExternalMetric.of("q%", MetricTarget.value(30)))
        .hasMessage("metricName must be a valid path segment: not empty, not . or .., without / or % (was \"q%\")");
  }
}
