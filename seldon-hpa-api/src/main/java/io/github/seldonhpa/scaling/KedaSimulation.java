package io.github.seldonhpa.scaling;

import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The replay of {@link #hpa()}'s trace with the Model (and Server) on KEDA instead of HPA + prometheus-adapter:
 * the same load, timers, start-up delays and scheduler, with each target driven by its ScaledObject's
 * generated HPA plus what KEDA adds (activation from 0 or the idle count on the polling interval, the
 * cooldown before deactivation, the fallback while Prometheus does not answer). {@link #compare()} runs
 * both and reports the difference.
 *
 * <p>Assumption: the trigger reads the offered load (mean RPS over the metric window) even while the Model
 * is at zero, as a metric measured in front of the Model would; Seldon's own {@code seldon_model_infer_total}
 * is counted by the Model's server pods and stays 0 at zero, which is why {@code KedaManifests} refuses
 * scale to zero on it.
 */
@Value.Immutable
public abstract class KedaSimulation {
  KedaSimulation() {}

  /** {@return the HPA + adapter run whose trace, timers, start-up delays and saturation KEDA's run shares} */
  public abstract Simulation hpa();

  /** {@return the Model's ScaledObject} */
  public abstract ScaledObject modelScaledObject();

  /** {@return the Server's ScaledObject (single-model serving)} Default: none, the servers follow the Model. */
  public abstract Optional<ScaledObject> serverScaledObject();

  /** {@return when KEDA first polls} Default: 0. */
  @Value.Default
  public Duration pollOffset() {
    return Duration.ZERO;
  }

  /**
   * {@return when Prometheus stops answering (every KEDA read fails until {@link #prometheusDownUntil()})} Default:
   * never.
   */
  public abstract Optional<Duration> prometheusDownFrom();

  /** {@return when Prometheus answers again} Default: the end of the run. */
  public abstract Optional<Duration> prometheusDownUntil();

  /** {@return Model and server replicas at the start} Default: the Model's minReplicaCount. */
  public abstract OptionalInt initialReplicas();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableKedaSimulation.builder();
  }

  /** Builds {@link KedaSimulation}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the KedaSimulation whose values are copied
     * @return this builder
     */
    public abstract Builder from(KedaSimulation instance);

    /**
     * Sets {@link KedaSimulation#hpa()}.
     *
     * @param hpa the HPA + adapter run whose trace, timers, start-up delays and saturation KEDA's run shares
     * @return this builder
     */
    public abstract Builder hpa(Simulation hpa);

    /**
     * Sets {@link KedaSimulation#modelScaledObject()}.
     *
     * @param modelScaledObject the Model's ScaledObject
     * @return this builder
     */
    public abstract Builder modelScaledObject(ScaledObject modelScaledObject);

    /**
     * Sets {@link KedaSimulation#serverScaledObject()}.
     *
     * @param serverScaledObject the Server's ScaledObject (single-model serving). Default: none, the servers follow the
     *     Model
     * @return this builder
     */
    public abstract Builder serverScaledObject(ScaledObject serverScaledObject);

    /**
     * Sets or clears {@link KedaSimulation#serverScaledObject()}.
     *
     * @param serverScaledObject the value, or empty to clear it; the Server's ScaledObject (single-model serving).
     *     Default: none, the servers follow the Model
     * @return this builder
     */
    public abstract Builder serverScaledObject(Optional<? extends ScaledObject> serverScaledObject);

    /**
     * Sets {@link KedaSimulation#pollOffset()}.
     *
     * @param pollOffset when KEDA first polls. Default: 0
     * @return this builder
     */
    public abstract Builder pollOffset(Duration pollOffset);

    /**
     * Sets {@link KedaSimulation#prometheusDownFrom()}.
     *
     * @param prometheusDownFrom when Prometheus stops answering (every KEDA read fails until
     *     {@link #prometheusDownUntil()}). Default: never
     * @return this builder
     */
    public abstract Builder prometheusDownFrom(Duration prometheusDownFrom);

    /**
     * Sets or clears {@link KedaSimulation#prometheusDownFrom()}.
     *
     * @param prometheusDownFrom the value, or empty to clear it; when Prometheus stops answering (every KEDA read fails
     *     until {@link #prometheusDownUntil()}). Default: never
     * @return this builder
     */
    public abstract Builder prometheusDownFrom(Optional<? extends Duration> prometheusDownFrom);

    /**
     * Sets {@link KedaSimulation#prometheusDownUntil()}.
     *
     * @param prometheusDownUntil when Prometheus answers again. Default: the end of the run
     * @return this builder
     */
    public abstract Builder prometheusDownUntil(Duration prometheusDownUntil);

    /**
     * Sets or clears {@link KedaSimulation#prometheusDownUntil()}.
     *
     * @param prometheusDownUntil the value, or empty to clear it; when Prometheus answers again. Default: the end of
     *     the run
     * @return this builder
     */
    public abstract Builder prometheusDownUntil(Optional<? extends Duration> prometheusDownUntil);

    /**
     * Sets {@link KedaSimulation#initialReplicas()}.
     *
     * @param initialReplicas Model and server replicas at the start. Default: the Model's minReplicaCount
     * @return this builder
     */
    public abstract Builder initialReplicas(int initialReplicas);

    /**
     * Sets or clears {@link KedaSimulation#initialReplicas()}.
     *
     * @param initialReplicas the value, or empty to clear it; Model and server replicas at the start. Default: the
     *     Model's minReplicaCount
     * @return this builder
     */
    public abstract Builder initialReplicas(OptionalInt initialReplicas);

    /**
     * Builds the {@link KedaSimulation}, checking every rule of its fields.
     *
     * @return the KedaSimulation
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract KedaSimulation build();

}

  /** {@return the run on KEDA} */
  public SimulationResult run() {
    Simulation base = hpa();
    ScaledObject model = modelScaledObject();
    Simulation sim = ((ImmutableSimulation) ImmutableSimulation.copyOf(base)).withModelHpa(model.hpa())
        .withServerHpa(serverScaledObject().map(ScaledObject::hpa)).withInitialReplicas(OptionalInt.empty());
    long from = prometheusDownFrom().map(Duration::toMillis).orElse(Long.MAX_VALUE);
    long until = prometheusDownUntil().map(Duration::toMillis).orElse(Long.MAX_VALUE);
    long offset = pollOffset().toMillis();
    KedaScaler server = serverScaledObject().map(s -> new KedaScaler(s, offset, from, until)).orElse(null);
    return new Engine(sim, true, new KedaScaler(model, offset, from, until), server,
        initialReplicas().orElse(model.effectiveMinReplicaCount())).run();
  }

  /** {@return both runs on the same trace: HPA + adapter, then KEDA} */
  public KedaComparison compare() {
    return new KedaComparison(hpa().run(), run());
  }

  @Value.Check
  final void check() {
    Checks.check(!pollOffset().isNegative() && pollOffset().compareTo(modelScaledObject().effectivePollingInterval()) <= 0,
        "pollOffset must be in 0..%s (was %s)", modelScaledObject().effectivePollingInterval(), pollOffset());
    Checks.check(prometheusDownUntil().isEmpty() || prometheusDownFrom().isPresent(),
        "prometheusDownFrom must be set when prometheusDownUntil is (was unset)");
    prometheusDownFrom().ifPresent(f -> Checks.check(!f.isNegative() && prometheusDownUntil().map(u -> u.compareTo(f) > 0)
        .orElse(true), "prometheusDownUntil must be after prometheusDownFrom %s (was %s)", f, prometheusDownUntil()));
    int max = modelScaledObject().effectiveMaxReplicaCount();
    initialReplicas().ifPresent(n -> Checks.check(n >= 0 && n <= max,
        "initialReplicas must be in 0..%d, the Model's ScaledObject bounds (was %d)", max, n));
  }
}
