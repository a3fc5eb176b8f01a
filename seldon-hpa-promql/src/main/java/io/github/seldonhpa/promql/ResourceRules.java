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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the ResourceRules whose values are copied
     * @return this builder
     */
    public abstract Builder from(ResourceRules instance);

    /**
     * Sets {@link ResourceRules#cpu()}.
     *
     * @param cpu {@code cpu}
     * @return this builder
     */
    public abstract Builder cpu(ResourceRule cpu);

    /**
     * Sets {@link ResourceRules#memory()}.
     *
     * @param memory {@code memory}
     * @return this builder
     */
    public abstract Builder memory(ResourceRule memory);

    /**
     * Sets {@link ResourceRules#window()}.
     *
     * @param window {@code window}, e.g. 5m
     * @return this builder
     */
    public abstract Builder window(Duration window);

    /**
     * Builds the {@link ResourceRules}, checking every rule of its fields.
     *
     * @return the ResourceRules
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract ResourceRules build();

}

  @Value.Check
  final void check() {
    Checks.check(!window().isNegative() && !window().isZero() && window().getNano() % 1_000_000 == 0,
        "resourceRules.window must be positive whole milliseconds (was %s)", window());
  }
}
