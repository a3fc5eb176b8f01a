package io.github.seldonhpa.scaling;

/** One step of a simulation timeline: the load and the replicas at the end of the step. */
public final class TimelineStep {
  private final double timeSeconds;
  private final double rps;
  private final double metricRps;
  private final int modelDesired;
  private final int modelServing;
  private final int serverDesired;
  private final int serverReady;
  private final boolean scheduleFailed;
  private final double saturationRps;

  TimelineStep(double timeSeconds, double rps, double metricRps, int modelDesired, int modelServing,
      int serverDesired, int serverReady, boolean scheduleFailed, double saturationRps) {
    this.timeSeconds = timeSeconds;
    this.rps = rps;
    this.metricRps = metricRps;
    this.modelDesired = modelDesired;
    this.modelServing = modelServing;
    this.serverDesired = serverDesired;
    this.serverReady = serverReady;
    this.scheduleFailed = scheduleFailed;
    this.saturationRps = saturationRps;
  }

  /** {@return seconds since the start} */
  public double timeSeconds() {
    return timeSeconds;
  }

  /** {@return the offered load} */
  public double rps() {
    return rps;
  }

  /** {@return the RPS the HPAs read: the mean over the metric window} */
  public double metricRps() {
    return metricRps;
  }

  /** {@return the Model's {@code spec.replicas}} */
  public int modelDesired() {
    return modelDesired;
  }

  /** {@return Model replicas loaded and serving} */
  public int modelServing() {
    return modelServing;
  }

  /** {@return the Server's {@code spec.replicas}} */
  public int serverDesired() {
    return serverDesired;
  }

  /** {@return Server replicas ready to host a model replica} */
  public int serverReady() {
    return serverReady;
  }

  /** {@return whether the model is {@code ModelReady=False/ScheduleFailed}} */
  public boolean scheduleFailed() {
    return scheduleFailed;
  }

  /** {@return the load on each serving replica; infinite when none serves and load is offered} */
  public double loadPerServingReplica() {
    return SimulationResult.load(rps, modelServing);
  }

  /** {@return whether the serving replicas are past their saturation RPS} */
  public boolean saturated() {
    return loadPerServingReplica() > saturationRps;
  }

  /** One CSV row as {@link SimulationResult#toCsv()} writes it. */
  @Override
  public String toString() {
    return SimulationResult.csvRow(this);
  }
}
