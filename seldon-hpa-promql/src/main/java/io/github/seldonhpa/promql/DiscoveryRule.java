package io.github.seldonhpa.promql;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One adapter rule ({@code rules[*]} or {@code externalRules[*]}): which series to discover
 * ({@code seriesQuery}, {@code seriesFilters}), which resources they describe ({@code resources}), the API
 * name ({@code name}) and the PromQL template ({@code metricsQuery}, Go template with {@code << >>}).
 */
@Value.Immutable
public abstract class DiscoveryRule {
  DiscoveryRule() {}

  /** {@return {@code seriesQuery}: sent verbatim as {@code match[]} to {@code /api/v1/series}} */
  public abstract String seriesQuery();

  /** {@return {@code seriesFilters}, applied in order} Default: none. */
  public abstract List<SeriesFilter> seriesFilters();

  /** {@return {@code resources}} Default: no overrides, no template. */
  @Value.Default
  public ResourceMapping resources() {
    return ResourceMapping.none();
  }

  /** {@return {@code name}} Default: absent (the series name is the metric name). */
  public abstract Optional<NameMapping> name();

  /**
   * {@return {@code metricsQuery}: the query template} Default: "" (allowed at load; every query then fails with
   * {@code empty query produced by metrics query template}).
   */
  @Value.Default
  public String metricsQuery() {
    return "";
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableDiscoveryRule.builder();
  }

  /** Builds {@link DiscoveryRule}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the DiscoveryRule whose values are copied
     * @return this builder
     */
    public abstract Builder from(DiscoveryRule instance);

    /**
     * Sets {@link DiscoveryRule#seriesQuery()}.
     *
     * @param seriesQuery {@code seriesQuery}: sent verbatim as {@code match[]} to {@code /api/v1/series}
     * @return this builder
     */
    public abstract Builder seriesQuery(String seriesQuery);

    /**
     * Adds one element to {@link DiscoveryRule#seriesFilters()}.
     *
     * @param element the element to append; the list is {@code seriesFilters}, applied in order. Default: none
     * @return this builder
     */
    public abstract Builder addSeriesFilter(SeriesFilter element);

    /**
     * Adds elements to {@link DiscoveryRule#seriesFilters()}.
     *
     * @param elements the elements to append, in order; the list is {@code seriesFilters}, applied in order. Default:
     *     none
     * @return this builder
     */
    public abstract Builder addSeriesFilters(SeriesFilter... elements);

    /**
     * Replaces {@link DiscoveryRule#seriesFilters()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is {@code seriesFilters},
     *     applied in order. Default: none
     * @return this builder
     */
    public abstract Builder seriesFilters(Iterable<? extends SeriesFilter> elements);

    /**
     * Adds elements to {@link DiscoveryRule#seriesFilters()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code seriesFilters}, applied in order.
     *     Default: none
     * @return this builder
     */
    public abstract Builder addAllSeriesFilters(Iterable<? extends SeriesFilter> elements);

    /**
     * Sets {@link DiscoveryRule#resources()}.
     *
     * @param resources {@code resources}. Default: no overrides, no template
     * @return this builder
     */
    public abstract Builder resources(ResourceMapping resources);

    /**
     * Sets {@link DiscoveryRule#name()}.
     *
     * @param name {@code name}. Default: absent (the series name is the metric name)
     * @return this builder
     */
    public abstract Builder name(NameMapping name);

    /**
     * Sets or clears {@link DiscoveryRule#name()}.
     *
     * @param name the value, or empty to clear it; {@code name}. Default: absent (the series name is the metric name)
     * @return this builder
     */
    public abstract Builder name(Optional<? extends NameMapping> name);

    /**
     * Sets {@link DiscoveryRule#metricsQuery()}.
     *
     * @param metricsQuery {@code metricsQuery}: the query template. Default: "" (allowed at load; every query then
     *     fails with {@code empty query produced by metrics query template})
     * @return this builder
     */
    public abstract Builder metricsQuery(String metricsQuery);

    /**
     * Builds the {@link DiscoveryRule}, checking every rule of its fields.
     *
     * @return the DiscoveryRule
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract DiscoveryRule build();
  }
}
