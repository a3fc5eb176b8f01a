package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricTest {

  @Test
  void eachKindReportsItsType() {
    assertThat(ObjectMetric.of("infer_rps", MetricTarget.averageValue(3)).type()).isEqualTo(Metric.Type.OBJECT);
    assertThat(PodsMetric.of("rps", MetricTarget.averageValue(3)).type()).isEqualTo(Metric.Type.PODS);
    assertThat(ResourceMetric.of("cpu", MetricTarget.utilization(80)).type()).isEqualTo(Metric.Type.RESOURCE);
    assertThat(ExternalMetric.of("queue", MetricTarget.value(3)).type()).isEqualTo(Metric.Type.EXTERNAL);
  }

  @Test
  void yamlNames() {
    assertThat(Metric.Type.OBJECT.yamlName()).isEqualTo("Object");
    assertThat(Metric.Type.PODS.yamlName()).isEqualTo("Pods");
    assertThat(Metric.Type.RESOURCE.yamlName()).isEqualTo("Resource");
    assertThat(Metric.Type.EXTERNAL.yamlName()).isEqualTo("External");
    assertThat(Metric.Type.fromYaml("type", "External")).isEqualTo(Metric.Type.EXTERNAL);
    assertThatThrownBy(() -> Metric.Type.fromYaml("metrics[0].type", "ContainerResource"))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("metrics[0].type must be Object, Pods, Resource or External (was \"ContainerResource\")");
  }
}
