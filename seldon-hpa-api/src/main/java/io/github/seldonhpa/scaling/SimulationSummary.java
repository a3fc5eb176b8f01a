package io.github.seldonhpa.scaling;

import java.util.Locale;

/** The figures of one simulation run, all in seconds, replicas and RPS. */
public final class SimulationSummary {
  private final double durationSeconds;
  private final double secondsAboveSaturation;
  private final double longestAboveSaturation;
  private final double peakLoadPerServingReplica;
  private final double saturationRps;
  private final double scheduleFailedSeconds;
  private final double serverReplicaSeconds;
  private final double servingReplicaSeconds;
  private final int peakModelReplicas;
  private final int peakServerReplicas;

  SimulationSummary(double durationSeconds, double secondsAboveSaturation, double longestAboveSaturation,
      double peakLoadPerServingReplica, double saturationRps, double scheduleFailedSeconds,
      double serverReplicaSeconds, double servingReplicaSeconds, int peakModelReplicas, int peakServerReplicas) {
    this.durationSeconds = durationSeconds;
    this.secondsAboveSaturation = secondsAboveSaturation;
    this.longestAboveSaturation = longestAboveSaturation;
    this.peakLoadPerServingReplica = peakLoadPerServingReplica;
    this.saturationRps = saturationRps;
    this.scheduleFailedSeconds = scheduleFailedSeconds;
    this.serverReplicaSeconds = serverReplicaSeconds;
    this.servingReplicaSeconds = servingReplicaSeconds;
    this.peakModelReplicas = peakModelReplicas;
    this.peakServerReplicas = peakServerReplicas;
  }

  /** {@return the simulated time} */
  public double durationSeconds() {
    return durationSeconds;
  }

  /** {@return time during which the serving replicas were past their saturation RPS (latency SLA breached)} */
  public double secondsAboveSaturation() {
    return secondsAboveSaturation;
  }

  /**
   * {@return the longest unbroken time above saturation: how long it took, after the load outgrew the serving
   * replicas, until enough of them were serving}
   */
  public double longestAboveSaturation() {
    return longestAboveSaturation;
  }

  /** {@return the highest load on one serving replica; infinite if load arrived while none served} */
  public double peakLoadPerServingReplica() {
    return peakLoadPerServingReplica;
  }

  /** {@return the saturation RPS per replica the run used} */
  public double saturationRps() {
    return saturationRps;
  }

  /** {@return time during which the model was {@code ScheduleFailed}} */
  public double scheduleFailedSeconds() {
    return scheduleFailedSeconds;
  }

  /** {@return Server pod-seconds, counting starting pods: the cost} */
  public double serverReplicaSeconds() {
    return serverReplicaSeconds;
  }

  /** {@return serving model replica-seconds} */
  public double servingReplicaSeconds() {
    return servingReplicaSeconds;
  }

  /** {@return the highest Model {@code spec.replicas}} */
  public int peakModelReplicas() {
    return peakModelReplicas;
  }

  /** {@return the highest Server {@code spec.replicas}} */
  public int peakServerReplicas() {
    return peakServerReplicas;
  }

  /** {@return the figures, one per line, as {@code name: value}} */
  public String report() {
    return String.format(Locale.ROOT,
        "simulated: %s s\n"
            + "above saturation: %s s (longest stretch %s s)\n"
            + "peak load per serving replica: %s rps (saturation %s rps)\n"
            + "ScheduleFailed: %s s\n"
            + "server replica-seconds: %s\n"
            + "serving model replica-seconds: %s\n"
            + "peak replicas: model %d, server %d\n",
        SimulationResult.num(durationSeconds), SimulationResult.num(secondsAboveSaturation),
        SimulationResult.num(longestAboveSaturation), SimulationResult.num(peakLoadPerServingReplica),
        SimulationResult.num(saturationRps), SimulationResult.num(scheduleFailedSeconds),
        SimulationResult.num(serverReplicaSeconds), SimulationResult.num(servingReplicaSeconds),
        peakModelReplicas, peakServerReplicas);
  }

  @Override
  public String toString() {
    return report();
  }
}
