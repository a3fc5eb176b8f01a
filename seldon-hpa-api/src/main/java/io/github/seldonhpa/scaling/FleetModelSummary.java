package io.github.seldonhpa.scaling;

import java.util.Optional;

/** The figures of one model of a {@link Fleet} run; server figures are its Server's (shared on a multi-model server). */
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

  /** The Model. */
  public String model() {
    return model;
  }

  /** Its Server. */
  public String server() {
    return server;
  }

  /** Time the serving replicas were past saturation. */
  public double secondsAboveSaturation() {
    return secondsAboveSaturation;
  }

  /** The longest unbroken stretch above saturation. */
  public double longestAboveSaturation() {
    return longestAboveSaturation;
  }

  /** Time the model was {@code ScheduleFailed}. */
  public double scheduleFailedSeconds() {
    return scheduleFailedSeconds;
  }

  /** Serving model replica-seconds. */
  public double servingReplicaSeconds() {
    return servingReplicaSeconds;
  }

  /** Its Server's bound pod-seconds (starting or ready): the cost. */
  public double serverReplicaSeconds() {
    return serverReplicaSeconds;
  }

  /** Its Server's Pending pod-seconds (no room in the cluster). */
  public double pendingPodSeconds() {
    return pendingPodSeconds;
  }

  /** Its Server's most Pending pods at once. */
  public int peakPendingPods() {
    return peakPendingPods;
  }

  /** Time its HPA's last metric read failed ({@code ScalingActive=False/FailedGetObjectMetric}). */
  public double metricErrorSeconds() {
    return metricErrorSeconds;
  }

  /** The highest Model {@code spec.replicas}. */
  public int peakModelReplicas() {
    return peakModelReplicas;
  }

  /** The highest Server {@code spec.replicas}. */
  public int peakServerReplicas() {
    return peakServerReplicas;
  }

  /** Model {@code spec.replicas} at the end. */
  public int finalModelReplicas() {
    return finalModelReplicas;
  }

  /** Server {@code spec.replicas} at the end. */
  public int finalServerReplicas() {
    return finalServerReplicas;
  }

  /** Whether it converged: not stuck (ScheduleFailed, HPAs apart, pods Pending) for the convergence window at the end. */
  public boolean converged() {
    return notConverged.isEmpty();
  }

  /** Why it never converged, when it did not. */
  public Optional<String> notConvergedReason() {
    return notConverged.isEmpty() ? Optional.empty() : Optional.of(notConverged);
  }
}
