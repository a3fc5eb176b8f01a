package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An External metric ({@code type: External}): {@code external.metric.name},
 * {@code external.metric.selector} and a Value or AverageValue {@code external.target}; the adapter's
 * {@code externalRules} serve it.
 */
@Value.Immutable
public abstract sealed class ExternalMetric extends Metric permits ImmutableExternalMetric {
  ExternalMetric() {}

  /** {@return {@code metric.name}} */
  public abstract String metricName();

  /** {@return {@code metric.selector}} Default: none. */
  public abstract Optional<LabelSelector> selector();

  /** {@code target}: Value or AverageValue. */
  @Override
  public abstract MetricTarget target();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableExternalMetric.builder();
  }

  /** Builds {@link ExternalMetric}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code io.github.seldonhpa.Metric} instance.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Metric instance);

    /**
     * Fill a builder with attribute values from the provided {@code io.github.seldonhpa.ExternalMetric} instance.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(ExternalMetric instance);

    /**
     * Initializes the value for the {@link ExternalMetric#metricName() metricName} attribute.
     * @param metricName The value for metricName 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metricName(String metricName);

    /**
     * Initializes the optional value {@link ExternalMetric#selector() selector} to selector.
     * @param selector The value for selector
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder selector(LabelSelector selector);

    /**
     * Initializes the optional value {@link ExternalMetric#selector() selector} to selector.
     * @param selector The value for selector
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder selector(Optional<? extends LabelSelector> selector);

    /**
     * Initializes the value for the {@link ExternalMetric#target() target} attribute.
     * @param target The value for target 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder target(MetricTarget target);

    /**
     * Builds a new {@link ExternalMetric ExternalMetric}.
     * @return An immutable instance of ExternalMetric
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract ExternalMetric build();

}

  /**
   * {@return the External metric {@code metricName} with {@code target}}
   *
   * @param metricName the external metric's name, as the adapter's {@code externalRules} serve it
   * @param target a Value or AverageValue target
   */
  public static ExternalMetric of(String metricName, MetricTarget target) {
    return builder().metricName(metricName).target(target).build();
  }

  /** Always {@link Metric.Type#EXTERNAL}. */
  @Override
  public final Type type() {
    return Type.EXTERNAL;
  }

  @Override
  final String describe() {
    return "External " + metricName();
  }

  @Value.Check
  final void check() {
    Checks.pathSegment("metricName", metricName());
    Checks.check(target().type() != MetricTarget.Type.UTILIZATION,
        "target.type must be Value or AverageValue for an External metric (was %s)",
        target().type().yamlName());
  }
}
