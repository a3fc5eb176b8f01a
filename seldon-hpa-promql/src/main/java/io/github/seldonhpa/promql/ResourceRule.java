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

  /** {@code containerQuery}: the per-pod query template, grouped by pod and container. */
  public abstract String containerQuery();

  /** {@code nodeQuery}: the per-node query template. */
  public abstract String nodeQuery();

  /** {@code resources}: the label mapping (usually overrides for namespace, pod and node). */
  @Value.Default
  public ResourceMapping resources() {
    return ResourceMapping.none();
  }

  /** {@code containerLabel}: the series label holding the container name, e.g. {@code container}. */
  public abstract String containerLabel();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ResourceRule}. */
  public static class Builder extends ImmutableResourceRule.Builder {}
}
