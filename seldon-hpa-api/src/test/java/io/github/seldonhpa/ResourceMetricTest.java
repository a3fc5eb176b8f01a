package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceMetricTest {

  @Test
  void cpuOrMemoryWithUtilizationOrAverageValue() {
    assertThat(ResourceMetric.of("cpu", MetricTarget.utilization(80)).resource()).isEqualTo("cpu");
    assertThat(ResourceMetric.of("memory", MetricTarget.averageValue("2Gi")).target().averageValue())
        .contains(Quantity.parse("2Gi"));
    assertThatThrownBy(() -> ResourceMetric.of("gpu", MetricTarget.utilization(80)))
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("resource must be cpu or memory (was \"gpu\")");
    assertThatThrownBy(() -> ResourceMetric.of("CPU", MetricTarget.utilization(80)))
        .hasMessage("resource must be cpu or memory (was \"CPU\")");
    assertThatThrownBy(() -> ResourceMetric.of("cpu", MetricTarget.value(1)))
        .hasMessage("target.type must be Utilization or AverageValue for a Resource metric (was Value)");
  }
}
