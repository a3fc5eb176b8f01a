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
public abstract class ObjectMetric extends Metric {
  ObjectMetric() {}

  /** {@code metric.name}, as the metrics adapter exposes it ({@code infer_rps}). */
  public abstract String metricName();

  /** {@code metric.selector}: narrows the series the adapter reads. Default: none. */
  public abstract Optional<LabelSelector> selector();

  /**
   * {@code describedObject}. Default in a {@link ScalingPlan}: the plan's Model; an {@link Hpa} needs it
   * set.
   */
  public abstract Optional<ObjectReference> describedObject();

  /** {@code target}: Value or AverageValue. */
  @Override
  public abstract MetricTarget target();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ObjectMetric}. */
  public static class Builder extends ImmutableObjectMetric.Builder {}

  /** The Object metric {@code metricName} with {@code target}; a plan describes its Model with it. */
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
