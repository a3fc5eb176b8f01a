package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One Model of a {@link Fleet}: its load and its Model HPA (bounds, behavior and AverageValue target). On a
 * Server with {@link FleetServer#nativeScaling()} the model is scaled by Seldon's lag-based scaling within the
 * HPA's bounds instead.
 */
@Value.Immutable
public abstract class FleetModel {
  FleetModel() {}

  /** {@return the Model's name, unique in the fleet} */
  public abstract String name();

  /** {@return the offered load} */
  public abstract RpsTrace trace();

  /** {@return the Model HPA} */
  public abstract Hpa hpa();

  /** {@return the per-replica RPS at which latency breaks} Range: &gt; 0. */
  public abstract double saturationRps();

  /** {@return when the Model HPA first reconciles} Range: 0..syncPeriod. Default: 0. */
  @Value.Default
  public Duration hpaOffset() {
    return Duration.ZERO;
  }

  /** {@return replicas at the start, all serving} Default: the HPA's minReplicas. */
  public abstract OptionalInt initialReplicas();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableFleetModel.builder();
  }

  /** Builds {@link FleetModel}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the FleetModel whose values are copied
     * @return this builder
     */
    public abstract Builder from(FleetModel instance);

    /**
     * Sets {@link FleetModel#name()}.
     *
     * @param name the Model's name, unique in the fleet
     * @return this builder
     */
    public abstract Builder name(String name);

    /**
     * Sets {@link FleetModel#trace()}.
     *
     * @param trace the offered load
     * @return this builder
     */
    public abstract Builder trace(RpsTrace trace);

    /**
     * Sets {@link FleetModel#hpa()}.
     *
     * @param hpa the Model HPA
     * @return this builder
     */
    public abstract Builder hpa(Hpa hpa);

    /**
     * Sets {@link FleetModel#saturationRps()}.
     *
     * @param saturationRps the per-replica RPS at which latency breaks. Range: &gt; 0
     * @return this builder
     */
    public abstract Builder saturationRps(double saturationRps);

    /**
     * Sets {@link FleetModel#hpaOffset()}.
     *
     * @param hpaOffset when the Model HPA first reconciles. Range: 0..syncPeriod. Default: 0
     * @return this builder
     */
    public abstract Builder hpaOffset(Duration hpaOffset);

    /**
     * Sets {@link FleetModel#initialReplicas()}.
     *
     * @param initialReplicas replicas at the start, all serving. Default: the HPA's minReplicas
     * @return this builder
     */
    public abstract Builder initialReplicas(int initialReplicas);

    /**
     * Sets or clears {@link FleetModel#initialReplicas()}.
     *
     * @param initialReplicas the value, or empty to clear it; replicas at the start, all serving. Default: the HPA's
     *     minReplicas
     * @return this builder
     */
    public abstract Builder initialReplicas(OptionalInt initialReplicas);

    /**
     * Builds the {@link FleetModel}, checking every rule of its fields.
     *
     * @return the FleetModel
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract FleetModel build();

}

  final int initial() {
    return initialReplicas().orElse(hpa().effectiveMinReplicas());
  }

  @Value.Check
  final void check() {
    Checks.notBlank("name", name());
    Checks.check(saturationRps() > 0 && Double.isFinite(saturationRps()),
        "models[%s].saturationRps must be > 0 (was %s)", name(), saturationRps());
    Checks.check(!hpaOffset().isNegative(), "models[%s].hpaOffset must be >= 0 (was %s)", name(), hpaOffset());
    Simulation.targetMilli("models[" + name() + "].hpa", hpa());
    int min = hpa().effectiveMinReplicas();
    initialReplicas().ifPresent(n -> Checks.check(n >= Math.max(min, 1) && n <= hpa().maxReplicas(),
        "models[%s].initialReplicas must be in %d..%d (was %d)", name(), Math.max(min, 1), hpa().maxReplicas(), n));
  }
}
