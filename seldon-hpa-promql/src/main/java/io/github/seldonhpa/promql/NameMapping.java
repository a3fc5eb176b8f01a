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
   * @param matches a Go RE2 regexp searched (unanchored) in the series name, such as {@code ^(.*)_total$}; "" means
   *     {@code .*}
   * @param as the API metric name as a {@code Regexp.Expand} template, such as {@code ${1}_per_second}; "" means {@code
   *     $0} without a capture group, {@code $1} with one
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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the NameMapping whose values are copied
     * @return this builder
     */
    public abstract Builder from(NameMapping instance);

    /**
     * Sets {@link NameMapping#matches()}.
     *
     * @param matches {@code matches}. Default: "" ({@code .*})
     * @return this builder
     */
    public abstract Builder matches(String matches);

    /**
     * Sets {@link NameMapping#as()}.
     *
     * @param as {@code as}. Default: "" (see the type's description)
     * @return this builder
     */
    public abstract Builder as(String as);

    /**
     * Builds the {@link NameMapping}, checking every rule of its fields.
     *
     * @return the NameMapping
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract NameMapping build();
  }
}
