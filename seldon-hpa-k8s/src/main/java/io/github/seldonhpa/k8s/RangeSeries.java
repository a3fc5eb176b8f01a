package io.github.seldonhpa.k8s;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.scaling.RpsTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;

/** One series of a {@link RangeResult}: its labels and its points (epoch milliseconds and values). */
public final class RangeSeries {
  private final Map<String, String> labels;
  private final long[] times;
  private final double[] values;

  RangeSeries(Map<String, String> labels, long[] times, double[] values) {
    this.labels = Collections.unmodifiableMap(labels);
    this.times = times;
    this.values = values;
  }

  /** {@return the labels, sorted by name} */
  public Map<String, String> labels() {
    return labels;
  }

  /** {@return how many points} */
  public int size() {
    return times.length;
  }

  /**
   * {@return the time of point {@code i}}
   *
   * @param i the point's index, from 0 to {@code size() - 1}
   */
  public Instant time(int i) {
    return Instant.ofEpochMilli(times[i]);
  }

  /**
   * {@return the value of point {@code i}}
   *
   * @param i the point's index, from 0 to {@code size() - 1}
   */
  public double value(int i) {
    return values[i];
  }

  /** The points as a trace from {@code start} to {@code end}. */
  RpsTrace toTrace(Instant start, Instant end) {
    double[] seconds = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      if (!(values[i] >= 0 && values[i] < Double.POSITIVE_INFINITY)) {
        throw new HpaValidationException("series " + labels + " point at " + time(i)
            + " must be a finite rate >= 0 (was " + values[i] + ")");
      }
      seconds[i] = (times[i] - start.toEpochMilli()) / 1000.0;
    }
    long ms = Math.max(1, Duration.between(start, end).toMillis());
    return RpsTrace.points(seconds, Arrays.copyOf(values, values.length), Duration.ofMillis(ms));
  }
}
