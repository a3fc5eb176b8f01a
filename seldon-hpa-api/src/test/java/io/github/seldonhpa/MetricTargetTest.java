package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.MetricTarget.Type;
import org.junit.jupiter.api.Test;

class MetricTargetTest {

  @Test
  void averageValueCarriesOnlyAverageValue() {
    MetricTarget t = MetricTarget.averageValue(3);
    assertThat(t.type()).isEqualTo(Type.AVERAGE_VALUE);
    assertThat(t.type().yamlName()).isEqualTo("AverageValue");
    assertThat(t.averageValue()).contains(Quantity.of(3));
    assertThat(t.value()).isEmpty();
    assertThat(t.averageUtilization()).isEmpty();
    assertThat(t.quantity()).contains(Quantity.of(3));
    assertThat(MetricTarget.averageValue("500m").averageValue().map(Quantity::toString)).contains("500m");
    assertThat(MetricTarget.averageValue(Quantity.parse("1.5k"))).isEqualTo(MetricTarget.averageValue(1500));
  }

  @Test
  void valueAndUtilization() {
    assertThat(MetricTarget.value(100).value()).contains(Quantity.of(100));
    assertThat(MetricTarget.value("2").type().yamlName()).isEqualTo("Value");
    assertThat(MetricTarget.value(Quantity.parse("1m")).quantity()).contains(Quantity.parse("1m"));
    MetricTarget u = MetricTarget.utilization(80);
    assertThat(u.type().yamlName()).isEqualTo("Utilization");
    assertThat(u.averageUtilization()).contains(80);
    assertThat(u.quantity()).isEmpty();
  }

  @Test
  void quantitiesMustBePositive() {
    assertThat(MetricTarget.averageValue("1n").averageValue()).contains(Quantity.parse("1n"));
    assertThatThrownBy(() -> MetricTarget.averageValue(0))
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("averageValue must be > 0 (was 0)");
    assertThatThrownBy(() -> MetricTarget.averageValue("-1m")).hasMessage("averageValue must be > 0 (was -1m)");
    assertThatThrownBy(() -> MetricTarget.value(0)).hasMessage("value must be > 0 (was 0)");
  }

  @Test
  void quantitiesMustFitTheControllersMilliUnits() {
    assertThat(MetricTarget.averageValue("9223372036854775807m").averageValue().get().milliValue())
        .isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> MetricTarget.averageValue("9223372036854775808m"))
        .hasMessage("averageValue must be at most 9223372036854775807m, the controller's int64 milli-units"
            + " (was 9223372036854775808m)");
    assertThatThrownBy(() -> MetricTarget.value("1e30"))
        .hasMessage("value must be at most 9223372036854775807m, the controller's int64 milli-units (was 1e30)");
  }

  @Test
  void utilizationMustBePositive() {
    assertThat(MetricTarget.utilization(1).averageUtilization()).contains(1);
    assertThatThrownBy(() -> MetricTarget.utilization(0))
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("averageUtilization must be > 0 (was 0)");
  }

  @Test
  void quantityTextIsParsedWithTheFieldName() {
    assertThatThrownBy(() -> MetricTarget.averageValue("3rps"))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("averageValue must be a Kubernetes quantity such as 3, 500m, 1.5k or 2Gi (was \"3rps\")");
    assertThatThrownBy(() -> MetricTarget.value("x"))
        .hasMessage("value must be a Kubernetes quantity such as 3, 500m, 1.5k or 2Gi (was \"x\")");
  }

  @Test
  void aTargetCarriesExactlyTheFieldOfItsType() {
    assertThatThrownBy(() -> MetricTarget.builder().type(Type.VALUE).build())
        .isExactlyInstanceOf(HpaValidationException.class).hasMessage("value must be set for target type Value (was unset)");
    assertThatThrownBy(() -> MetricTarget.builder().type(Type.AVERAGE_VALUE).value(Quantity.of(3)).build())
        .hasMessage("value must be unset for target type AverageValue (was 3)");
    assertThatThrownBy(() -> MetricTarget.builder().type(Type.VALUE).value(Quantity.of(3))
            .averageValue(Quantity.parse("2")).build())
        .hasMessage("averageValue must be unset for target type Value (was 2)");
    assertThatThrownBy(() -> MetricTarget.builder().type(Type.UTILIZATION).build())
        .hasMessage("averageUtilization must be set for target type Utilization (was unset)");
    assertThatThrownBy(() -> MetricTarget.builder().type(Type.AVERAGE_VALUE).averageValue(Quantity.of(1))
            .averageUtilization(50).build())
        .hasMessage("averageUtilization must be unset for target type AverageValue (was 50)");
  }

  @Test
  void typeFromYaml() {
    assertThat(Type.fromYaml("target.type", "AverageValue")).isEqualTo(Type.AVERAGE_VALUE);
    assertThat(Type.fromYaml("target.type", "Utilization")).isEqualTo(Type.UTILIZATION);
    assertThatThrownBy(() -> Type.fromYaml("target.type", "Average"))
        .isExactlyInstanceOf(HpaValidationException.class)
        .hasMessage("target.type must be Value, AverageValue or Utilization (was \"Average\")");
  }
}
