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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the SeriesFilter whose values are copied
     * @return this builder
     */
    public abstract Builder from(SeriesFilter instance);

    /**
     * Sets {@link SeriesFilter#is()}.
     *
     * @param is {@code is}: series names must match
     * @return this builder
     */
    public abstract Builder is(String is);

    /**
     * Sets or clears {@link SeriesFilter#is()}.
     *
     * @param is the value, or empty to clear it; {@code is}: series names must match
     * @return this builder
     */
    public abstract Builder is(Optional<String> is);

    /**
     * Sets {@link SeriesFilter#isNot()}.
     *
     * @param not {@code isNot}: series names must not match
     * @return this builder
     */
    public abstract Builder not(String not);

    /**
     * Sets or clears {@link SeriesFilter#isNot()}.
     *
     * @param not the value, or empty to clear it; {@code isNot}: series names must not match
     * @return this builder
     */
    public abstract Builder not(Optional<String> not);

    /**
     * Builds the {@link SeriesFilter}, checking every rule of its fields.
     *
     * @return the SeriesFilter
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
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
