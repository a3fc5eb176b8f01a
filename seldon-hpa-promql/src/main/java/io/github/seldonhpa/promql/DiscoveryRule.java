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

  /** {@code seriesQuery}: sent verbatim as {@code match[]} to {@code /api/v1/series}. */
  public abstract String seriesQuery();

  /** {@code seriesFilters}, applied in order. Default: none. */
  public abstract List<SeriesFilter> seriesFilters();

  /** {@code resources}. Default: no overrides, no template. */
  @Value.Default
  public ResourceMapping resources() {
    return ResourceMapping.none();
  }

  /** {@code name}. Default: absent (the series name is the metric name). */
  public abstract Optional<NameMapping> name();

  /**
   * {@code metricsQuery}: the query template. Default: "" (allowed at load; every query then fails with
   * {@code empty query produced by metrics query template}).
   */
  @Value.Default
  public String metricsQuery() {
    return "";
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DiscoveryRule}. */
  public static class Builder extends ImmutableDiscoveryRule.Builder {}
}
