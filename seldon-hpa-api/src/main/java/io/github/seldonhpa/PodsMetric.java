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
public abstract class PodsMetric extends Metric {
  PodsMetric() {}

  /** {@code metric.name}. */
  public abstract String metricName();

  /** {@code metric.selector}. Default: none. */
  public abstract Optional<LabelSelector> selector();

  /** {@code target}: AverageValue. */
  @Override
  public abstract MetricTarget target();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PodsMetric}. */
  public static class Builder extends ImmutablePodsMetric.Builder {}

  /** The Pods metric {@code metricName} with an AverageValue {@code target}. */
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
