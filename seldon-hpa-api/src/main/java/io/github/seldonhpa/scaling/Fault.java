package io.github.seldonhpa.scaling;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that goes wrong for an interval of a {@link Fleet} run, {@code [from, to)}:
 *
 * <ul>
 *   <li>{@link Kind#METRIC_OUTAGE}: prometheus-adapter or Prometheus is down; every HPA's metric read fails,
 *       the controller sets {@code ScalingActive=False/FailedGetObjectMetric} and keeps its replicas (no
 *       recommendation is stored: all metrics invalid means no rescale, k8s-hpa.md §6);
 *   <li>{@link Kind#STALE_SERIES}: a model's counter stops increasing (a stuck agent still scraped): its rate
 *       falls to 0 and its HPAs scale down while the load goes on;
 *   <li>{@link Kind#SCRAPE_GAP}: a model's samples are missing; the rate covers what is left of the window
 *       and fails ({@code FailedGetObjectMetric}) while less than two scrape intervals are left;
 *   <li>{@link Kind#POD_START_FAILURE}: a server's pods started in the interval crash until it ends, then
 *       start again (they hold their room in the cluster meanwhile).
 * </ul>
 */
public final class Fault {
  /** What goes wrong. */
  public enum Kind {
    /** prometheus-adapter or Prometheus is down: every HPA's metric read fails. */
    METRIC_OUTAGE,
    /** One model's counter stops increasing: its rate falls to 0. */
    STALE_SERIES,
    /** One model's samples are missing: its rate covers what is left of the window. */
    SCRAPE_GAP,
    /** One server's pods started in the interval crash until it ends. */
    POD_START_FAILURE
  }

  private final Kind kind;
  private final Optional<String> target;
  private final long fromMs;
  private final long toMs;

  private Fault(Kind kind, Optional<String> target, Duration from, Duration to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Checks.check(!from.isNegative(), "fault from must be >= 0 (was %s)", from);
    Checks.check(to.compareTo(from) > 0, "fault to must be after from %s (was %s)", from, to);
    target.ifPresent(t -> Checks.notBlank("fault target", t));
    this.kind = kind;
    this.target = target;
    this.fromMs = from.toMillis();
    this.toMs = to.toMillis();
  }

  /**
   * {@return the metrics pipeline (adapter or Prometheus) is down for every HPA}
   *
   * @param from the start of the outage, since the start of the run; at least 0
   * @param to the end of the outage (excluded), after {@code from}
   */
  public static Fault metricOutage(Duration from, Duration to) {
    return new Fault(Kind.METRIC_OUTAGE, Optional.empty(), from, to);
  }

  /**
   * {@return the counter of model {@code model} stops increasing}
   *
   * @param model the Model's name in the fleet
   * @param from the start of the fault, since the start of the run; at least 0
   * @param to the end of the fault (excluded), after {@code from}
   */
  public static Fault staleSeries(String model, Duration from, Duration to) {
    return new Fault(Kind.STALE_SERIES, Optional.of(model), from, to);
  }

  /**
   * {@return the samples of model {@code model} are missing}
   *
   * @param model the Model's name in the fleet
   * @param from the start of the gap, since the start of the run; at least 0
   * @param to the end of the gap (excluded), after {@code from}
   */
  public static Fault scrapeGap(String model, Duration from, Duration to) {
    return new Fault(Kind.SCRAPE_GAP, Optional.of(model), from, to);
  }

  /**
   * {@return the pods of server {@code server} started in the interval fail until it ends}
   *
   * @param server the Server's name in the fleet
   * @param from the start of the fault, since the start of the run; at least 0
   * @param to the end of the fault (excluded), after {@code from}
   */
  public static Fault podStartFailure(String server, Duration from, Duration to) {
    return new Fault(Kind.POD_START_FAILURE, Optional.of(server), from, to);
  }

  /** {@return what goes wrong} */
  public Kind kind() {
    return kind;
  }

  /** {@return the model or server it hits; empty for the whole fleet} */
  public Optional<String> target() {
    return target;
  }

  /** {@return the start} */
  public Duration from() {
    return Duration.ofMillis(fromMs);
  }

  /** {@return the end (exclusive)} */
  public Duration to() {
    return Duration.ofMillis(toMs);
  }

  boolean hits(String name) {
    return target.isEmpty() || target.get().equals(name);
  }

  boolean active(long t) {
    return t >= fromMs && t < toMs;
  }

  long toMillis() {
    return toMs;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + target.map(t -> " of " + t).orElse("")
        + " " + SimulationResult.num(fromMs / 1000.0) + ".." + SimulationResult.num(toMs / 1000.0) + " s";
  }
}
