package io.github.seldonhpa.promql;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * {@code resourceRules} of an adapter config: the cpu and memory rules serving {@code metrics.k8s.io} and
 * the {@code window} they report. The window is written as a Prometheus duration (see {@link
 * PrometheusDuration}); range: positive, whole milliseconds.
 */
@Value.Immutable
public abstract class ResourceRules {
  ResourceRules() {}

  /** {@return {@code cpu}} */
  public abstract ResourceRule cpu();

  /** {@return {@code memory}} */
  public abstract ResourceRule memory();

  /** {@return {@code window}, e.g. 5m} */
  public abstract Duration window();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableResourceRules.builder();
  }

  /** Builds {@link ResourceRules}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ResourceRules} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(ResourceRules instance);

    /**
     * Initializes the value for the {@link ResourceRules#cpu() cpu} attribute.
     * @param cpu The value for cpu 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder cpu(ResourceRule cpu);

    /**
     * Initializes the value for the {@link ResourceRules#memory() memory} attribute.
     * @param memory The value for memory 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder memory(ResourceRule memory);

    /**
     * Initializes the value for the {@link ResourceRules#window() window} attribute.
     * @param window The value for window 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder window(Duration window);

    /**
     * Builds a new {@link ResourceRules ResourceRules}.
     * @return An immutable instance of ResourceRules
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract ResourceRules build();

}

  @Value.Check
  final void check() {
    Checks.check(!window().isNegative() && !window().isZero() && window().getNano() % 1_000_000 == 0,
        "resourceRules.window must be positive whole milliseconds (was %s)", window());
  }
}
