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

  /** {@return {@code scaleUp}} Default: the Kubernetes scale-up rules. */
  public abstract Optional<ScalingRules> scaleUp();

  /** {@return {@code scaleDown}} Default: the Kubernetes scale-down rules. */
  public abstract Optional<ScalingRules> scaleDown();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableBehavior.builder();
  }

  /** Builds {@link Behavior}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Behavior} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Behavior instance);

    /**
     * Initializes the optional value {@link Behavior#scaleUp() scaleUp} to scaleUp.
     * @param scaleUp The value for scaleUp
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder scaleUp(ScalingRules scaleUp);

    /**
     * Initializes the optional value {@link Behavior#scaleUp() scaleUp} to scaleUp.
     * @param scaleUp The value for scaleUp
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder scaleUp(Optional<? extends ScalingRules> scaleUp);

    /**
     * Initializes the optional value {@link Behavior#scaleDown() scaleDown} to scaleDown.
     * @param scaleDown The value for scaleDown
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder scaleDown(ScalingRules scaleDown);

    /**
     * Initializes the optional value {@link Behavior#scaleDown() scaleDown} to scaleDown.
     * @param scaleDown The value for scaleDown
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder scaleDown(Optional<? extends ScalingRules> scaleDown);

    /**
     * Builds a new {@link Behavior Behavior}.
     * @return An immutable instance of Behavior
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract Behavior build();
  }
}
