package io.github.seldonhpa.scaling;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one metric proposes at one reconcile: a replica count and the value the HPA reports in
 * {@code status.currentMetrics}, or an error that makes the metric invalid ({@code ScalingActive=False}).
 */
public final class MetricProposal {
  private final int replicas;
  private final long currentMilli;
  private final int utilization;
  private final String reason;
  private final String error;

  private MetricProposal(int replicas, long currentMilli, int utilization, String reason, String error) {
    this.replicas = replicas;
    this.currentMilli = currentMilli;
    this.utilization = utilization;
    this.reason = reason;
    this.error = error;
  }

  /**
   * {@return a valid proposal}
   *
   * @param replicas the replicas the metric proposes, at least 0
   * @param currentMilli the value reported in {@code status.currentMetrics}, in milli-units
   */
  public static MetricProposal of(int replicas, long currentMilli) {
    return new MetricProposal(replicas, currentMilli, -1, null, null);
  }

  /**
   * {@return a valid proposal of a Resource Utilization metric, with the utilization it reports}
   *
   * @param replicas the replicas the metric proposes, at least 0
   * @param utilization the average utilization reported, in percent of the request
   * @param rawAverageMilli the average raw usage per pod, in milli-units
   */
  public static MetricProposal ofUtilization(int replicas, int utilization, long rawAverageMilli) {
    return new MetricProposal(replicas, rawAverageMilli, utilization, null, null);
  }

  /**
   * {@return an invalid metric}
   *
   * @param reason the {@code ScalingActive=False} reason, e.g. {@code FailedGetObjectMetric}
   * @param error the controller's error text
   */
  public static MetricProposal failed(String reason, String error) {
    return new MetricProposal(0, 0, -1, Objects.requireNonNull(reason), Objects.requireNonNull(error));
  }

  /** {@return whether the metric produced a proposal} */
  public boolean valid() {
    return error == null;
  }

  /** {@return the proposed replica count; 0 for an invalid metric} */
  public int replicas() {
    return replicas;
  }

  /**
   * {@return the reported current value in milli-units: the usage (Value targets), the per-replica average
   * (AverageValue targets) or the raw per-pod average (Resource metrics)}
   */
  public long currentMilli() {
    return currentMilli;
  }

  /** {@return the reported utilization percentage of a Resource Utilization metric} */
  public OptionalInt utilization() {
    return utilization < 0 ? OptionalInt.empty() : OptionalInt.of(utilization);
  }

  /** {@return the {@code ScalingActive=False} reason of an invalid metric} */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** {@return the error text of an invalid metric} */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return valid() ? "MetricProposal{replicas=" + replicas + ", current=" + currentMilli + "m"
        + (utilization < 0 ? "" : ", utilization=" + utilization + "%") + "}"
        : "MetricProposal{" + reason + ": " + error + "}";
  }
}
