package io.github.seldonhpa.promql;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * {@code resourceRules} of an adapter config: the cpu and memory rules serving {@code metrics.k8s.io} and
 * the {@code window} they report. The window is written as a Prometheus duration (see {@link
 * PrometheusDuration}); range: positive, whole milliseconds.
 */
@Value.Immutable
public abstract class ResourceRules {
  ResourceRules() {}

  /** {@code cpu}. */
  public abstract ResourceRule cpu();

  /** {@code memory}. */
  public abstract ResourceRule memory();

  /** {@code window}, e.g. 5m. */
  public abstract Duration window();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ResourceRules}. */
  public static class Builder extends ImmutableResourceRules.Builder {}

  @Value.Check
  final void check() {
    Checks.check(!window().isNegative() && !window().isZero() && window().getNano() % 1_000_000 == 0,
        "resourceRules.window must be positive whole milliseconds (was %s)", window());
  }
}
