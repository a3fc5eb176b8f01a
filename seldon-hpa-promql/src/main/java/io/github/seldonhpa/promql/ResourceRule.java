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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the ResourceRule whose values are copied
     * @return this builder
     */
    public abstract Builder from(ResourceRule instance);

    /**
     * Sets {@link ResourceRule#containerQuery()}.
     *
     * @param containerQuery {@code containerQuery}: the per-pod query template, grouped by pod and container
     * @return this builder
     */
    public abstract Builder containerQuery(String containerQuery);

    /**
     * Sets {@link ResourceRule#nodeQuery()}.
     *
     * @param nodeQuery {@code nodeQuery}: the per-node query template
     * @return this builder
     */
    public abstract Builder nodeQuery(String nodeQuery);

    /**
     * Sets {@link ResourceRule#resources()}.
     *
     * @param resources {@code resources}: the label mapping (usually overrides for namespace, pod and node)
     * @return this builder
     */
    public abstract Builder resources(ResourceMapping resources);

    /**
     * Sets {@link ResourceRule#containerLabel()}.
     *
     * @param containerLabel {@code containerLabel}: the series label holding the container name, e.g. {@code container}
     * @return this builder
     */
    public abstract Builder containerLabel(String containerLabel);

    /**
     * Builds the {@link ResourceRule}, checking every rule of its fields.
     *
     * @return the ResourceRule
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract ResourceRule build();
  }
}
