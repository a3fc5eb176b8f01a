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

  /** The Model's name, unique in the fleet. */
  public abstract String name();

  /** The offered load. */
  public abstract RpsTrace trace();

  /** The Model HPA. */
  public abstract Hpa hpa();

  /** The per-replica RPS at which latency breaks. Range: &gt; 0. */
  public abstract double saturationRps();

  /** When the Model HPA first reconciles. Range: 0..syncPeriod. Default: 0. */
  @Value.Default
  public Duration hpaOffset() {
    return Duration.ZERO;
  }

  /** Replicas at the start, all serving. Default: the HPA's minReplicas. */
  public abstract OptionalInt initialReplicas();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FleetModel}. */
  public static class Builder extends ImmutableFleetModel.Builder {}

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
