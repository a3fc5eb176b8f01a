package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.internal.HpaRule;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A metric's {@code target}: the {@code type} and exactly the one field that type reads
 * ({@code value}, {@code averageValue} or {@code averageUtilization}).
 */
@Value.Immutable
public abstract class MetricTarget {
  /** {@code type}: how the controller compares the metric with the target. */
  public enum Type {
    /** The metric as a whole against {@code value} ({@code Value}). */
    VALUE("Value"),
    /** The metric divided by the replicas against {@code averageValue} ({@code AverageValue}). */
    AVERAGE_VALUE("AverageValue"),
    /** The pods' usage as a percentage of their requests against {@code averageUtilization}. */
    UTILIZATION("Utilization");

    private final String yaml;

    Type(String yaml) {
      this.yaml = yaml;
    }

    /** {@return the spelling in YAML: {@code Value}, {@code AverageValue} or {@code Utilization}} */
    public String yamlName() {
      return yaml;
    }

    /**
     * {@return the type spelled as in YAML}
     *
     * @param field the YAML path of the value, named in the error message
     * @param value the type as written in YAML, such as {@code AverageValue}
     * @throws HpaValidationException for any other spelling
     */
    public static Type fromYaml(String field, String value) {
      return Checks.yamlConstant(field, value, values(), Type::yamlName);
    }
  }

