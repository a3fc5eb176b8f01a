package io.github.seldonhpa.promql;

import org.immutables.value.Value;

/**
 * The {@code name} of an adapter rule: {@code matches}, a Go RE2 regexp searched (unanchored) in the
 * series name, and {@code as}, its Go {@code Regexp.Expand} template giving the API metric name.
 * Default: {@code matches} "" (meaning {@code .*}), {@code as} "" (meaning {@code $0} with no capture
 * group, {@code $1} with one; required with two or more).
 */
@Value.Immutable
public abstract class NameMapping {
  NameMapping() {}

  /** {@return {@code matches}} Default: "" ({@code .*}). */
  @Value.Default
  public String matches() {
    return "";
  }

  /** {@return {@code as}} Default: "" (see the type's description). */
  @Value.Default
  public String as() {
    return "";
  }

  /**
   * {@return {@code matches: <matches>, as: <as>}}
   *
   * @param as the API metric name as a {@code Regexp.Expand} template, such as {@code ${1}_per_second}; "" means {@code
   *     $0} without a capture group, {@code $1} with one
   * @param matches a Go RE2 regexp searched (unanchored) in the series name, such as {@code ^(.*)_total$}; "" means
   *     {@code .*}
   */
  public static NameMapping of(String matches, String as) {
    return builder().matches(matches).as(as).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableNameMapping.builder();
  }

  /** Builds {@link NameMapping}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code NameMapping} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(NameMapping instance);

    /**
     * Initializes the value for the {@link NameMapping#matches() matches} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link NameMapping#matches() matches}.</em>
     * @param matches The value for matches 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder matches(String matches);

    /**
     * Initializes the value for the {@link NameMapping#as() as} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link NameMapping#as() as}.</em>
     * @param as The value for as 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder as(String as);

    /**
     * Builds a new {@link NameMapping NameMapping}.
     * @return An immutable instance of NameMapping
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract NameMapping build();
  }
}
