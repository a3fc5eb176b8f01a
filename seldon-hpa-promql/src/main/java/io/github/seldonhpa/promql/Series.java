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
   * @param name the series name ({@code __name__}), such as {@code seldon_model_infer_total}
   * @param labels the series labels, without {@code __name__}
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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Series whose values are copied
     * @return this builder
     */
    public abstract Builder from(Series instance);

    /**
     * Sets {@link Series#name()}.
     *
     * @param name the metric name, e.g. {@code seldon_model_infer_total}
     * @return this builder
     */
    public abstract Builder name(String name);

    /**
     * Puts one entry into {@link Series#labels()}; a key put again takes the new value.
     *
     * @param key the key
     * @param value the value; the map is the labels other than {@code __name__}
     * @return this builder
     */
    public abstract Builder putLabel(String key, String value);

    /**
     * Puts one entry into {@link Series#labels()}; a key put again takes the new value.
     *
     * @param entry the key and value; the map is the labels other than {@code __name__}
     * @return this builder
     */
    public abstract Builder putLabel(Map.Entry<String, ? extends String> entry);

    /**
     * Replaces {@link Series#labels()}.
     *
     * @param entries the new entries, in iteration order (empty clears the map); the map is the labels other than
     *     {@code __name__}
     * @return this builder
     */
    public abstract Builder labels(Map<String, ? extends String> entries);

    /**
     * Puts every entry of {@code entries} into {@link Series#labels()}, keeping the others.
     *
     * @param entries the entries, in iteration order; the map is the labels other than {@code __name__}
     * @return this builder
     */
    public abstract Builder putAllLabels(Map<String, ? extends String> entries);

    /**
     * Builds the {@link Series}, checking every rule of its fields.
     *
     * @return the Series
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract Series build();
  }
}
