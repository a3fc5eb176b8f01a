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

  /** {@return {@code metadata.name}} */
  public abstract String name();

  /** {@return {@code status.phase}} */
  public abstract Phase phase();

  /** {@return whether {@code metadata.deletionTimestamp} is set} Default: false. */
  @Value.Default
  public boolean deleted() {
    return false;
  }

  /** {@return {@code status.startTime}; empty when not set} */
  public abstract Optional<Instant> startTime();

  /** {@return the status of the {@code Ready} condition; empty when the pod has none} */
  public abstract Optional<Boolean> ready();

  /** {@return {@code lastTransitionTime} of the {@code Ready} condition} Default: the epoch. */
  @Value.Default
  public Instant readyTransitionTime() {
    return Instant.EPOCH;
  }

  /** {@return whether the metrics API returned a sample for the pod} */
  public abstract boolean hasMetric();

  /** {@return the sample's timestamp} Default: the epoch (an ancient sample). */
  @Value.Default
  public Instant metricTimestamp() {
    return Instant.EPOCH;
  }

  /** {@return the sample's window} Default: 0. */
  @Value.Default
  public Duration metricWindow() {
    return Duration.ZERO;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutablePodInfo.builder();
  }

  /** Builds {@link PodInfo}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code PodInfo} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(PodInfo instance);

    /**
     * Initializes the value for the {@link PodInfo#name() name} attribute.
     * @param name The value for name 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder name(String name);

    /**
     * Initializes the value for the {@link PodInfo#phase() phase} attribute.
     * @param phase The value for phase 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder phase(PodInfo.Phase phase);

    /**
     * Initializes the value for the {@link PodInfo#deleted() deleted} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link PodInfo#deleted() deleted}.</em>
     * @param deleted The value for deleted 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder deleted(boolean deleted);

    /**
     * Initializes the optional value {@link PodInfo#startTime() startTime} to startTime.
     * @param startTime The value for startTime
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder startTime(Instant startTime);

    /**
     * Initializes the optional value {@link PodInfo#startTime() startTime} to startTime.
     * @param startTime The value for startTime
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder startTime(Optional<? extends Instant> startTime);

    /**
     * Initializes the optional value {@link PodInfo#ready() ready} to ready.
     * @param ready The value for ready
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder ready(boolean ready);

    /**
     * Initializes the optional value {@link PodInfo#ready() ready} to ready.
     * @param ready The value for ready
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder ready(Optional<Boolean> ready);

    /**
     * Initializes the value for the {@link PodInfo#readyTransitionTime() readyTransitionTime} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link PodInfo#readyTransitionTime() readyTransitionTime}.</em>
     * @param readyTransitionTime The value for readyTransitionTime 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder readyTransitionTime(Instant readyTransitionTime);

    /**
     * Initializes the value for the {@link PodInfo#hasMetric() hasMetric} attribute.
     * @param hasMetric The value for hasMetric 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder hasMetric(boolean hasMetric);

    /**
     * Initializes the value for the {@link PodInfo#metricTimestamp() metricTimestamp} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link PodInfo#metricTimestamp() metricTimestamp}.</em>
     * @param metricTimestamp The value for metricTimestamp 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metricTimestamp(Instant metricTimestamp);

    /**
     * Initializes the value for the {@link PodInfo#metricWindow() metricWindow} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link PodInfo#metricWindow() metricWindow}.</em>
     * @param metricWindow The value for metricWindow 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metricWindow(Duration metricWindow);

    /**
     * Builds a new {@link PodInfo PodInfo}.
     * @return An immutable instance of PodInfo
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract PodInfo build();
  }
}
