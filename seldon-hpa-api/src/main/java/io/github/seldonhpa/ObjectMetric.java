package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Object metric ({@code type: Object}): {@code object.metric.name}, {@code object.metric.selector},
 * {@code object.describedObject} and {@code object.target} (Value or AverageValue; Seldon HPAs need
 * AverageValue).
 */
@Value.Immutable
public abstract sealed class ObjectMetric extends Metric permits ImmutableObjectMetric {
  ObjectMetric() {}

  /** {@return {@code metric.name}, as the metrics adapter exposes it ({@code infer_rps})} */
  public abstract String metricName();

  /** {@return {@code metric.selector}: narrows the series the adapter reads} Default: none. */
  public abstract Optional<LabelSelector> selector();

  /**
   * {@return {@code describedObject}} Default in a {@link ScalingPlan}: the plan's Model; an {@link Hpa} needs it
   * set.
   */
  public abstract Optional<ObjectReference> describedObject();

  /** {@code target}: Value or AverageValue. */
  @Override
  public abstract MetricTarget target();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableObjectMetric.builder();
  }

  /** Builds {@link ObjectMetric}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code io.github.seldonhpa.Metric} instance.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Metric instance);

    /**
     * Fill a builder with attribute values from the provided {@code io.github.seldonhpa.ObjectMetric} instance.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(ObjectMetric instance);

    /**
     * Initializes the value for the {@link ObjectMetric#metricName() metricName} attribute.
     * @param metricName The value for metricName 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metricName(String metricName);

    /**
     * Initializes the optional value {@link ObjectMetric#selector() selector} to selector.
     * @param selector The value for selector
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder selector(LabelSelector selector);

    /**
     * Initializes the optional value {@link ObjectMetric#selector() selector} to selector.
     * @param selector The value for selector
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder selector(Optional<? extends LabelSelector> selector);

    /**
     * Initializes the optional value {@link ObjectMetric#describedObject() describedObject} to describedObject.
     * @param describedObject The value for describedObject
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder describedObject(ObjectReference describedObject);

    /**
     * Initializes the optional value {@link ObjectMetric#describedObject() describedObject} to describedObject.
     * @param describedObject The value for describedObject
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder describedObject(Optional<? extends ObjectReference> describedObject);

    /**
     * Initializes the value for the {@link ObjectMetric#target() target} attribute.
     * @param target The value for target 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder target(MetricTarget target);

    /**
     * Builds a new {@link ObjectMetric ObjectMetric}.
     * @return An immutable instance of ObjectMetric
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract ObjectMetric build();

}

  /**
   * {@return the Object metric {@code metricName} with {@code target}; a plan describes its Model with it}
   *
   * @param metricName the metric name the adapter serves, such as {@code infer_rps}
   * @param target the target, an AverageValue for a plan's Model HPA
   */
  public static ObjectMetric of(String metricName, MetricTarget target) {
    return builder().metricName(metricName).target(target).build();
  }

  /** Always {@link Metric.Type#OBJECT}. */
  @Override
  public final Type type() {
    return Type.OBJECT;
  }

  /** This metric describing {@code describedObject} (a plan fills in its Model). */
  final ObjectMetric describing(ObjectReference describedObject) {
    return builder().metricName(metricName()).selector(selector()).describedObject(describedObject)
        .target(target()).build();
  }

  @Override
  final String describe() {
    return "Object " + metricName();
  }

  @Value.Check
  final void check() {
    Checks.pathSegment("metricName", metricName());
    MetricTarget.Type t = target().type();
    Checks.check(t != MetricTarget.Type.UTILIZATION,
        "target.type must be Value or AverageValue for an Object metric (was %s)", t.yamlName());
  }
}
