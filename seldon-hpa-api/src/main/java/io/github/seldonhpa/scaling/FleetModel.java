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
     * Fill a builder with attribute values from the provided {@code FleetModel} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(FleetModel instance);

    /**
     * Initializes the value for the {@link FleetModel#name() name} attribute.
     * @param name The value for name 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder name(String name);

    /**
     * Initializes the value for the {@link FleetModel#trace() trace} attribute.
     * @param trace The value for trace 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder trace(RpsTrace trace);

    /**
     * Initializes the value for the {@link FleetModel#hpa() hpa} attribute.
     * @param hpa The value for hpa 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder hpa(Hpa hpa);

    /**
     * Initializes the value for the {@link FleetModel#saturationRps() saturationRps} attribute.
     * @param saturationRps The value for saturationRps 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder saturationRps(double saturationRps);

    /**
     * Initializes the value for the {@link FleetModel#hpaOffset() hpaOffset} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link FleetModel#hpaOffset() hpaOffset}.</em>
     * @param hpaOffset The value for hpaOffset 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder hpaOffset(Duration hpaOffset);

    /**
     * Initializes the optional value {@link FleetModel#initialReplicas() initialReplicas} to initialReplicas.
     * @param initialReplicas The value for initialReplicas
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder initialReplicas(int initialReplicas);

    /**
     * Initializes the optional value {@link FleetModel#initialReplicas() initialReplicas} to initialReplicas.
     * @param initialReplicas The value for initialReplicas
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder initialReplicas(OptionalInt initialReplicas);

    /**
     * Builds a new {@link FleetModel FleetModel}.
     * @return An immutable instance of FleetModel
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
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
