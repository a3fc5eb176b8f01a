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
    public abstract Builder from(ObjectMetric instance);

    /**
     * Sets {@link ObjectMetric#metricName()}.
     *
     * @param metricName {@code metric.name}, as the metrics adapter exposes it ({@code infer_rps})
     * @return this builder
     */
    public abstract Builder metricName(String metricName);

    /**
     * Sets {@link ObjectMetric#selector()}.
     *
     * @param selector {@code metric.selector}: narrows the series the adapter reads. Default: none
     * @return this builder
     */
    public abstract Builder selector(LabelSelector selector);

    /**
     * Sets or clears {@link ObjectMetric#selector()}.
     *
     * @param selector the value, or empty to clear it; {@code metric.selector}: narrows the series the adapter reads.
     *     Default: none
     * @return this builder
     */
    public abstract Builder selector(Optional<? extends LabelSelector> selector);

    /**
     * Sets {@link ObjectMetric#describedObject()}.
     *
     * @param describedObject {@code describedObject}. Default in a {@link ScalingPlan}: the plan's Model; an
     *     {@link Hpa} needs it set
     * @return this builder
     */
    public abstract Builder describedObject(ObjectReference describedObject);

    /**
     * Sets or clears {@link ObjectMetric#describedObject()}.
     *
     * @param describedObject the value, or empty to clear it; {@code describedObject}. Default in a
     *     {@link ScalingPlan}: the plan's Model; an {@link Hpa} needs it set
     * @return this builder
     */
    public abstract Builder describedObject(Optional<? extends ObjectReference> describedObject);

    /**
     * Sets {@link ObjectMetric#target()}.
     *
     * @param target {@code target}: Value or AverageValue
     * @return this builder
     */
    public abstract Builder target(MetricTarget target);

    /**
     * Builds the {@link ObjectMetric}, checking every rule of its fields.
     *
     * @return the ObjectMetric
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
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
