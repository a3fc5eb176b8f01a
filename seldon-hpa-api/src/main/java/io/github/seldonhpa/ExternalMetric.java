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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the this whose values are copied
     * @return this builder
     */
    public abstract Builder from(Metric instance);

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the this whose values are copied
     * @return this builder
     */
    public abstract Builder from(ExternalMetric instance);

    /**
     * Sets {@link ExternalMetric#metricName()}.
     *
     * @param metricName {@code metric.name}
     * @return this builder
     */
    public abstract Builder metricName(String metricName);

    /**
     * Sets {@link ExternalMetric#selector()}.
     *
     * @param selector {@code metric.selector}. Default: none
     * @return this builder
     */
    public abstract Builder selector(LabelSelector selector);

    /**
     * Sets or clears {@link ExternalMetric#selector()}.
     *
     * @param selector the value, or empty to clear it; {@code metric.selector}. Default: none
     * @return this builder
     */
    public abstract Builder selector(Optional<? extends LabelSelector> selector);

    /**
     * Sets {@link ExternalMetric#target()}.
     *
     * @param target {@code target}: Value or AverageValue
     * @return this builder
     */
    public abstract Builder target(MetricTarget target);

    /**
     * Builds the {@link ExternalMetric}, checking every rule of its fields.
     *
     * @return the ExternalMetric
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
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
