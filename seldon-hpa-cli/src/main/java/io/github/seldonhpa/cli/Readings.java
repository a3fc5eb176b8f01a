package io.github.seldonhpa.cli;

import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.PodsMetric;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ResourceMetric;
import io.github.seldonhpa.scaling.MetricReading;
import io.github.seldonhpa.scaling.PodSample;
import io.github.seldonhpa.scaling.PodState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Turns an HPA metric and the value the metrics API returned into what the controller reads. A value is a
 * Kubernetes quantity: the object's value (Object), the sum of the series (External), each ready pod's value
 * (Pods, Resource AverageValue) or the percent of the pods' requests (Resource Utilization).
 */
final class Readings {
  private Readings() {}

  /** {@code infer_rps} for Object, Pods and External metrics; {@code cpu} or {@code memory} for Resource. */
  static String name(Metric m) {
    if (m instanceof ObjectMetric) {
      return ((ObjectMetric) m).metricName();
    }
    if (m instanceof ExternalMetric) {
      return ((ExternalMetric) m).metricName();
    }
    if (m instanceof PodsMetric) {
      return ((PodsMetric) m).metricName();
    }
    return ((ResourceMetric) m).resource();
  }

  /** The reading of one metric; without a value, the failed read the controller reports. */
  static MetricReading of(Metric m, Optional<Quantity> value, int currentReplicas) {
    String type = m.type().yamlName();
    if (value.isEmpty()) {
      return MetricReading.failed("FailedGet" + type + "Metric", "no value for " + type + " metric " + name(m));
    }
    long usage = milli(name(m), value.get());
    MetricTarget t = m.target();
    long target = t.quantity().map(q -> milli(name(m) + " target", q)).orElse(0L);
    boolean average = t.type() == MetricTarget.Type.AVERAGE_VALUE;
    if (m instanceof ObjectMetric) {
      return average ? MetricReading.objectAverageValue(usage, target)
          : MetricReading.objectValue(usage, target, currentReplicas, currentReplicas);
    }
    if (m instanceof ExternalMetric) {
      return average ? MetricReading.externalAverageValue(new long[] {usage}, target)
          : MetricReading.externalValue(new long[] {usage}, target, currentReplicas, currentReplicas);
    }
    if (m instanceof PodsMetric) {
      return MetricReading.pods(readyPods(currentReplicas, usage, -1), target);
    }
    if (t.type() == MetricTarget.Type.UTILIZATION) {
      // utilization = 100 * usage / request: with a request of 100 units the value given is the percent
      return MetricReading.resourceUtilization(((ResourceMetric) m).resource(),
          readyPods(currentReplicas, usage, 100_000), new long[0], t.averageUtilization().orElse(0));
    }
    return MetricReading.resourceAverageValue(readyPods(currentReplicas, usage, -1), target);
  }

  private static List<PodSample> readyPods(int count, long usageMilli, long requestMilli) {
    PodSample pod = requestMilli < 0 ? PodSample.of(PodState.READY, usageMilli)
        : PodSample.of(PodState.READY, usageMilli, requestMilli);
    return new ArrayList<>(Collections.nCopies(count, pod));
  }

  private static long milli(String name, Quantity q) {
    try {
      return q.milliValue();
    } catch (ArithmeticException e) {
      throw new HpaValidationException(name + " must be at most 9223372036854775807m, the controller's int64"
          + " milli-units (was " + q + ")");
    }
  }
}
