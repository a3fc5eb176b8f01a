package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import org.immutables.value.Value;

/**
 * A Resource metric ({@code type: Resource}): {@code resource.name} cpu or memory and a Utilization or
 * AverageValue {@code resource.target}, measured on the pods of the target's selector. Only a Server HPA
 * can use it: a Seldon Model's selector matches no pods.
 */
@Value.Immutable
public abstract sealed class ResourceMetric extends Metric permits ImmutableResourceMetric {
  ResourceMetric() {}

  /** {@return {@code resource.name}: {@code cpu} or {@code memory}} */
  public abstract String resource();

  /** {@code target}: Utilization or AverageValue. */
  @Override
  public abstract MetricTarget target();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableResourceMetric.builder();
  }

  /** Builds {@link ResourceMetric}; setters may be called again (the last value wins). */
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
    public abstract Builder from(ResourceMetric instance);

    /**
     * Sets {@link ResourceMetric#resource()}.
     *
     * @param resource {@code resource.name}: {@code cpu} or {@code memory}
     * @return this builder
     */
    public abstract Builder resource(String resource);

    /**
     * Sets {@link ResourceMetric#target()}.
     *
     * @param target {@code target}: Utilization or AverageValue
     * @return this builder
     */
    public abstract Builder target(MetricTarget target);

    /**
     * Builds the {@link ResourceMetric}, checking every rule of its fields.
     *
     * @return the ResourceMetric
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract ResourceMetric build();

}

  /**
   * {@return the Resource metric on {@code resource} ({@code cpu} or {@code memory}) with {@code target}}
   *
   * @param resource {@code cpu} or {@code memory}
   * @param target a Utilization (percent of the request) or AverageValue target
   */
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
