package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectMetricTest {

  @Test
  void theSeedsRestOnlyMetric() {
    ObjectMetric m = ObjectMetric.builder()
        .metricName("infer_rps")
        .selector(LabelSelector.matchLabel("method_type", "rest"))
        .describedObject(ObjectReference.model("irisa0"))
        .target(MetricTarget.averageValue("3"))
        .build();
    assertThat(m.metricName()).isEqualTo("infer_rps");
    assertThat(m.selector().get().matchLabels()).containsEntry("method_type", "rest");
    assertThat(m.describedObject()).contains(ObjectReference.model("irisa0"));
    assertThat(m.target()).isEqualTo(MetricTarget.averageValue(3));
  }

  @Test
  void describedObjectIsOptionalUntilAPlanFillsItIn() {
    ObjectMetric m = ObjectMetric.of("infer_rps", MetricTarget.averageValue(3));
    assertThat(m.selector()).isEmpty();
    assertThat(m.describedObject()).isEmpty();
    assertThat(m.describing(ObjectReference.model("irisa0")).describedObject()).contains(ObjectReference.model("irisa0"));
  }

  @Test
  void valueTargetsAreValidKubernetesButUtilizationIsNot() {
    assertThat(ObjectMetric.of("infer_rps", MetricTarget.value(3)).target().type()).isEqualTo(MetricTarget.Type.VALUE);
    assertThatThrownBy(() -> ObjectMetric.of("infer_rps", MetricTarget.utilization(50)))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("target.type must be Value or AverageValue for an Object metric (was Utilization)");
  }

  @Test
  void metricNameIsAPathSegment() {
    assertThatThrownBy(() -> ObjectMetric.of("", MetricTarget.averageValue(3)))
        .hasMessage("metricName must be a valid path segment: not empty, not . or .., without / or % (was \"\")");
    assertThatThrownBy(() -> ObjectMetric.of("infer/rps", MetricTarget.averageValue(3)))
        .hasMessage("metricName must be a valid path segment: not empty, not . or .., without / or % (was \"infer/rps\")");
  }
}
