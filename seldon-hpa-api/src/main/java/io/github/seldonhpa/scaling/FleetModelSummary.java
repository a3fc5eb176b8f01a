package io.github.seldonhpa.scaling;

import java.util.Optional;

/**
 * The figures of one model of a {@link Fleet} run; server figures are its Server's (shared on a multi-model server).
 */
public final class FleetModelSummary {
  private final String model;
  private final String server;
  private final double secondsAboveSaturation;
  private final double longestAboveSaturation;
  private final double scheduleFailedSeconds;
  private final double servingReplicaSeconds;
  private final double serverReplicaSeconds;
  private final double pendingPodSeconds;
  private final int peakPendingPods;
  private final double metricErrorSeconds;
  private final int peakModelReplicas;
  private final int peakServerReplicas;
  private final int finalModelReplicas;
  private final int finalServerReplicas;
  private final String notConverged;

  FleetModelSummary(String model, String server, double secondsAboveSaturation, double longestAboveSaturation,
      double scheduleFailedSeconds, double servingReplicaSeconds, double serverReplicaSeconds,
      double pendingPodSeconds, int peakPendingPods, double metricErrorSeconds, int peakModelReplicas,
      int peakServerReplicas, int finalModelReplicas, int finalServerReplicas, String notConverged) {
    this.model = model;
    this.server = server;
    this.secondsAboveSaturation = secondsAboveSaturation;
    this.longestAboveSaturation = longestAboveSaturation;
    this.scheduleFailedSeconds = scheduleFailedSeconds;
    this.servingReplicaSeconds = servingReplicaSeconds;
    this.serverReplicaSeconds = serverReplicaSeconds;
    this.pendingPodSeconds = pendingPodSeconds;
    this.peakPendingPods = peakPendingPods;
    this.metricErrorSeconds = metricErrorSeconds;
    this.peakModelReplicas = peakModelReplicas;
    this.peakServerReplicas = peakServerReplicas;
    this.finalModelReplicas = finalModelReplicas;
    this.finalServerReplicas = finalServerReplicas;
    this.notConverged = notConverged;
  }

  /** {@return the Model's name, as {@link FleetModel#name()}} */
  public String modelName() {
    return model;
  }

  /** {@return the name of the Server hosting it, as {@link FleetServer#name()}} */
  public String serverName() {
    return server;
  }

  /** {@return time the serving replicas were past saturation} */
  public double secondsAboveSaturation() {
    return secondsAboveSaturation;
  }

  /** {@return the longest unbroken stretch above saturation} */
  public double longestAboveSaturation() {
    return longestAboveSaturation;
  }

  /** {@return time the model was {@code ScheduleFailed}} */
  public double scheduleFailedSeconds() {
    return scheduleFailedSeconds;
  }

  /** {@return serving model replica-seconds} */
  public double servingReplicaSeconds() {
    return servingReplicaSeconds;
  }

  /** {@return its Server's bound pod-seconds (starting or ready): the cost} */
  public double serverReplicaSeconds() {
    return serverReplicaSeconds;
  }

  /** {@return its Server's Pending pod-seconds (no room in the cluster)} */
  public double pendingPodSeconds() {
    return pendingPodSeconds;
  }

  /** {@return its Server's most Pending pods at once} */
  public int peakPendingPods() {
    return peakPendingPods;
  }

  /** {@return time its HPA's last metric read failed ({@code ScalingActive=False/FailedGetObjectMetric})} */
  public double metricErrorSeconds() {
    return metricErrorSeconds;
  }

  /** {@return the highest Model {@code spec.replicas}} */
  public int peakModelReplicas() {
    return peakModelReplicas;
  }

  /** {@return the highest Server {@code spec.replicas}} */
  public int peakServerReplicas() {
    return peakServerReplicas;
  }

  /** {@return Model {@code spec.replicas} at the end} */
  public int finalModelReplicas() {
    return finalModelReplicas;
  }

  /** {@return Server {@code spec.replicas} at the end} */
  public int finalServerReplicas() {
    return finalServerReplicas;
  }

  /**
   * {@return whether it converged: not stuck (ScheduleFailed, HPAs apart, pods Pending) for the convergence window at
   * the end}
   */
  public boolean converged() {
    return notConverged.isEmpty();
  }

  /** {@return why it never converged, when it did not} */
  public Optional<String> notConvergedReason() {
    return notConverged.isEmpty() ? Optional.empty() : Optional.of(notConverged);
  }
}
