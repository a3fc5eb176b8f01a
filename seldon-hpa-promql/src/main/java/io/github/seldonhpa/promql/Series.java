package io.github.seldonhpa.promql;

import java.util.Map;
import org.immutables.value.Value;

/**
 * One Prometheus series as {@code /api/v1/series} returns it: the metric {@code name} ({@code __name__})
 * and its other {@code labels}, insertion order kept. Discovery reads only the label names.
 */
@Value.Immutable
public abstract class Series {
  Series() {}

  /** The metric name, e.g. {@code seldon_model_infer_total}. */
  public abstract String name();

  /** The labels other than {@code __name__}. */
  public abstract Map<String, String> labels();

  /** The series {@code name} with {@code labels}. */
  public static Series of(String name, Map<String, String> labels) {
    return builder().name(name).putAllLabels(labels).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Series}. */
  public static class Builder extends ImmutableSeries.Builder {}
}
