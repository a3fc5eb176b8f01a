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

  /** {@return the metric name, e.g. {@code seldon_model_infer_total}} */
  public abstract String name();

  /** {@return the labels other than {@code __name__}} */
  public abstract Map<String, String> labels();

  /**
   * {@return the series {@code name} with {@code labels}}
   *
   * @param labels the series labels, without {@code __name__}
   * @param name the series name ({@code __name__}), such as {@code seldon_model_infer_total}
   */
  public static Series of(String name, Map<String, String> labels) {
    return builder().name(name).putAllLabels(labels).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableSeries.builder();
  }

  /** Builds {@link Series}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Series} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Series instance);

    /**
     * Initializes the value for the {@link Series#name() name} attribute.
     * @param name The value for name 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder name(String name);

    /**
     * Put one entry to the {@link Series#labels() labels} map.
     * @param key The key in the labels map
     * @param value The associated value in the labels map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putLabel(String key, String value);

    /**
     * Put one entry to the {@link Series#labels() labels} map. Nulls are not permitted
     * @param entry The key and value entry
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putLabel(Map.Entry<String, ? extends String> entry);

    /**
     * Sets or replaces all mappings from the specified map as entries for the {@link Series#labels() labels} map. Nulls are not permitted
     * @param entries The entries that will be added to the labels map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder labels(Map<String, ? extends String> entries);

    /**
     * Put all mappings from the specified map as entries to {@link Series#labels() labels} map. Nulls are not permitted
     * @param entries The entries that will be added to the labels map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putAllLabels(Map<String, ? extends String> entries);

    /**
     * Builds a new {@link Series Series}.
     * @return An immutable instance of Series
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract Series build();
  }
}
