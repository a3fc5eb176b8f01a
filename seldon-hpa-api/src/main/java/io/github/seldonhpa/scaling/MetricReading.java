package io.github.seldonhpa.scaling;

import java.util.List;

/**
 * One metric of an HPA as the controller sees it at one reconcile: its target together with what the
 * metrics API returned. {@link HpaController} asks it for a proposal with the scale's replica counts and
 * the HPA's tolerances; the factories cover every metric source and target type.
 */
@FunctionalInterface
public interface MetricReading {
  /**
   * {@return the metric's proposal}
   *
   * @param specReplicas {@code scale.spec.replicas}
   * @param statusReplicas {@code scale.status.replicas}
   * @param down the scale-down tolerance
   * @param up the scale-up tolerance
   */
  MetricProposal propose(int specReplicas, int statusReplicas, double down, double up);

  /**
   * {@return an Object metric with an {@code AverageValue} target (the Seldon case): value and target in milli-units}
   *
   * @param usageMilli the metric value the adapter returned, in milli-units
   * @param targetAverageMilli {@code target.averageValue}, in milli-units
   */
  static MetricReading objectAverageValue(long usageMilli, long targetAverageMilli) {
    return new AverageValueReading(usageMilli, targetAverageMilli);
  }

  /**
   * {@return an Object metric with a {@code Value} target, with the ready and total pod counts of the scale selector}
   *
   * @param usageMilli the metric value the adapter returned, in milli-units
   * @param targetMilli {@code target.value}, in milli-units
   * @param readyPodCount pods matching the scale selector that are Running and Ready
   * @param podCount all pods matching the scale selector
   */
  static MetricReading objectValue(long usageMilli, long targetMilli, int readyPodCount, int podCount) {
    return (spec, status, down, up) ->
        ReplicaCalculator.objectValue(usageMilli, targetMilli, spec, readyPodCount, podCount, down, up);
  }

  /**
   * {@return an External metric with an {@code AverageValue} target; the series values are summed}
   *
   * @param valuesMilli the value of each series the external metrics API returned, in milli-units
   * @param targetAverageMilli {@code target.averageValue}, in milli-units
   */
  static MetricReading externalAverageValue(long[] valuesMilli, long targetAverageMilli) {
    long[] values = valuesMilli.clone();
    return (spec, status, down, up) ->
        ReplicaCalculator.externalAverageValue(values, targetAverageMilli, status, down, up);
  }

  /**
   * {@return an External metric with a {@code Value} target; the series values are summed}
   *
   * @param valuesMilli the value of each series the external metrics API returned, in milli-units
   * @param targetMilli {@code target.value}, in milli-units
   * @param readyPodCount pods matching the scale selector that are Running and Ready
   * @param podCount all pods matching the scale selector
   */
  static MetricReading externalValue(long[] valuesMilli, long targetMilli, int readyPodCount, int podCount) {
    long[] values = valuesMilli.clone();
    return (spec, status, down, up) ->
        ReplicaCalculator.externalValue(values, targetMilli, spec, readyPodCount, podCount, down, up);
  }

  /**
   * {@return a Pods metric with its per-pod samples ({@code target.averageValue} in milli-units)}
   *
   * @param pods the scale target's pods, each with its state and sample
   * @param targetAverageMilli {@code target.averageValue}, in milli-units
   */
  static MetricReading pods(List<PodSample> pods, long targetAverageMilli) {
    List<PodSample> copy = List.copyOf(pods);
    return (spec, status, down, up) ->
        ReplicaCalculator.pods(copy, new long[0], targetAverageMilli, spec, down, up);
  }

  /**
   * {@return a Resource metric with a {@code Utilization} target, with samples for pods not in the list}
   *
   * @param resource the resource name, for the error text ({@code cpu}, {@code memory})
   * @param pods the scale target's pods, each with its state, sample and request
   * @param extraSamplesMilli samples the metrics API returned for pods not in the list, in milli-units
   * @param targetUtilization {@code target.averageUtilization}, in percent of the request
   */
  static MetricReading resourceUtilization(String resource, List<PodSample> pods, long[] extraSamplesMilli,
      int targetUtilization) {
    List<PodSample> copy = List.copyOf(pods);
    long[] extra = extraSamplesMilli.clone();
    return (spec, status, down, up) ->
        ReplicaCalculator.resourceUtilization(copy, extra, targetUtilization, resource, spec, down, up);
  }

  /**
   * {@return a Resource metric with an {@code AverageValue} target (raw usage per pod)}
   *
   * @param pods the scale target's pods, each with its state and sample
   * @param targetAverageMilli {@code target.averageValue}, in milli-units
   */
  static MetricReading resourceAverageValue(List<PodSample> pods, long targetAverageMilli) {
    List<PodSample> copy = List.copyOf(pods);
    return (spec, status, down, up) ->
        ReplicaCalculator.resourceAverageValue(copy, new long[0], targetAverageMilli, spec, down, up);
  }

  /**
   * {@return a metric that could not be read or is not understood}
   *
   * @param reason the {@code ScalingActive=False} reason, e.g. {@code FailedGetExternalMetric} or
   *     {@code InvalidMetricSourceType}
   * @param error the condition message, the error text the controller reports
   */
  static MetricReading failed(String reason, String error) {
    MetricProposal p = MetricProposal.failed(reason, error);
    return (spec, status, down, up) -> p;
  }
}
