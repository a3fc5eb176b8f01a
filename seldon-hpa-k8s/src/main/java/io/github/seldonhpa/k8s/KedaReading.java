package io.github.seldonhpa.k8s;

import java.util.List;
import org.immutables.value.Value;

/**
 * One poll of a ScaledObject against a real Prometheus ({@link KedaExplain#read}): every trigger's value as
 * KEDA reads it, whether the ScaledObject is active, and the replicas KEDA and its HPA ask for.
 */
@Value.Immutable
public abstract class KedaReading {
  KedaReading() {}

  /** {@return the replicas the target had ({@code scale.spec.replicas})} */
  public abstract int currentReplicas();

  /** {@return one value per trigger, in order} */
  public abstract List<TriggerValue> values();

  /** {@return whether any trigger is above its activation threshold} */
  public final boolean active() {
    return values().stream().anyMatch(TriggerValue::active);
  }

  /**
   * {@return the replicas asked for: from 0 (or the idle count below minReplicaCount), KEDA's activation when active
   * ({@code scaleFromZeroOrIdle}: minReplicaCount, at least 1); otherwise the HPA's proposal (the largest
   * over the triggers, before stabilization and rate limits) clamped to its bounds} An inactive target
   * above zero goes to 0 (or the idle count) only after the cooldown, which one read cannot see.
   */
  public abstract int desiredReplicas();

  /** One trigger's value. */
  @Value.Immutable
  public abstract static class TriggerValue {
    TriggerValue() {}

    /** {@return the External metric name} */
    public abstract String metricName();

    /** {@return the query's value; 0 for an empty result (KEDA's {@code ignoreNullValues} default)} */
    public abstract double value();

    /** {@return the value as KEDA serves it to the HPA, in milli-units ({@code %.3f})} */
    public abstract long milliValue();

    /** {@return whether the value is strictly above the activation threshold} */
    public abstract boolean active();

    /**
     * {@return the HPA's proposal for this metric at the current replicas ({@code ceil(value / target)} outside
     * tolerance)}
     */
    public abstract int proposal();
  }

  static ImmutableKedaReading.Builder builder() {
    return ImmutableKedaReading.builder();
  }

  static ImmutableTriggerValue.Builder value() {
    return ImmutableTriggerValue.builder();
  }
}
