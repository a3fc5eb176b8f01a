package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import org.immutables.value.Value;

/**
 * A Resource metric ({@code type: Resource}): {@code resource.name} cpu or memory and a Utilization or
 * AverageValue {@code resource.target}, measured on the pods of the target's selector. Only a Server HPA
 * can use it: a Seldon Model's selector matches no pods.
 */
@Value.Immutable
public abstract class ResourceMetric extends Metric {
  ResourceMetric() {}

  /** {@code resource.name}: {@code cpu} or {@code memory}. */
  public abstract String resource();

  /** {@code target}: Utilization or AverageValue. */
  @Override
  public abstract MetricTarget target();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ResourceMetric}. */
  public static class Builder extends ImmutableResourceMetric.Builder {}

  /** The Resource metric on {@code resource} ({@code cpu} or {@code memory}) with {@code target}. */
  public static ResourceMetric of(String resource, MetricTarget target) {
    return builder().resource(resource).target(target).build();
  }

  /** Always {@link Metric.Type#RESOURCE}. */
  @Override
  public final Type type() {
    return Type.RESOURCE;
  }

  @Override
  final String describe() {
    return "Resource " + resource();
  }

  @Value.Check
  final void check() {
    Checks.check(resource().equals("cpu") || resource().equals("memory"),
        "resource must be cpu or memory (was \"%s\")", resource());
    Checks.check(target().type() != MetricTarget.Type.VALUE,
        "target.type must be Utilization or AverageValue for a Resource metric (was %s)",
        target().type().yamlName());
  }
}
