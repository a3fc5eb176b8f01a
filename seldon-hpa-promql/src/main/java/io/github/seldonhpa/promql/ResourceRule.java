package io.github.seldonhpa.promql;

import org.immutables.value.Value;

/**
 * The {@code resourceRules.cpu} or {@code resourceRules.memory} of an adapter config (the
 * {@code metrics.k8s.io} API): query templates for containers and nodes, their resource mapping and the
 * series label naming the container.
 */
@Value.Immutable
public abstract class ResourceRule {
  ResourceRule() {}

  /** {@return {@code containerQuery}: the per-pod query template, grouped by pod and container} */
  public abstract String containerQuery();

  /** {@return {@code nodeQuery}: the per-node query template} */
  public abstract String nodeQuery();

  /** {@return {@code resources}: the label mapping (usually overrides for namespace, pod and node)} */
  @Value.Default
  public ResourceMapping resources() {
    return ResourceMapping.none();
  }

  /** {@return {@code containerLabel}: the series label holding the container name, e.g. {@code container}} */
  public abstract String containerLabel();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableResourceRule.builder();
  }

  /** Builds {@link ResourceRule}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ResourceRule} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(ResourceRule instance);

    /**
     * Initializes the value for the {@link ResourceRule#containerQuery() containerQuery} attribute.
     * @param containerQuery The value for containerQuery 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder containerQuery(String containerQuery);

    /**
     * Initializes the value for the {@link ResourceRule#nodeQuery() nodeQuery} attribute.
     * @param nodeQuery The value for nodeQuery 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder nodeQuery(String nodeQuery);

    /**
     * Initializes the value for the {@link ResourceRule#resources() resources} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ResourceRule#resources() resources}.</em>
     * @param resources The value for resources 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder resources(ResourceMapping resources);

    /**
     * Initializes the value for the {@link ResourceRule#containerLabel() containerLabel} attribute.
     * @param containerLabel The value for containerLabel 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder containerLabel(String containerLabel);

    /**
     * Builds a new {@link ResourceRule ResourceRule}.
     * @return An immutable instance of ResourceRule
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract ResourceRule build();
  }
}
