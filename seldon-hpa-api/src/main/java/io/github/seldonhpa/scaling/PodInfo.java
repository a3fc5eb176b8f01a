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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the PodInfo whose values are copied
     * @return this builder
     */
    public abstract Builder from(PodInfo instance);

    /**
     * Sets {@link PodInfo#name()}.
     *
     * @param name {@code metadata.name}
     * @return this builder
     */
    public abstract Builder name(String name);

    /**
     * Sets {@link PodInfo#phase()}.
     *
     * @param phase {@code status.phase}
     * @return this builder
     */
    public abstract Builder phase(PodInfo.Phase phase);

    /**
     * Sets {@link PodInfo#deleted()}.
     *
     * @param deleted whether {@code metadata.deletionTimestamp} is set. Default: false
     * @return this builder
     */
    public abstract Builder deleted(boolean deleted);

    /**
     * Sets {@link PodInfo#startTime()}.
     *
     * @param startTime {@code status.startTime}; empty when not set
     * @return this builder
     */
    public abstract Builder startTime(Instant startTime);

    /**
     * Sets or clears {@link PodInfo#startTime()}.
     *
     * @param startTime the value, or empty to clear it; {@code status.startTime}; empty when not set
     * @return this builder
     */
    public abstract Builder startTime(Optional<? extends Instant> startTime);

    /**
     * Sets {@link PodInfo#ready()}.
     *
     * @param ready the status of the {@code Ready} condition; empty when the pod has none
     * @return this builder
     */
    public abstract Builder ready(boolean ready);

    /**
     * Sets or clears {@link PodInfo#ready()}.
     *
     * @param ready the value, or empty to clear it; the status of the {@code Ready} condition; empty when the pod has
     *     none
     * @return this builder
     */
    public abstract Builder ready(Optional<Boolean> ready);

    /**
     * Sets {@link PodInfo#readyTransitionTime()}.
     *
     * @param readyTransitionTime {@code lastTransitionTime} of the {@code Ready} condition. Default: the epoch
     * @return this builder
     */
    public abstract Builder readyTransitionTime(Instant readyTransitionTime);

    /**
     * Sets {@link PodInfo#hasMetric()}.
     *
     * @param hasMetric whether the metrics API returned a sample for the pod
     * @return this builder
     */
    public abstract Builder hasMetric(boolean hasMetric);

    /**
     * Sets {@link PodInfo#metricTimestamp()}.
     *
     * @param metricTimestamp the sample's timestamp. Default: the epoch (an ancient sample)
     * @return this builder
     */
    public abstract Builder metricTimestamp(Instant metricTimestamp);

    /**
     * Sets {@link PodInfo#metricWindow()}.
     *
     * @param metricWindow the sample's window. Default: 0
     * @return this builder
     */
    public abstract Builder metricWindow(Duration metricWindow);

    /**
     * Builds the {@link PodInfo}, checking every rule of its fields.
     *
     * @return the PodInfo
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract PodInfo build();
  }
}
