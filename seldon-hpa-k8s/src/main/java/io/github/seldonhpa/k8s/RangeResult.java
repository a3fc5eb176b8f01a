package io.github.seldonhpa.k8s;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.scaling.RpsTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The matrix of a {@link PrometheusClient#queryRange} call: one {@link RangeSeries} per label set, and the
 * traces the series make: the RPS the plan's metric saw, per model, as the simulator and the planner read it.
 */
public final class RangeResult {
  /** Prometheus' limit on the points of one series in a range query. */
  public static final int MAX_POINTS_PER_SERIES = 11_000;

  private final String query;
  private final Instant start;
  private final Instant end;
  private final Duration step;
  private final List<RangeSeries> series;
  private final List<String> warnings;

  RangeResult(String query, Instant start, Instant end, Duration step, List<RangeSeries> series, List<String> warnings) {
    this.query = query;
    this.start = start;
    this.end = end;
    this.step = step;
    this.series = Collections.unmodifiableList(series);
    this.warnings = Collections.unmodifiableList(warnings);
  }

  /** {@return the PromQL that ran} */
  public String query() {
    return query;
  }

  /** {@return the range's start} */
  public Instant start() {
    return start;
  }

  /** {@return the range's end} */
  public Instant end() {
    return end;
  }

  /** {@return the resolution} */
  public Duration step() {
    return step;
  }

  /** {@return the series, in Prometheus' order} */
  public List<RangeSeries> series() {
    return series;
  }

  /** {@return Prometheus' warnings} */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * {@return the series whose label {@code label} is {@code value}}
   *
   * @param label the label name, such as {@code model}
   * @param value the label value, such as {@code irisa0}
   */
  public Optional<RangeSeries> seriesWith(String label, String value) {
    return series.stream().filter(s -> value.equals(s.labels().get(label))).findFirst();
  }

  /**
   * {@return one trace per value of {@code label} (e.g. {@code model}), by that value in the series' order: its points
   * at seconds since {@link #start()}, linear between them, lasting until {@link #end()}}
   *
   * @param label the label whose values key the map, such as {@code model}
   * @throws HpaValidationException when a series lacks the label, two series share its value, or a series
   *     has a negative, NaN or infinite point (a rate is never any of those)
   */
  public Map<String, RpsTrace> tracesBy(String label) {
    Map<String, RpsTrace> out = new LinkedHashMap<>();
    for (RangeSeries s : series) {
      String value = s.labels().get(label);
      if (value == null) {
        throw new HpaValidationException("series " + s.labels() + " must have the label " + label
            + " to name its trace (was missing); group the query by " + label);
      }
      if (out.containsKey(value)) {
        throw new HpaValidationException("series label " + label + " must be unique per series (was " + value
            + " twice); group the query by " + label);
      }
      out.put(value, s.toTrace(start, end));
    }
    return out;
  }
}
