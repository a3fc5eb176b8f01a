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
     * Fill a builder with attribute values from the provided {@code DiscoveryRule} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(DiscoveryRule instance);

    /**
     * Initializes the value for the {@link DiscoveryRule#seriesQuery() seriesQuery} attribute.
     * @param seriesQuery The value for seriesQuery 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder seriesQuery(String seriesQuery);

    /**
     * Adds one element to {@link DiscoveryRule#seriesFilters() seriesFilters} list.
     * @param element A seriesFilters element
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addSeriesFilter(SeriesFilter element);

    /**
     * Adds elements to {@link DiscoveryRule#seriesFilters() seriesFilters} list.
     * @param elements An array of seriesFilters elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addSeriesFilters(SeriesFilter... elements);

    /**
     * Sets or replaces all elements for {@link DiscoveryRule#seriesFilters() seriesFilters} list.
     * @param elements An iterable of seriesFilters elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder seriesFilters(Iterable<? extends SeriesFilter> elements);

    /**
     * Adds elements to {@link DiscoveryRule#seriesFilters() seriesFilters} list.
     * @param elements An iterable of seriesFilters elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addAllSeriesFilters(Iterable<? extends SeriesFilter> elements);

    /**
     * Initializes the value for the {@link DiscoveryRule#resources() resources} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryRule#resources() resources}.</em>
     * @param resources The value for resources 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder resources(ResourceMapping resources);

    /**
     * Initializes the optional value {@link DiscoveryRule#name() name} to name.
     * @param name The value for name
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder name(NameMapping name);

    /**
     * Initializes the optional value {@link DiscoveryRule#name() name} to name.
     * @param name The value for name
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder name(Optional<? extends NameMapping> name);

    /**
     * Initializes the value for the {@link DiscoveryRule#metricsQuery() metricsQuery} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryRule#metricsQuery() metricsQuery}.</em>
     * @param metricsQuery The value for metricsQuery 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metricsQuery(String metricsQuery);

    /**
     * Builds a new {@link DiscoveryRule DiscoveryRule}.
     * @return An immutable instance of DiscoveryRule
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract DiscoveryRule build();
  }
}
