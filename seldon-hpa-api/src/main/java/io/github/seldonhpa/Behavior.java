package io.github.seldonhpa;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The HPA's {@code spec.behavior}: scaling rules per direction. A direction left unset takes the
 * Kubernetes defaults (scale-up: no stabilization, Pods 4 or Percent 100 per 15 s, Max; scale-down:
 * 300 s stabilization, Percent 100 per 15 s).
 */
@Value.Immutable
public abstract class Behavior {
  Behavior() {}

  /** {@code scaleUp}. Default: the Kubernetes scale-up rules. */
  public abstract Optional<ScalingRules> scaleUp();

  /** {@code scaleDown}. Default: the Kubernetes scale-down rules. */
  public abstract Optional<ScalingRules> scaleDown();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Behavior}. */
  public static class Builder extends ImmutableBehavior.Builder {}
}
