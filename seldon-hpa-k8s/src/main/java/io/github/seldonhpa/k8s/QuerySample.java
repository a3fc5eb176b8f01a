package io.github.seldonhpa.k8s;

import java.time.Instant;
import java.util.Map;
import org.immutables.value.Value;

/** One sample of a Prometheus instant vector: the series' labels, its value and the evaluation time. */
@Value.Immutable
public abstract class QuerySample {
  QuerySample() {}

  /** {@return the sample's labels in name order, without {@code __name__} when the query aggregated it away} */
  public abstract Map<String, String> labels();

  /** {@return the value; {@code NaN} and the infinities are kept as Prometheus sends them} */
  public abstract double value();

  /** {@return the sample's timestamp: the query's evaluation time, to the millisecond} */
  public abstract Instant timestamp();

  static QuerySample of(Map<String, String> labels, double value, Instant timestamp) {
    return ImmutableQuerySample.builder().putAllLabels(labels).value(value).timestamp(timestamp).build();
  }
}
