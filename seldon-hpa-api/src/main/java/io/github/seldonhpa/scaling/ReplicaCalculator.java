package io.github.seldonhpa.scaling;

import java.math.BigInteger;
import java.util.List;

/**
 * The HPA controller's per-metric replica proposals ({@code replica_calculator.go}), on milli-unit
 * integers ({@code Quantity.milliValue()}) with IEEE-754 double ratios in the controller's operand
 * order, so results match Kubernetes to the replica. Tolerances are {@code down} (scale-down) and
 * {@code up} (scale-up); the controller default is 0.1 for both.
 */
public final class ReplicaCalculator {
  /** The controller's default tolerance ({@code --horizontal-pod-autoscaler-tolerance}). */
  public static final double DEFAULT_TOLERANCE = 0.1;

  static final String NO_PODS = "no pods returned by selector while calculating replica count";
  static final String NO_METRICS = "did not receive metrics for targeted pods (pods might be unready)";
  static final String NO_KNOWN_PODS = "no metrics returned matched known pods";

  private ReplicaCalculator() {}

  /**
   * {@return whether a usage ratio is within tolerance: {@code 1 - down <= ratio <= 1 + up}; NaN and infinities
   * never are}
   *
   * @param ratio the usage ratio, usage over target
   * @param down the scale-down tolerance, such as 0.1
   * @param up the scale-up tolerance, such as 0.1
   */
  public static boolean within(double ratio, double down, double up) {
    return (1.0 - down) <= ratio && ratio <= (1.0 + up);
  }

  /**
   * {@return the rule before Kubernetes 1.33: {@code |1 - ratio| <= tolerance}}
   *
   * @param ratio the usage ratio, usage over target
   * @param tolerance the tolerance of both directions, such as 0.1
   */
  public static boolean withinLegacy(double ratio, double tolerance) {
    return Math.abs(1.0 - ratio) <= tolerance;
  }

  /**
   * {@return an Object metric with a {@code Value} target ({@code GetObjectMetricReplicas})}
   *
   * @param usageMilli the metric value
   * @param targetMilli {@code target.value}
   * @param specReplicas {@code scale.spec.replicas}
   * @param readyPodCount pods matching the scale selector that are Running and Ready
   * @param podCount all pods matching the scale selector
   * @param down the scale-down tolerance, such as 0.1
   * @param up the scale-up tolerance, such as 0.1
   */
  public static MetricProposal objectValue(long usageMilli, long targetMilli, int specReplicas,
      int readyPodCount, int podCount, double down, double up) {
    return value(usageMilli, targetMilli, specReplicas, readyPodCount, podCount, down, up,
        "FailedGetObjectMetric");
  }

  /**
   * {@return an Object metric with an {@code AverageValue} target ({@code GetObjectPerPodMetricReplicas}): needs no
   * pods, which is why it is the one target Seldon Model HPAs can use}
   *
   * @param usageMilli the metric value, in milli-units
   * @param targetAverageMilli {@code target.averageValue}, in milli-units
   * @param statusReplicas {@code scale.status.replicas}
   * @param down the scale-down tolerance, such as 0.1
   * @param up the scale-up tolerance, such as 0.1
   */
  public static MetricProposal objectAverageValue(long usageMilli, long targetAverageMilli,
      int statusReplicas, double down, double up) {
    return MetricProposal.of(averageValueReplicas(usageMilli, targetAverageMilli, statusReplicas, down, up),
        averageUsage(usageMilli, statusReplicas));
  }

  /** The replicas of an Object AverageValue metric, without the reported value. */
  static int averageValueReplicas(long usageMilli, long targetAverageMilli, int statusReplicas, double down,
      double up) {
    double ratio = (double) usageMilli / ((double) targetAverageMilli * statusReplicas);
    return within(ratio, down, up) ? statusReplicas
        : toInt32(Math.ceil((double) usageMilli / (double) targetAverageMilli));
  }

