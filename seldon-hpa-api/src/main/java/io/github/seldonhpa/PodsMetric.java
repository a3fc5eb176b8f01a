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
     * Fill a builder with attribute values from the provided {@code io.github.seldonhpa.PodsMetric} instance.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(PodsMetric instance);

    /**
     * Fill a builder with attribute values from the provided {@code io.github.seldonhpa.Metric} instance.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Metric instance);

    /**
     * Initializes the value for the {@link PodsMetric#metricName() metricName} attribute.
     * @param metricName The value for metricName 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metricName(String metricName);

    /**
     * Initializes the optional value {@link PodsMetric#selector() selector} to selector.
     * @param selector The value for selector
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder selector(LabelSelector selector);

    /**
     * Initializes the optional value {@link PodsMetric#selector() selector} to selector.
     * @param selector The value for selector
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder selector(Optional<? extends LabelSelector> selector);

    /**
     * Initializes the value for the {@link PodsMetric#target() target} attribute.
     * @param target The value for target 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder target(MetricTarget target);

    /**
     * Builds a new {@link PodsMetric PodsMetric}.
     * @return An immutable instance of PodsMetric
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
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
