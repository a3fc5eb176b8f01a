package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A replay of an RPS trace through a Seldon Model HPA, its Server HPA and Seldon's scheduler, as seeds
 * 000 and 002 describe them: each HPA reconciles on its own timer (sync period plus its own offset) from
 * the model's RPS averaged over the adapter query's rate window; the scheduler places model replicas
 * all-or-nothing, one per ready server replica, and while it cannot place them all the model is
 * {@code ScheduleFailed} and the replicas already loaded keep serving; a new server pod serves after its
 * start-up delay (pod start, image pull, model download and load). Without a Server HPA the servers follow
 * the model's replicas (Seldon's native server scaling). With {@link #nativeScaling()} the model is scaled
 * by Seldon's lag-based native scaling (seed 003) instead of its HPA, within the same bounds.
 *
 * <p>Assumptions: {@code status.replicas} of the Model and the Server equal {@code spec.replicas}; the
 * metric value the HPA reads is {@code ceil(1000 * mean RPS over the window)} milli-units; a pod serves at
 * most {@link #saturationRps()} before latency breaks.
 */
@Value.Immutable
public abstract class Simulation {
  Simulation() {}

  /** {@return the offered load} */
  public abstract RpsTrace trace();

  /** {@return the Model HPA: its bounds and behavior, and its Object or External AverageValue metric target} */
  public abstract Hpa modelHpa();

  /** {@return the Server HPA of the 1:1 pair} Default: none, the servers follow the model's replicas. */
  public abstract Optional<Hpa> serverHpa();

  /**
   * {@return Seldon's lag-based model scaling in place of the Model HPA (its bounds still apply): the settings of the
   * Server that hosts the model, since the agent's {@code SELDON_*} variables apply to every model on it}
   * Default: none.
   */
  public abstract Optional<NativeScaling> nativeScaling();

  /**
   * {@return the Server's replicas when nothing scales it (no Server HPA and Seldon's server autoscaling off): the
   * servers stay at this count, and native model scale-ups happen only while the ready server replicas can
   * load the new model replica (seed 003)} Default: none, the servers follow the model.
   */
  public abstract OptionalInt fixedServerReplicas();

  /**
   * {@return the Seldon release: from 2.10.0 native model scaling is inert ({@link SeldonVersion})} Default:
   * {@link SeldonVersion#LATEST}.
   */
  @Value.Default
  public SeldonVersion seldonVersion() {
    return SeldonVersion.LATEST;
  }

  /** {@return the per-replica RPS at which latency breaks} Range: &gt; 0. */
  public abstract double saturationRps();

  /** {@return when the Model HPA first reconciles} Range: 0..syncPeriod. Default: 0. */
  @Value.Default
  public Duration modelHpaOffset() {
    return Duration.ZERO;
  }

  /** {@return when the Server HPA first reconciles} Range: 0..syncPeriod. Default: 0. */
  @Value.Default
  public Duration serverHpaOffset() {
    return Duration.ZERO;
  }

  /** {@return the HPA sync period of both HPAs} Default: 15 s. */
  @Value.Default
  public Duration syncPeriod() {
    return HpaController.DEFAULT_SYNC_PERIOD;
  }

  /** {@return how long a new server pod takes to serve} Default: fixed 60 s. */
  @Value.Default
  public StartupDelay serverStartup() {
    return StartupDelay.fixed(Duration.ofSeconds(60));
  }

  /**
   * {@return how many server pods can be starting at the same time (free node capacity, image pulls); further pods
   * wait Pending until one of them serves} Default: unlimited.
   */
  public abstract OptionalInt maxStartingPods();

  /** {@return the rate window of the adapter's query ({@code rate(...[1m])})} Default: 60 s. */
  @Value.Default
  public Duration metricWindow() {
    return Duration.ofSeconds(60);
  }

  /** {@return the simulation step; one timeline row per step} Default: 1 s. */
  @Value.Default
  public Duration tick() {
    return Duration.ofSeconds(1);
  }

  /** {@return how long to simulate} Default: the trace's length. */
  @Value.Default
  public Duration duration() {
    return trace().length();
  }

  /** {@return Model and server replicas at the start, all serving} Default: the Model HPA's minReplicas. */
  public abstract OptionalInt initialReplicas();

  /**
   * {@return how long a model must go without a state change before Seldon's scheduler applies a native scaling
   * event} Default: 5 min.
   */
  @Value.Default
  public Duration nativeStablePeriod() {
    return Duration.ofMinutes(5);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableSimulation.builder();
  }

  /** Builds {@link Simulation}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Simulation whose values are copied
     * @return this builder
     */
    public abstract Builder from(Simulation instance);

    /**
     * Sets {@link Simulation#trace()}.
     *
     * @param trace the offered load
     * @return this builder
     */
    public abstract Builder trace(RpsTrace trace);

    /**
     * Sets {@link Simulation#modelHpa()}.
     *
     * @param modelHpa the Model HPA: its bounds and behavior, and its Object or External AverageValue metric target
     * @return this builder
     */
    public abstract Builder modelHpa(Hpa modelHpa);

    /**
     * Sets {@link Simulation#serverHpa()}.
     *
     * @param serverHpa the Server HPA of the 1:1 pair. Default: none, the servers follow the model's replicas
     * @return this builder
     */
    public abstract Builder serverHpa(Hpa serverHpa);

    /**
     * Sets or clears {@link Simulation#serverHpa()}.
     *
     * @param serverHpa the value, or empty to clear it; the Server HPA of the 1:1 pair. Default: none, the servers
     *     follow the model's replicas
     * @return this builder
     */
    public abstract Builder serverHpa(Optional<? extends Hpa> serverHpa);

    /**
     * Sets {@link Simulation#nativeScaling()}.
     *
     * @param nativeScaling Seldon's lag-based model scaling in place of the Model HPA (its bounds still apply): the
     *     settings of the Server that hosts the model, since the agent's {@code SELDON_*} variables apply to every
     *     model on it. Default: none
     * @return this builder
     */
    public abstract Builder nativeScaling(NativeScaling nativeScaling);

    /**
     * Sets or clears {@link Simulation#nativeScaling()}.
     *
     * @param nativeScaling the value, or empty to clear it; Seldon's lag-based model scaling in place of the Model HPA
     *     (its bounds still apply): the settings of the Server that hosts the model, since the agent's {@code SELDON_*}
     *     variables apply to every model on it. Default: none
     * @return this builder
     */
    public abstract Builder nativeScaling(Optional<? extends NativeScaling> nativeScaling);

    /**
     * Sets {@link Simulation#saturationRps()}.
     *
     * @param saturationRps the per-replica RPS at which latency breaks. Range: &gt; 0
     * @return this builder
     */
    public abstract Builder saturationRps(double saturationRps);

    /**
     * Sets {@link Simulation#modelHpaOffset()}.
     *
     * @param modelHpaOffset when the Model HPA first reconciles. Range: 0..syncPeriod. Default: 0
     * @return this builder
     */
    public abstract Builder modelHpaOffset(Duration modelHpaOffset);

    /**
     * Sets {@link Simulation#serverHpaOffset()}.
     *
     * @param serverHpaOffset when the Server HPA first reconciles. Range: 0..syncPeriod. Default: 0
     * @return this builder
     */
    public abstract Builder serverHpaOffset(Duration serverHpaOffset);

    /**
     * Sets {@link Simulation#syncPeriod()}.
     *
     * @param syncPeriod the HPA sync period of both HPAs. Default: 15 s
     * @return this builder
     */
    public abstract Builder syncPeriod(Duration syncPeriod);

    /**
     * Sets {@link Simulation#serverStartup()}.
     *
     * @param serverStartup how long a new server pod takes to serve. Default: fixed 60 s
     * @return this builder
     */
    public abstract Builder serverStartup(StartupDelay serverStartup);

    /**
     * Sets {@link Simulation#maxStartingPods()}.
     *
     * @param maxStartingPods how many server pods can be starting at the same time (free node capacity, image pulls);
     *     further pods wait Pending until one of them serves. Default: unlimited
     * @return this builder
     */
    public abstract Builder maxStartingPods(int maxStartingPods);

    /**
     * Sets or clears {@link Simulation#maxStartingPods()}.
     *
     * @param maxStartingPods the value, or empty to clear it; how many server pods can be starting at the same time
     *     (free node capacity, image pulls); further pods wait Pending until one of them serves. Default: unlimited
     * @return this builder
     */
    public abstract Builder maxStartingPods(OptionalInt maxStartingPods);

    /**
     * Sets {@link Simulation#metricWindow()}.
     *
     * @param metricWindow the rate window of the adapter's query ({@code rate(...[1m])}). Default: 60 s
     * @return this builder
     */
    public abstract Builder metricWindow(Duration metricWindow);

    /**
     * Sets {@link Simulation#tick()}.
     *
     * @param tick the simulation step; one timeline row per step. Default: 1 s
     * @return this builder
     */
    public abstract Builder tick(Duration tick);

    /**
     * Sets {@link Simulation#duration()}.
     *
     * @param duration how long to simulate. Default: the trace's length
     * @return this builder
     */
    public abstract Builder duration(Duration duration);

    /**
     * Sets {@link Simulation#initialReplicas()}.
     *
     * @param initialReplicas Model and server replicas at the start, all serving. Default: the Model HPA's minReplicas
     * @return this builder
     */
    public abstract Builder initialReplicas(int initialReplicas);

    /**
     * Sets or clears {@link Simulation#initialReplicas()}.
     *
     * @param initialReplicas the value, or empty to clear it; Model and server replicas at the start, all serving.
     *     Default: the Model HPA's minReplicas
     * @return this builder
     */
    public abstract Builder initialReplicas(OptionalInt initialReplicas);

    /**
     * Sets {@link Simulation#nativeStablePeriod()}.
     *
     * @param nativeStablePeriod how long a model must go without a state change before Seldon's scheduler applies a
     *     native scaling event. Default: 5 min
     * @return this builder
     */
    public abstract Builder nativeStablePeriod(Duration nativeStablePeriod);

    /**
     * Sets {@link Simulation#fixedServerReplicas()}.
     *
     * @param fixedServerReplicas the Server's replicas when nothing scales it (no Server HPA and Seldon's server
     *     autoscaling off): the servers stay at this count, and native model scale-ups happen only while the ready
     *     server replicas can load the new model replica (seed 003). Default: none, the servers follow the model
     * @return this builder
     */
    public abstract Builder fixedServerReplicas(int fixedServerReplicas);

    /**
     * Sets or clears {@link Simulation#fixedServerReplicas()}.
     *
     * @param fixedServerReplicas the value, or empty to clear it; the Server's replicas when nothing scales it (no
     *     Server HPA and Seldon's server autoscaling off): the servers stay at this count, and native model scale-ups
     *     happen only while the ready server replicas can load the new model replica (seed 003). Default: none, the
     *     servers follow the model
     * @return this builder
     */
    public abstract Builder fixedServerReplicas(OptionalInt fixedServerReplicas);

    /**
     * Sets {@link Simulation#seldonVersion()}.
     *
     * @param seldonVersion the Seldon release: from 2.10.0 native model scaling is inert ({@link SeldonVersion}).
     *     Default: {@link SeldonVersion#LATEST}
     * @return this builder
     */
    public abstract Builder seldonVersion(SeldonVersion seldonVersion);

    /**
     * Builds the {@link Simulation}, checking every rule of its fields.
     *
     * @return the Simulation
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract Simulation build();

}

  /**
   * Runs the simulation: the per-step timeline and its summary.
   *
   * @return the timeline, one step per controller sync, and its summary
   */
  public SimulationResult run() {
    return new Engine(this, true).run();
  }

  /**
   * Runs the simulation keeping only the summary (no timeline: constant memory).
   *
   * @return the summary
   */
  public SimulationSummary summarize() {
    return new Engine(this, false).run().summary();
  }

  /** The metric target of an HPA in milli-units: its Object or External AverageValue metric. */
  static long targetMilli(String field, Hpa hpa) {
    for (Metric m : hpa.metrics()) {
      MetricTarget t = m.target();
      if ((m.type() == Metric.Type.OBJECT || m.type() == Metric.Type.EXTERNAL)
          && t.type() == MetricTarget.Type.AVERAGE_VALUE && t.averageValue().isPresent()) {
        return t.averageValue().get().milliValue();
      }
    }
    throw new io.github.seldonhpa.HpaValidationException(String.format(
        "%s.metrics must hold an Object or External metric with an AverageValue target to simulate"
            + " (was %s)", field, hpa.metrics()));
  }

  @Value.Check
  final void check() {
    Checks.check(saturationRps() > 0 && Double.isFinite(saturationRps()),
        "saturationRps must be > 0 (was %s)", saturationRps());
    checkPositive("tick", tick());
    checkPositive("syncPeriod", syncPeriod());
    checkPositive("metricWindow", metricWindow());
    checkPositive("duration", duration());
    checkOffset("modelHpaOffset", modelHpaOffset());
    checkOffset("serverHpaOffset", serverHpaOffset());
    Checks.check(!nativeStablePeriod().isNegative(), "nativeStablePeriod must be >= 0 (was %s)",
        nativeStablePeriod());
    targetMilli("modelHpa", modelHpa());
    serverHpa().ifPresent(s -> targetMilli("serverHpa", s));
    maxStartingPods().ifPresent(n -> Checks.check(n >= 1, "maxStartingPods must be >= 1 (was %d)", n));
    fixedServerReplicas().ifPresent(n -> {
      Checks.check(n >= 1, "fixedServerReplicas must be >= 1 (was %d)", n);
      Checks.check(serverHpa().isEmpty(), "fixedServerReplicas must be unset when a serverHpa scales the Server"
          + " (was %d)", n);
    });
    int min = modelHpa().effectiveMinReplicas();
    int max = modelHpa().maxReplicas();
    initialReplicas().ifPresent(n -> Checks.check(n >= min && n <= max,
        "initialReplicas must be in %d..%d, the Model HPA's bounds (was %d)", min, max, n));
  }

  private static void checkPositive(String field, Duration d) {
    Checks.check(!d.isNegative() && !d.isZero(), "%s must be > 0 (was %s)", field, d);
  }

  private void checkOffset(String field, Duration d) {
    Checks.check(!d.isNegative() && d.compareTo(syncPeriod()) <= 0, "%s must be in 0..%s (was %s)", field,
        syncPeriod(), d);
  }
}
