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

  /** {@return how long a model must be unchanged before the scheduler applies a native scaling event} Default: 5 min. */
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
     * Fill a builder with attribute values from the provided {@code Fleet} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Fleet instance);

    /**
     * Adds one element to {@link Fleet#servers() servers} list.
     * @param element A servers element
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addServer(FleetServer element);

    /**
     * Adds elements to {@link Fleet#servers() servers} list.
     * @param elements An array of servers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addServers(FleetServer... elements);

    /**
     * Sets or replaces all elements for {@link Fleet#servers() servers} list.
     * @param elements An iterable of servers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder servers(Iterable<? extends FleetServer> elements);

    /**
     * Adds elements to {@link Fleet#servers() servers} list.
     * @param elements An iterable of servers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addAllServers(Iterable<? extends FleetServer> elements);

    /**
     * Initializes the value for the {@link Fleet#cluster() cluster} attribute.
     * @param cluster The value for cluster 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder cluster(Cluster cluster);

    /**
     * Adds one element to {@link Fleet#faults() faults} list.
     * @param element A faults element
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addFault(Fault element);

    /**
     * Adds elements to {@link Fleet#faults() faults} list.
     * @param elements An array of faults elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addFaults(Fault... elements);

    /**
     * Sets or replaces all elements for {@link Fleet#faults() faults} list.
     * @param elements An iterable of faults elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder faults(Iterable<? extends Fault> elements);

    /**
     * Adds elements to {@link Fleet#faults() faults} list.
     * @param elements An iterable of faults elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addAllFaults(Iterable<? extends Fault> elements);

    /**
     * Initializes the value for the {@link Fleet#syncPeriod() syncPeriod} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#syncPeriod() syncPeriod}.</em>
     * @param syncPeriod The value for syncPeriod 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder syncPeriod(Duration syncPeriod);

    /**
     * Initializes the value for the {@link Fleet#metricWindow() metricWindow} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#metricWindow() metricWindow}.</em>
     * @param metricWindow The value for metricWindow 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metricWindow(Duration metricWindow);

    /**
     * Initializes the value for the {@link Fleet#scrapeInterval() scrapeInterval} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#scrapeInterval() scrapeInterval}.</em>
     * @param scrapeInterval The value for scrapeInterval 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder scrapeInterval(Duration scrapeInterval);

    /**
     * Initializes the value for the {@link Fleet#tick() tick} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#tick() tick}.</em>
     * @param tick The value for tick 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder tick(Duration tick);

    /**
     * Initializes the value for the {@link Fleet#duration() duration} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#duration() duration}.</em>
     * @param duration The value for duration 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder duration(Duration duration);

    /**
     * Initializes the value for the {@link Fleet#seldonVersion() seldonVersion} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#seldonVersion() seldonVersion}.</em>
     * @param seldonVersion The value for seldonVersion 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder seldonVersion(SeldonVersion seldonVersion);

    /**
     * Initializes the value for the {@link Fleet#nativeStablePeriod() nativeStablePeriod} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#nativeStablePeriod() nativeStablePeriod}.</em>
     * @param nativeStablePeriod The value for nativeStablePeriod 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder nativeStablePeriod(Duration nativeStablePeriod);

    /**
     * Initializes the value for the {@link Fleet#convergenceWindow() convergenceWindow} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#convergenceWindow() convergenceWindow}.</em>
     * @param convergenceWindow The value for convergenceWindow 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder convergenceWindow(Duration convergenceWindow);

    /**
     * Initializes the value for the {@link Fleet#threads() threads} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#threads() threads}.</em>
     * @param threads The value for threads 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder threads(int threads);

    /**
     * Initializes the value for the {@link Fleet#keepModelTimelines() keepModelTimelines} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Fleet#keepModelTimelines() keepModelTimelines}.</em>
     * @param keepModelTimelines The value for keepModelTimelines 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder keepModelTimelines(boolean keepModelTimelines);

    /**
     * Builds a new {@link Fleet Fleet}.
     * @return An immutable instance of Fleet
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
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
