package io.github.seldonhpa;

import static io.github.seldonhpa.SeldonHpa.*;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeldonHpaTest {

  @Test
  void eachEntryDelegatesToItsType() {
    assertThat(scalingPlan("irisa0").namespace("n").addMetric(objectMetric("rps", averageValue(1))).replicas(1, 2).build()
        .modelName()).isEqualTo("irisa0");
    assertThat(objectMetric("rps", averageValue(3))).isEqualTo(ObjectMetric.of("rps", MetricTarget.averageValue(3)));
    assertThat(objectMetric("rps", matchLabel("method_type", "rest"), averageValue("3")).selector())
        .contains(LabelSelector.matchLabel("method_type", "rest"));
    assertThat(externalMetric("q", value(5))).isEqualTo(ExternalMetric.of("q", MetricTarget.value(5)));
    assertThat(podsMetric("rps", averageValue(Quantity.of(2)))).isEqualTo(PodsMetric.of("rps", MetricTarget.averageValue(2)));
    assertThat(resourceMetric("cpu", utilization(80))).isEqualTo(ResourceMetric.of("cpu", MetricTarget.utilization(80)));
    assertThat(value("1.5")).isEqualTo(MetricTarget.value(Quantity.parse("1500m")));
    assertThat(value(Quantity.of(2))).isEqualTo(MetricTarget.value(2));
    assertThat(pods(4, ofSeconds(15))).isEqualTo(ScalingPolicy.pods(4, ofSeconds(15)));
    assertThat(percent(100, ofSeconds(15))).isEqualTo(ScalingPolicy.percent(100, ofSeconds(15)));
    assertThat(scalingRules().build()).isEqualTo(ScalingRules.builder().build());
    assertThat(modelRef("irisa0")).isEqualTo(ObjectReference.model("irisa0"));
    assertThat(serverRef("mlserver")).isEqualTo(ObjectReference.server("mlserver"));
    assertThat(nativeScaling().build()).isEqualTo(NativeScaling.builder().build());
  }
}
