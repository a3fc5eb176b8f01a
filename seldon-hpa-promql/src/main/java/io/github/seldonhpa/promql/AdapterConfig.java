package io.github.seldonhpa.promql;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A prometheus-adapter configuration ({@code config.yaml} of its ConfigMap): custom-metrics
 * {@code rules}, {@code externalRules} and the optional {@code resourceRules}. Default: no rules.
 */
@Value.Immutable
public abstract class AdapterConfig {
  /** {@code rules}: served on {@code custom.metrics.k8s.io}. */
  public abstract List<DiscoveryRule> rules();

  /** {@code externalRules}: served on {@code external.metrics.k8s.io}. */
  public abstract List<DiscoveryRule> externalRules();

  /** {@code resourceRules}: served on {@code metrics.k8s.io}. */
  public abstract Optional<ResourceRules> resourceRules();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AdapterConfig}. */
  public static class Builder extends ImmutableAdapterConfig.Builder {}
}
