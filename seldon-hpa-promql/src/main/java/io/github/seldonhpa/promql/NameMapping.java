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

  /** {@code matches}. Default: "" ({@code .*}). */
  @Value.Default
  public String matches() {
    return "";
  }

  /** {@code as}. Default: "" (see the type's description). */
  @Value.Default
  public String as() {
    return "";
  }

  /** {@code matches: <matches>, as: <as>}. */
  public static NameMapping of(String matches, String as) {
    return builder().matches(matches).as(as).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NameMapping}. */
  public static class Builder extends ImmutableNameMapping.Builder {}
}
