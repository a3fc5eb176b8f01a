package io.github.seldonhpa.k8s;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The non-empty instant vector Prometheus returned for one query at one evaluation time
 * ({@code /api/v1/query}), as prometheus-adapter receives it.
 */
@Value.Immutable
public abstract class QueryResult {
  QueryResult() {}

  /** {@return the PromQL that was run} */
  public abstract String query();

  /** {@return the evaluation time sent with the query} */
  public abstract Instant time();

  /** {@return the result vector in Prometheus' order; never empty} */
  public abstract List<QuerySample> samples();

  /** {@return Prometheus' {@code warnings}, if it sent any} */
  public abstract List<String> warnings();

  /**
   * {@return the sample value prometheus-adapter takes for the object whose resource label {@code label} is
   * {@code value} (e.g. {@code model}, {@code irisa0}): the last sample with that label value, as the
   * adapter takes the last when several match} The adapter then reports it in milli-units, truncated, and
   * NaN as 0. Empty when no sample matches, which the adapter reports as "metric not found".
   *
   * @param label the label name, such as {@code model}
   * @param value the label value, such as {@code irisa0}
   */
  public OptionalDouble valueOf(String label, String value) {
    OptionalDouble found = OptionalDouble.empty();
    for (QuerySample s : samples()) {
      if (value.equals(s.labels().get(label))) {
        found = OptionalDouble.of(s.value());
      }
    }
    return found;
  }

  static QueryResult of(String query, Instant time, List<QuerySample> samples, List<String> warnings) {
    return ImmutableQueryResult.builder()
        .query(query)
        .time(time)
        .addAllSamples(samples)
        .addAllWarnings(warnings)
        .build();
  }
}
