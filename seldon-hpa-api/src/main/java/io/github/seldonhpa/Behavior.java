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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Behavior whose values are copied
     * @return this builder
     */
    public abstract Builder from(Behavior instance);

    /**
     * Sets {@link Behavior#scaleUp()}.
     *
     * @param scaleUp {@code scaleUp}. Default: the Kubernetes scale-up rules
     * @return this builder
     */
    public abstract Builder scaleUp(ScalingRules scaleUp);

    /**
     * Sets or clears {@link Behavior#scaleUp()}.
     *
     * @param scaleUp the value, or empty to clear it; {@code scaleUp}. Default: the Kubernetes scale-up rules
     * @return this builder
     */
    public abstract Builder scaleUp(Optional<? extends ScalingRules> scaleUp);

    /**
     * Sets {@link Behavior#scaleDown()}.
     *
     * @param scaleDown {@code scaleDown}. Default: the Kubernetes scale-down rules
     * @return this builder
     */
    public abstract Builder scaleDown(ScalingRules scaleDown);

    /**
     * Sets or clears {@link Behavior#scaleDown()}.
     *
     * @param scaleDown the value, or empty to clear it; {@code scaleDown}. Default: the Kubernetes scale-down rules
     * @return this builder
     */
    public abstract Builder scaleDown(Optional<? extends ScalingRules> scaleDown);

    /**
     * Builds the {@link Behavior}, checking every rule of its fields.
     *
     * @return the Behavior
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract Behavior build();
  }
}
