package io.github.seldonhpa.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code groupPods} reads of one pod matched by the scale selector: its phase, deletion, start time,
 * {@code Ready} condition, and the timestamp and window of its metric sample.
 */
@Value.Immutable
public abstract class PodInfo {
  PodInfo() {}

  /** A pod phase ({@code status.phase}). */
  public enum Phase {
    /** {@code Pending}. */
    PENDING,
    /** {@code Running}. */
    RUNNING,
    /** {@code Succeeded}. */
    SUCCEEDED,
    /** {@code Failed}. */
    FAILED,
    /** {@code Unknown}. */
    UNKNOWN
  }

  /** {@code metadata.name}. */
  public abstract String name();

  /** {@code status.phase}. */
  public abstract Phase phase();

  /** Whether {@code metadata.deletionTimestamp} is set. Default: false. */
  @Value.Default
  public boolean deleted() {
    return false;
  }

  /** {@code status.startTime}; empty when not set. */
  public abstract Optional<Instant> startTime();

  /** The status of the {@code Ready} condition; empty when the pod has none. */
  public abstract Optional<Boolean> ready();

  /** {@code lastTransitionTime} of the {@code Ready} condition. Default: the epoch. */
  @Value.Default
  public Instant readyTransitionTime() {
    return Instant.EPOCH;
  }

  /** Whether the metrics API returned a sample for the pod. */
  public abstract boolean hasMetric();

  /** The sample's timestamp. Default: the epoch (an ancient sample). */
  @Value.Default
  public Instant metricTimestamp() {
    return Instant.EPOCH;
  }

  /** The sample's window. Default: 0. */
  @Value.Default
  public Duration metricWindow() {
    return Duration.ZERO;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PodInfo}. */
  public static class Builder extends ImmutablePodInfo.Builder {}
}
