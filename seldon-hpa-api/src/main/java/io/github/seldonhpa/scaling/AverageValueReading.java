package io.github.seldonhpa.scaling;

/**
 * An Object AverageValue reading ({@link MetricReading#objectAverageValue}); {@link HpaController} reads
 * its fields to skip the proposal object on the Seldon hot path.
 */
final class AverageValueReading implements MetricReading {
  final long usageMilli;
  final long targetMilli;

  AverageValueReading(long usageMilli, long targetMilli) {
    this.usageMilli = usageMilli;
    this.targetMilli = targetMilli;
  }

  @Override
  public MetricProposal propose(int specReplicas, int statusReplicas, double down, double up) {
    return ReplicaCalculator.objectAverageValue(usageMilli, targetMilli, statusReplicas, down, up);
  }
}
