package io.github.seldonhpa.scaling;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A replay of every model's load through its HPAs (or Seldon's native scaling), Seldon's scheduler and a
 * finite {@link Cluster}, all at once: server pods compete for the cluster's room and wait Pending when it is
 * full, and {@link Fault}s hit the metrics pipeline and the pods. The rules of one pair are those of
 * {@link Simulation}; what is new is the shared cluster, servers hosting several models, Seldon's gates and
 * the faults. Deterministic: the same fleet gives the same result, whatever {@link #threads()}.
 */
@Value.Immutable
public abstract class Fleet {
  Fleet() {}

  /** {@return the Servers and their Models} */
  public abstract List<FleetServer> servers();

  /** {@return the cluster} */
  public abstract Cluster cluster();

  /** {@return what goes wrong, and when} Default: nothing. */
  public abstract List<Fault> faults();

  /** {@return the HPA sync period} Default: 15 s. */
  @Value.Default
  public Duration syncPeriod() {
    return HpaController.DEFAULT_SYNC_PERIOD;
  }

  /** {@return the adapter query's rate window} Default: 60 s. */
  @Value.Default
  public Duration metricWindow() {
    return Duration.ofSeconds(60);
  }

  /** {@return Prometheus' scrape interval: a rate needs two of them inside the window} Default: 15 s. */
  @Value.Default
  public Duration scrapeInterval() {
    return Duration.ofSeconds(15);
  }

  /** {@return the simulation step} Range: divides the sync period. Default: 5 s. */
  @Value.Default
  public Duration tick() {
    return Duration.ofSeconds(5);
  }

  /** {@return how long to simulate} Default: the longest trace. */
  @Value.Default
  public Duration duration() {
    return servers().stream().flatMap(s -> s.models().stream()).map(m -> m.trace().length())
        .max(Duration::compareTo).orElse(Duration.ofSeconds(1));
  }

  /** {@return the Seldon release ({@link SeldonVersion})} Default: {@link SeldonVersion#LATEST}. */
  @Value.Default
  public SeldonVersion seldonVersion() {
    return SeldonVersion.LATEST;
  }

  /**
   * {@return how long a model must be unchanged before the scheduler applies a native scaling event} Default: 5 min.
   */
  @Value.Default
  public Duration nativeStablePeriod() {
    return Duration.ofMinutes(5);
  }

  /**
   * {@return a model that has not converged (ScheduleFailed, Model and Server HPAs apart, or pods Pending) for this
   * long at the end of the run never converges} Default: 10 min.
   */
  @Value.Default
  public Duration convergenceWindow() {
    return Duration.ofMinutes(10);
  }

  /** {@return worker threads} Default: the available processors. */
  @Value.Default
  public int threads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** {@return whether to keep a per-model timeline (for the report's rows); the fleet timeline is always kept} */
  @Value.Default
  public boolean keepModelTimelines() {
    return false;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableFleet.builder();
  }

  /** Builds {@link Fleet}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Fleet whose values are copied
     * @return this builder
     */
    public abstract Builder from(Fleet instance);

    /**
     * Adds one element to {@link Fleet#servers()}.
     *
     * @param element the element to append; the list is the Servers and their Models
     * @return this builder
     */
    public abstract Builder addServer(FleetServer element);

    /**
     * Adds elements to {@link Fleet#servers()}.
     *
     * @param elements the elements to append, in order; the list is the Servers and their Models
     * @return this builder
     */
    public abstract Builder addServers(FleetServer... elements);

    /**
     * Replaces {@link Fleet#servers()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is the Servers and their
     *     Models
     * @return this builder
     */
    public abstract Builder servers(Iterable<? extends FleetServer> elements);

    /**
     * Adds elements to {@link Fleet#servers()}.
     *
     * @param elements the elements to append, in iteration order; the list is the Servers and their Models
     * @return this builder
     */
    public abstract Builder addAllServers(Iterable<? extends FleetServer> elements);

    /**
     * Sets {@link Fleet#cluster()}.
     *
     * @param cluster the cluster
     * @return this builder
     */
    public abstract Builder cluster(Cluster cluster);

    /**
     * Adds one element to {@link Fleet#faults()}.
     *
     * @param element the element to append; the list is what goes wrong, and when. Default: nothing
     * @return this builder
     */
    public abstract Builder addFault(Fault element);

    /**
     * Adds elements to {@link Fleet#faults()}.
     *
     * @param elements the elements to append, in order; the list is what goes wrong, and when. Default: nothing
     * @return this builder
     */
    public abstract Builder addFaults(Fault... elements);

    /**
     * Replaces {@link Fleet#faults()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is what goes wrong, and
     *     when. Default: nothing
     * @return this builder
     */
    public abstract Builder faults(Iterable<? extends Fault> elements);

    /**
     * Adds elements to {@link Fleet#faults()}.
     *
     * @param elements the elements to append, in iteration order; the list is what goes wrong, and when. Default:
     *     nothing
     * @return this builder
     */
    public abstract Builder addAllFaults(Iterable<? extends Fault> elements);

    /**
     * Sets {@link Fleet#syncPeriod()}.
     *
     * @param syncPeriod the HPA sync period. Default: 15 s
     * @return this builder
     */
    public abstract Builder syncPeriod(Duration syncPeriod);

    /**
     * Sets {@link Fleet#metricWindow()}.
     *
     * @param metricWindow the adapter query's rate window. Default: 60 s
     * @return this builder
     */
    public abstract Builder metricWindow(Duration metricWindow);

    /**
     * Sets {@link Fleet#scrapeInterval()}.
     *
     * @param scrapeInterval Prometheus' scrape interval: a rate needs two of them inside the window. Default: 15 s
     * @return this builder
     */
    public abstract Builder scrapeInterval(Duration scrapeInterval);

    /**
     * Sets {@link Fleet#tick()}.
     *
     * @param tick the simulation step. Range: divides the sync period. Default: 5 s
     * @return this builder
     */
    public abstract Builder tick(Duration tick);

    /**
     * Sets {@link Fleet#duration()}.
     *
     * @param duration how long to simulate. Default: the longest trace
     * @return this builder
     */
    public abstract Builder duration(Duration duration);

    /**
     * Sets {@link Fleet#seldonVersion()}.
     *
     * @param seldonVersion the Seldon release ({@link SeldonVersion}). Default: {@link SeldonVersion#LATEST}
     * @return this builder
     */
    public abstract Builder seldonVersion(SeldonVersion seldonVersion);

    /**
     * Sets {@link Fleet#nativeStablePeriod()}.
     *
     * @param nativeStablePeriod how long a model must be unchanged before the scheduler applies a native scaling event.
     *     Default: 5 min
     * @return this builder
     */
    public abstract Builder nativeStablePeriod(Duration nativeStablePeriod);

    /**
     * Sets {@link Fleet#convergenceWindow()}.
     *
     * @param convergenceWindow a model that has not converged (ScheduleFailed, Model and Server HPAs apart, or pods
     *     Pending) for this long at the end of the run never converges. Default: 10 min
     * @return this builder
     */
    public abstract Builder convergenceWindow(Duration convergenceWindow);

    /**
     * Sets {@link Fleet#threads()}.
     *
     * @param threads worker threads. Default: the available processors
     * @return this builder
     */
    public abstract Builder threads(int threads);

    /**
     * Sets {@link Fleet#keepModelTimelines()}.
     *
     * @param keepModelTimelines whether to keep a per-model timeline (for the report's rows); the fleet timeline is
     *     always kept
     * @return this builder
     */
    public abstract Builder keepModelTimelines(boolean keepModelTimelines);

    /**
     * Builds the {@link Fleet}, checking every rule of its fields.
     *
     * @return the Fleet
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract Fleet build();

}

  /**
   * Runs the fleet.
   *
   * @return the per-tick fleet timelines, the per-model summaries and the cluster's use
   */
  public FleetResult run() {
    return new FleetEngine(this).run();
  }

  @Value.Check
  final void check() {
    Checks.check(!servers().isEmpty(), "servers must not be empty (was [])");
    positive("tick", tick());
    positive("syncPeriod", syncPeriod());
    positive("metricWindow", metricWindow());
    positive("scrapeInterval", scrapeInterval());
    positive("duration", duration());
    Checks.check(syncPeriod().toMillis() % tick().toMillis() == 0, "tick must divide syncPeriod %s (was %s)",
        syncPeriod(), tick());
    Checks.check(duration().toMillis() / tick().toMillis() <= 10_000_000,
        "duration must be at most 10000000 ticks (was %s at %s)", duration(), tick());
    Checks.check(threads() >= 1, "threads must be >= 1 (was %d)", threads());
    Checks.check(!nativeStablePeriod().isNegative(), "nativeStablePeriod must be >= 0 (was %s)", nativeStablePeriod());
    Checks.check(!convergenceWindow().isNegative(), "convergenceWindow must be >= 0 (was %s)", convergenceWindow());
    long initial = servers().stream().mapToLong(FleetServer::initial).sum();
    Checks.check(initial <= cluster().initialCapacity(),
        "cluster must fit the servers' initial replicas, %d pods (was room for %d)", initial,
        cluster().initialCapacity());
    Set<String> servers = new HashSet<>();
    Set<String> models = new HashSet<>();
    for (FleetServer s : servers()) {
      Checks.check(servers.add(s.name()), "servers has %s twice", s.name());
      Checks.check(s.hpaOffset().compareTo(syncPeriod()) <= 0, "servers[%s].hpaOffset must be in 0..%s (was %s)",
          s.name(), syncPeriod(), s.hpaOffset());
      for (FleetModel m : s.models()) {
        Checks.check(models.add(m.name()), "models has %s twice", m.name());
        Checks.check(m.hpaOffset().compareTo(syncPeriod()) <= 0, "models[%s].hpaOffset must be in 0..%s (was %s)",
            m.name(), syncPeriod(), m.hpaOffset());
      }
    }
  }

  private static void positive(String field, Duration d) {
    Checks.check(!d.isNegative() && !d.isZero(), "%s must be > 0 (was %s)", field, d);
  }
}
