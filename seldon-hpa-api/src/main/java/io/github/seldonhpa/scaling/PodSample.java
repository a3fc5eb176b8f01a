package io.github.seldonhpa.scaling;

import io.github.seldonhpa.internal.Checks;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One pod matched by the scale selector, already classified, with its metric sample and its resource
 * request, in milli-units ({@code Quantity.milliValue()}).
 */
@Value.Immutable
public abstract class PodSample {
  PodSample() {}

  /** {@return the classification of the pod} */
  public abstract PodState state();

  /** {@return the pod's metric sample in milli-units; empty when the metrics API returned none (a missing pod)} */
  public abstract OptionalLong usageMilli();

  /**
   * {@return the pod's request for the resource (sum over its containers) in milli-units; empty when a container
   * has none} Only Resource Utilization metrics use it.
   */
  public abstract OptionalLong requestMilli();

  /**
   * {@return a pod with a sample and no request (Pods metrics, Resource AverageValue)}
   *
   * @param state how the controller classified the pod
   * @param usageMilli the pod's sample, in milli-units
   */
  public static PodSample of(PodState state, long usageMilli) {
    return ImmutablePodSample.builder().state(state).usageMilli(usageMilli).build();
  }

  /**
   * {@return a pod with a sample and a request (Resource Utilization)}
   *
   * @param state how the controller classified the pod
   * @param usageMilli the pod's sample, in milli-units
   * @param requestMilli the sum of its containers' requests of the resource, in milli-units
   */
  public static PodSample of(PodState state, long usageMilli, long requestMilli) {
    return ImmutablePodSample.builder().state(state).usageMilli(usageMilli).requestMilli(requestMilli).build();
  }

  /**
   * {@return a pod the metrics API returned no sample for, with its request}
   *
   * @param state how the controller classified the pod
   * @param requestMilli the sum of its containers' requests of the resource, in milli-units
   */
  public static PodSample missing(PodState state, long requestMilli) {
    return ImmutablePodSample.builder().state(state).requestMilli(requestMilli).build();
  }

  /**
   * {@return a pod with any combination of sample and request}
   *
   * @param state how the controller classified the pod
   * @param usageMilli the pod's sample in milli-units, or empty when the metrics API returned none
   * @param requestMilli the sum of its containers' requests in milli-units, or empty when a container requests none
   */
  public static PodSample of(PodState state, OptionalLong usageMilli, OptionalLong requestMilli) {
    return ImmutablePodSample.builder().state(state).usageMilli(usageMilli).requestMilli(requestMilli).build();
  }

  @Value.Check
  final void check() {
    usageMilli().ifPresent(u -> Checks.check(u >= 0, "usageMilli must be >= 0 (was %d)", u));
    requestMilli().ifPresent(r -> Checks.check(r >= 0, "requestMilli must be >= 0 (was %d)", r));
  }
}
