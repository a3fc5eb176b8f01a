package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Pods metric ({@code type: Pods}): {@code pods.metric.name}, {@code pods.metric.selector} and an
 * AverageValue {@code pods.target}, averaged over the pods of the target's selector. Only a Server HPA
 * can use it: a Seldon Model's selector matches no pods.
 */
@Value.Immutable
public abstract sealed class PodsMetric extends Metric permits ImmutablePodsMetric {
  PodsMetric() {}

  /** {@return {@code metric.name}} */
  public abstract String metricName();

  /** {@return {@code metric.selector}} Default: none. */
  public abstract Optional<LabelSelector> selector();

  /** {@code target}: AverageValue. */
  @Override
  public abstract MetricTarget target();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutablePodsMetric.builder();
  }

  /** Builds {@link PodsMetric}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the this whose values are copied
     * @return this builder
     */
    public abstract Builder from(PodsMetric instance);

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the this whose values are copied
     * @return this builder
     */
    public abstract Builder from(Metric instance);

    /**
     * Sets {@link PodsMetric#metricName()}.
     *
     * @param metricName {@code metric.name}
     * @return this builder
     */
    public abstract Builder metricName(String metricName);

    /**
     * Sets {@link PodsMetric#selector()}.
     *
     * @param selector {@code metric.selector}. Default: none
     * @return this builder
     */
    public abstract Builder selector(LabelSelector selector);

    /**
     * Sets or clears {@link PodsMetric#selector()}.
     *
     * @param selector the value, or empty to clear it; {@code metric.selector}. Default: none
     * @return this builder
     */
    public abstract Builder selector(Optional<? extends LabelSelector> selector);

    /**
     * Sets {@link PodsMetric#target()}.
     *
     * @param target {@code target}: AverageValue
     * @return this builder
     */
    public abstract Builder target(MetricTarget target);

    /**
     * Builds the {@link PodsMetric}, checking every rule of its fields.
     *
     * @return the PodsMetric
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract PodsMetric build();

}

  /**
   * {@return the Pods metric {@code metricName} with an AverageValue {@code target}}
   *
   * @param metricName the per-pod metric name the adapter serves
   * @param target an AverageValue target per pod
   */
  public static PodsMetric of(String metricName, MetricTarget target) {
    return builder().metricName(metricName).target(target).build();
  }

  /** Always {@link Metric.Type#PODS}. */
  @Override
  public final Type type() {
    return Type.PODS;
  }

  @Override
  final String describe() {
    return "Pods " + metricName();
  }

  @Value.Check
  final void check() {
    Checks.pathSegment("metricName", metricName());
    Checks.check(target().type() == MetricTarget.Type.AVERAGE_VALUE,
        "target.type must be AverageValue for a Pods metric (was %s)", target().type().yamlName());
  }
}
