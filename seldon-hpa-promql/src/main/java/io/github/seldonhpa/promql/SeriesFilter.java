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

  /** {@return {@code is}: series names must match} */
  public abstract Optional<String> is();

  /** {@return {@code isNot}: series names must not match} */
  public abstract Optional<String> isNot();

  /**
   * {@return {@code is: <regexp>}}
   *
   * @param regexp a Go RE2 regexp a series name must match to be kept
   */
  public static SeriesFilter is(String regexp) {
    return builder().is(regexp).build();
  }

  /**
   * {@return {@code isNot: <regexp>}}
   *
   * @param regexp a Go RE2 regexp a series name must not match to be kept
   */
  public static SeriesFilter isNot(String regexp) {
    return builder().isNot(regexp).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableSeriesFilter.builder();
  }

  /** Builds {@link SeriesFilter}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code SeriesFilter} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(SeriesFilter instance);

    /**
     * Initializes the optional value {@link SeriesFilter#is() is} to is.
     * @param is The value for is
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder is(String is);

    /**
     * Initializes the optional value {@link SeriesFilter#is() is} to is.
     * @param is The value for is
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder is(Optional<String> is);

    /**
     * Initializes the optional value {@link SeriesFilter#isNot() not} to not.
     * @param not The value for not
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder not(String not);

    /**
     * Initializes the optional value {@link SeriesFilter#isNot() not} to not.
     * @param not The value for not
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder not(Optional<String> not);

    /**
     * Builds a new {@link SeriesFilter SeriesFilter}.
     * @return An immutable instance of SeriesFilter
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract SeriesFilter build();

    /**
     * Sets {@code isNot} (the generated setter drops the {@code is} prefix as for any accessor).
     *
     * @param regexp a Go RE2 regexp a series name must not match to be kept
     * @return this builder
     */
    public final Builder isNot(String regexp) {
      return not(regexp);
    }

    /**
     * Sets or clears {@code isNot}.
     *
     * @param regexp the regular expression, or empty for none
     * @return this builder
     */
    public final Builder isNot(Optional<String> regexp) {
      return not(regexp);
    }
  }
}