  // The controller works on int64 milli-units (Quantity.MilliValue()).
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE, 3);

  MetricTarget() {}

  /** {@return {@code type}} */
  public abstract Type type();

  /** {@return {@code value}, set exactly for type Value} Range: &gt; 0, at most 9223372036854775807m. */
  public abstract Optional<Quantity> value();

  /** {@return {@code averageValue}, set exactly for type AverageValue} Range: &gt; 0, at most 9223372036854775807m. */
  public abstract Optional<Quantity> averageValue();

  /** {@return {@code averageUtilization} in percent, set exactly for type Utilization} Range: &gt; 0. */
  public abstract Optional<Integer> averageUtilization();

  /** {@return a builder, for targets read from YAML; the factories below cover the valid shapes} */
  public static Builder builder() {
    return ImmutableMetricTarget.builder();
  }

  /** Builds {@link MetricTarget}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the MetricTarget whose values are copied
     * @return this builder
     */
    public abstract Builder from(MetricTarget instance);

    /**
     * Sets {@link MetricTarget#type()}.
     *
     * @param type {@code type}
     * @return this builder
     */
    public abstract Builder type(MetricTarget.Type type);

    /**
     * Sets {@link MetricTarget#value()}.
     *
     * @param value {@code value}, set exactly for type Value. Range: &gt; 0, at most 9223372036854775807m
     * @return this builder
     */
    public abstract Builder value(Quantity value);

    /**
     * Sets or clears {@link MetricTarget#value()}.
     *
     * @param value the value, or empty to clear it; {@code value}, set exactly for type Value. Range: &gt; 0, at most
     *     9223372036854775807m
     * @return this builder
     */
    public abstract Builder value(Optional<? extends Quantity> value);

    /**
     * Sets {@link MetricTarget#averageValue()}.
     *
     * @param averageValue {@code averageValue}, set exactly for type AverageValue. Range: &gt; 0, at most
     *     9223372036854775807m
     * @return this builder
     */
    public abstract Builder averageValue(Quantity averageValue);

    /**
     * Sets or clears {@link MetricTarget#averageValue()}.
     *
     * @param averageValue the value, or empty to clear it; {@code averageValue}, set exactly for type AverageValue.
     *     Range: &gt; 0, at most 9223372036854775807m
     * @return this builder
     */
    public abstract Builder averageValue(Optional<? extends Quantity> averageValue);

    /**
     * Sets {@link MetricTarget#averageUtilization()}.
     *
     * @param averageUtilization {@code averageUtilization} in percent, set exactly for type Utilization. Range: &gt; 0
     * @return this builder
     */
    public abstract Builder averageUtilization(int averageUtilization);

    /**
     * Sets or clears {@link MetricTarget#averageUtilization()}.
     *
     * @param averageUtilization the value, or empty to clear it; {@code averageUtilization} in percent, set exactly for
     *     type Utilization. Range: &gt; 0
     * @return this builder
     */
    public abstract Builder averageUtilization(Optional<Integer> averageUtilization);

    /**
     * Builds the {@link MetricTarget}, checking every rule of its fields.
     *
     * @return the MetricTarget
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract MetricTarget build();

}

  /**
   * {@return {@code type: AverageValue} with {@code averageValue}}
   *
   * @param averageValue the value per replica, above 0
   */
  public static MetricTarget averageValue(Quantity averageValue) {
    return builder().type(Type.AVERAGE_VALUE).averageValue(averageValue).build();
  }

  /**
   * {@return {@code type: AverageValue} with the integer {@code averageValue}}
   *
   * @param averageValue the value per replica, above 0
   */
  public static MetricTarget averageValue(long averageValue) {
    return averageValue(Quantity.of(averageValue));
  }

  /**
   * {@return {@code type: AverageValue} with {@code averageValue} parsed as a quantity ({@code "500m"})}
   *
   * @param averageValue a Kubernetes quantity above 0, such as {@code "500m"} or {@code "3"}
   * @throws HpaValidationException if {@code averageValue} is not a quantity
   */
  public static MetricTarget averageValue(String averageValue) {
    return averageValue(Quantity.parse("averageValue", averageValue));
  }

  /**
   * {@return {@code type: Value} with {@code value}}
   *
   * @param value the total value, above 0
   */
  public static MetricTarget value(Quantity value) {
    return builder().type(Type.VALUE).value(value).build();
  }

  /**
   * {@return {@code type: Value} with the integer {@code value}}
   *
   * @param value the total value, above 0
   */
  public static MetricTarget value(long value) {
    return value(Quantity.of(value));
  }

  /**
   * {@return {@code type: Value} with {@code value} parsed as a quantity}
   *
   * @param value a Kubernetes quantity above 0, such as {@code "10k"}
   * @throws HpaValidationException if {@code value} is not a quantity
   */
  public static MetricTarget value(String value) {
    return value(Quantity.parse("value", value));
  }

  /**
   * {@return {@code type: Utilization} with {@code averageUtilization} percent}
   *
   * @param averageUtilization percent of the pods' resource request, above 0 (may exceed 100)
   */
  public static MetricTarget utilization(int averageUtilization) {
    return builder().type(Type.UTILIZATION).averageUtilization(averageUtilization).build();
  }

  /** {@return the quantity this target's type reads, or empty for Utilization} */
  public final Optional<Quantity> quantity() {
    return type() == Type.VALUE ? value() : averageValue();
  }

  @Value.Check
  final void check() {
    String t = type().yamlName();
    field("value", value(), type() == Type.VALUE, t);
    field("averageValue", averageValue(), type() == Type.AVERAGE_VALUE, t);
    field("averageUtilization", averageUtilization(), type() == Type.UTILIZATION, t);
    value().ifPresent(q -> positive("value", q));
    averageValue().ifPresent(q -> positive("averageValue", q));
    averageUtilization().ifPresent(u -> HpaRule.UTILIZATION.require(u > 0, "averageUtilization", u));
  }

  private static void field(String name, Optional<?> value, boolean wanted, String type) {
    if (wanted) {
      Checks.check(value.isPresent(), "%s must be set for target type %s (was unset)", name, type);
    } else {
      Checks.check(value.isEmpty(), "%s must be unset for target type %s (was %s)", name, type,
          value.map(String::valueOf).orElse(""));
    }
  }

  private static void positive(String name, Quantity q) {
    HpaRule.POSITIVE.require(q.signum() > 0, name, q);
    Checks.check(q.toBigDecimal().compareTo(MAX) <= 0,
        "%s must be at most 9223372036854775807m, the controller's int64 milli-units (was %s)", name, q);
  }
}
