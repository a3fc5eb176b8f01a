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
public abstract class ExternalMetric extends Metric {
  ExternalMetric() {}

  /** {@code metric.name}. */
  public abstract String metricName();

  /** {@code metric.selector}. Default: none. */
  public abstract Optional<LabelSelector> selector();

  /** {@code target}: Value or AverageValue. */
  @Override
  public abstract MetricTarget target();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ExternalMetric}. */
  public static class Builder extends ImmutableExternalMetric.Builder {}

  /** The External metric {@code metricName} with {@code target}. */
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