  /**
   * {@return an External metric with a {@code Value} target: the series are summed, then as {@link #objectValue}}
   *
   * @param valuesMilli the value of each series, in milli-units
   * @param targetMilli {@code target.value}, in milli-units
   * @param specReplicas {@code scale.spec.replicas}
   * @param readyPodCount pods matching the scale selector that are Running and Ready
   * @param podCount all pods matching the scale selector
   * @param down the scale-down tolerance, such as 0.1
   * @param up the scale-up tolerance, such as 0.1
   */
  public static MetricProposal externalValue(long[] valuesMilli, long targetMilli, int specReplicas,
      int readyPodCount, int podCount, double down, double up) {
    return value(sum(valuesMilli), targetMilli, specReplicas, readyPodCount, podCount, down, up,
        "FailedGetExternalMetric");
  }

  /**
   * {@return an External metric with an {@code AverageValue} target: the series are summed, then as
   * {@link #objectAverageValue}, the proposal capped at {@code MaxInt32}}
   *
   * @param valuesMilli the value of each series, in milli-units
   * @param targetAverageMilli {@code target.averageValue}, in milli-units
   * @param statusReplicas {@code scale.status.replicas}
   * @param down the scale-down tolerance, such as 0.1
   * @param up the scale-up tolerance, such as 0.1
   */
  public static MetricProposal externalAverageValue(long[] valuesMilli, long targetAverageMilli,
      int statusReplicas, double down, double up) {
    long usage = sum(valuesMilli);
    double ratio = (double) usage / ((double) targetAverageMilli * statusReplicas);
    int replicas;
    if (within(ratio, down, up)) {
      replicas = statusReplicas;
    } else {
      double x = Math.ceil((double) usage / (double) targetAverageMilli);
      replicas = x > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) x;
    }
    return MetricProposal.of(replicas, averageUsage(usage, statusReplicas));
  }

  /**
   * {@return a Pods metric ({@code target.averageValue}), pods classified with the non-CPU rules}
   *
   * @param pods the scale target's pods, each with its state and sample
   * @param extraSamplesMilli samples the metrics API returned for pods not in the list
   * @param targetMilli {@code target.averageValue}, in milli-units
   * @param specReplicas {@code scale.spec.replicas}
   * @param down the scale-down tolerance, such as 0.1
   * @param up the scale-up tolerance, such as 0.1
   */
  public static MetricProposal pods(List<PodSample> pods, long[] extraSamplesMilli, long targetMilli,
      int specReplicas, double down, double up) {
    return plain(pods, extraSamplesMilli, targetMilli, specReplicas, down, up, "FailedGetPodsMetric");
  }

  /**
   * {@return a Resource metric with an {@code AverageValue} target (raw usage per pod), as {@link #pods}}
   *
   * @param pods the scale target's pods, each with its state and sample
   * @param extraSamplesMilli samples the metrics API returned for pods not in the list, in milli-units
   * @param targetMilli {@code target.averageValue}, in milli-units
   * @param specReplicas {@code scale.spec.replicas}
   * @param down the scale-down tolerance, such as 0.1
   * @param up the scale-up tolerance, such as 0.1
   */
  public static MetricProposal resourceAverageValue(List<PodSample> pods, long[] extraSamplesMilli,
      long targetMilli, int specReplicas, double down, double up) {
    return plain(pods, extraSamplesMilli, targetMilli, specReplicas, down, up, "FailedGetResourceMetric");
  }

  /**
   * {@return a Resource (or ContainerResource) metric with a {@code Utilization} target ({@code GetResourceReplicas})}
   *
   * @param pods the scale target's pods, each with its state, sample and request
   * @param extraSamplesMilli samples the metrics API returned for pods not in the list, in milli-units
   * @param targetUtilization {@code target.averageUtilization}, in percent of the request
   * @param resource the resource name, for the error text ({@code cpu}, {@code memory})
   * @param specReplicas {@code scale.spec.replicas}
   * @param down the scale-down tolerance, such as 0.1
   * @param up the scale-up tolerance, such as 0.1
   */
  public static MetricProposal resourceUtilization(List<PodSample> pods, long[] extraSamplesMilli,
      int targetUtilization, String resource, int specReplicas, double down, double up) {
    final String reason = "FailedGetResourceMetric";
    int n = pods.size();
    if (n == 0) {
      return MetricProposal.failed(reason, NO_PODS);
    }
    Samples s = Samples.of(pods, extraSamplesMilli);
    if (s.count() == 0) {
      return MetricProposal.failed(reason, NO_METRICS);
    }
    long[] requests = new long[n];
    for (int i = 0; i < n; i++) {
      PodSample p = pods.get(i);
      if (p.requestMilli().isEmpty()) {
        return MetricProposal.failed(reason, "missing request for " + resource + " in pod " + i);
      }
      requests[i] = p.requestMilli().getAsLong();
    }
    long[] first = utilization(s, requests, n);
    if (first == null) {
      return MetricProposal.failed(reason, NO_KNOWN_PODS);
    }
    int utilization = (int) first[0];
    long rawAverage = first[1];
    double ratio = (double) utilization / (double) targetUtilization;
    boolean scaleUpWithUnready = s.unready > 0 && ratio > 1.0;
    if (!scaleUpWithUnready && s.missing == 0) {
      int replicas = within(ratio, down, up) ? specReplicas : toInt32(Math.ceil(ratio * s.ready));
      return MetricProposal.ofUtilization(replicas, utilization, rawAverage);
    }
    long fallback = Math.max(100, targetUtilization);
    for (int i = 0; i < n; i++) {
      if (s.state[i] == Samples.MISSING) {
        if (ratio < 1.0) {
          s.set(i, requests[i] * fallback / 100);
        } else if (ratio > 1.0) {
          s.set(i, 0);
        }
      } else if (s.state[i] == Samples.UNREADY && scaleUpWithUnready) {
        s.set(i, 0);
      }
    }
    double newRatio = (double) (int) utilization(s, requests, n)[0] / (double) targetUtilization;
    int replicas = rebalanced(ratio, newRatio, s.count(), specReplicas, down, up);
    return MetricProposal.ofUtilization(replicas, utilization, rawAverage);
  }

  private static MetricProposal value(long usageMilli, long targetMilli, int specReplicas,
      int readyPodCount, int podCount, double down, double up, String reason) {
    double ratio = (double) usageMilli / (double) targetMilli;
    if (specReplicas == 0) {
      return MetricProposal.of(toInt32(Math.ceil(ratio)), usageMilli);
    }
    if (within(ratio, down, up)) {
      return MetricProposal.of(specReplicas, usageMilli);
    }
    if (podCount == 0) {
      return MetricProposal.failed(reason, NO_PODS);
    }
    double x = ratio * readyPodCount;
    return MetricProposal.of(x > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.ceil(x), usageMilli);
  }

  private static MetricProposal plain(List<PodSample> pods, long[] extraSamplesMilli, long targetMilli,
      int specReplicas, double down, double up, String reason) {
    if (pods.isEmpty()) {
      return MetricProposal.failed(reason, NO_PODS);
    }
    Samples s = Samples.of(pods, extraSamplesMilli);
    if (s.count() == 0) {
      return MetricProposal.failed(reason, NO_METRICS);
    }
    long usage = s.sum() / s.count();
    double ratio = (double) usage / (double) targetMilli;
    boolean scaleUpWithUnready = s.unready > 0 && ratio > 1.0;
    if (!scaleUpWithUnready && s.missing == 0) {
      int replicas = within(ratio, down, up) ? specReplicas : toInt32(Math.ceil(ratio * s.ready));
      return MetricProposal.of(replicas, usage);
    }
    for (int i = 0; i < pods.size(); i++) {
      if (s.state[i] == Samples.MISSING) {
        if (ratio < 1.0) {
          s.set(i, targetMilli);
        } else if (ratio > 1.0) {
          s.set(i, 0);
        }
      } else if (s.state[i] == Samples.UNREADY && scaleUpWithUnready) {
        s.set(i, 0);
      }
    }
    double newRatio = (double) (s.sum() / s.count()) / (double) targetMilli;
    return MetricProposal.of(rebalanced(ratio, newRatio, s.count(), specReplicas, down, up), usage);
  }

  /** The conservative re-balanced proposal: never flips direction, never moves against the ratio. */
  private static int rebalanced(double ratio, double newRatio, int samples, int specReplicas,
      double down, double up) {
    if (within(newRatio, down, up) || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
      return specReplicas;
    }
    int replicas = toInt32(Math.ceil(newRatio * samples));
    if ((newRatio < 1.0 && replicas > specReplicas) || (newRatio > 1.0 && replicas < specReplicas)) {
      return specReplicas;
    }
    return replicas;
  }

  /** {utilization, rawAverage} over the samples of known pods, or null when none has a request. */
  private static long[] utilization(Samples s, long[] requests, int pods) {
    long usageTotal = 0;
    long requestTotal = 0;
    int entries = 0;
    for (int i = 0; i < pods; i++) {
      if (s.present[i]) {
        usageTotal += s.value[i];
        requestTotal += requests[i];
        entries++;
      }
    }
    if (requestTotal == 0) {
      return null;
    }
    BigInteger pct = BigInteger.valueOf(usageTotal).multiply(BigInteger.valueOf(100))
        .divide(BigInteger.valueOf(requestTotal));
    long utilization = pct.bitLength() > 31 ? Integer.MAX_VALUE : pct.longValue();
    return new long[] {utilization, usageTotal / entries};
  }

  /** Go's {@code int32(x)} of an in-range double; out of range saturates (undefined in Go). */
  static int toInt32(double x) {
    return (int) x;
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      long next = total + v;
      if (((total ^ next) & (v ^ next)) < 0) {
        return Long.MAX_VALUE;
      }
      total = next;
    }
    return total;
  }

  private static long averageUsage(long usageMilli, int statusReplicas) {
    if (statusReplicas == 0) {
      return 0;
    }
    double avg = (double) usageMilli / statusReplicas;
    if (avg >= 0x1p63) {
      return Long.MAX_VALUE;
    }
    return (long) Math.ceil(avg);
  }

  /** The samples the controller works on: one slot per listed pod, then the superfluous ones. */
  private static final class Samples {
    static final byte USED = 0;
    static final byte MISSING = 1;
    static final byte UNREADY = 2;
    static final byte IGNORED = 3;

    final long[] value;
    final boolean[] present;
    final byte[] state;
    int ready;
    int unready;
    int missing;

    private Samples(int size) {
      value = new long[size];
      present = new boolean[size];
      state = new byte[size];
    }

    static Samples of(List<PodSample> pods, long[] extra) {
      int n = pods.size();
      Samples s = new Samples(n + extra.length);
      for (int i = 0; i < n; i++) {
        PodSample p = pods.get(i);
        if (p.state() == PodState.IGNORED) {
          s.state[i] = IGNORED;
        } else if (p.usageMilli().isEmpty()) {
          // Pending pods are unready before their sample is looked at; the others count as missing
          if (p.state() == PodState.UNREADY) {
            s.state[i] = UNREADY;
            s.unready++;
          } else {
            s.state[i] = MISSING;
            s.missing++;
          }
        } else if (p.state() == PodState.UNREADY) {
          s.state[i] = UNREADY;
          s.unready++;
        } else {
          s.state[i] = USED;
          s.ready++;
          s.set(i, p.usageMilli().getAsLong());
        }
      }
      for (int j = 0; j < extra.length; j++) {
        s.set(n + j, extra[j]);
      }
      return s;
    }

    void set(int i, long v) {
      value[i] = v;
      present[i] = true;
    }

    int count() {
      int c = 0;
      for (boolean p : present) {
        if (p) {
          c++;
        }
      }
      return c;
    }

    long sum() {
      long total = 0;
      for (int i = 0; i < value.length; i++) {
        if (present[i]) {
          total += value[i];
        }
      }
      return total;
    }
  }
}
