package io.github.seldonhpa.promql;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code seriesFilters} entry of an adapter rule: keep series whose name matches ({@code is}) or does
 * not match ({@code isNot}) a Go RE2 regexp, unanchored. Exactly one of the two must be non-empty;
 * {@link AdapterConfig#validate()} reports the adapter's error otherwise.
 */
@Value.Immutable
public abstract class SeriesFilter {
  SeriesFilter() {}

  /** {@code is}: series names must match. */
  public abstract Optional<String> is();

  /** {@code isNot}: series names must not match. */
  public abstract Optional<String> isNot();

  /** {@code is: <regexp>}. */
  public static SeriesFilter is(String regexp) {
    return builder().is(regexp).build();
  }

  /** {@code isNot: <regexp>}. */
  public static SeriesFilter isNot(String regexp) {
    return builder().isNot(regexp).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SeriesFilter}. */
  public static class Builder extends ImmutableSeriesFilter.Builder {
    /** Sets {@code isNot} (the generated setter drops the {@code is} prefix as for any accessor). */
    public final Builder isNot(String regexp) {
      return not(regexp);
    }

    /** Sets or clears {@code isNot}. */
    public final Builder isNot(Optional<String> regexp) {
      return not(regexp);
    }
  }
}
