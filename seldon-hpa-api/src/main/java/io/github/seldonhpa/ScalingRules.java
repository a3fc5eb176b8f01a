package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.internal.HpaRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The HPA scaling rules for one direction ({@code spec.behavior.scaleUp} or {@code scaleDown}). Every
 * attribute is optional: an unset one takes the Kubernetes default for its direction and is omitted
 * from YAML.
 */
@Value.Immutable
public abstract class ScalingRules {
  /** How the policies combine ({@code selectPolicy}). */
  public enum SelectPolicy {
    /** The policy that allows the largest change ({@code Max}). */
    MAX("Max"),
    /** The policy that allows the smallest change ({@code Min}). */
    MIN("Min"),
    /** No scaling in this direction ({@code Disabled}). */
    DISABLED("Disabled");

    private final String yaml;

    SelectPolicy(String yaml) {
      this.yaml = yaml;
    }

    /** {@return the spelling in YAML: {@code Max}, {@code Min} or {@code Disabled}} */
    public String yamlName() {
      return yaml;
    }

    /**
     * {@return the select policy spelled as in YAML}
     *
     * @param field the YAML path of the value, named in the error message
     * @param value the select policy as written in YAML, such as {@code Max}
     * @throws HpaValidationException for any other spelling
     */
    public static SelectPolicy fromYaml(String field, String value) {
      return Checks.yamlConstant(field, value, values(), SelectPolicy::yamlName);
    }
  }

  ScalingRules() {}

  /**
   * {@return {@code stabilizationWindowSeconds}} Range: 0..3600 s, whole seconds. Default: 0 for scale-up, 300 s
   * for scale-down.
   */
  public abstract Optional<Duration> stabilizationWindow();

  /** {@return {@code selectPolicy}} Default: Max. */
  public abstract Optional<SelectPolicy> selectPolicy();

  /**
   * {@return {@code policies}} Default (when empty): scale-up Pods 4 and Percent 100 per 15 s; scale-down
   * Percent 100 per 15 s.
   */
  public abstract List<ScalingPolicy> policies();

  /**
   * {@return {@code tolerance}: the relative change of the metric ratio ignored in this direction} Range:
   * &gt;= 0. Default: the controller's tolerance (0.1).
   */
  public abstract Optional<Quantity> tolerance();

  /** {@return a builder; see {@link SeldonHpa#scalingRules()}} */
  public static Builder builder() {
    return ImmutableScalingRules.builder();
  }

  /** Builds {@link ScalingRules}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the ScalingRules whose values are copied
     * @return this builder
     */
    public abstract Builder from(ScalingRules instance);

    /**
     * Sets {@link ScalingRules#stabilizationWindow()}.
     *
     * @param stabilizationWindow {@code stabilizationWindowSeconds}. Range: 0..3600 s, whole seconds. Default: 0 for
     *     scale-up, 300 s for scale-down
     * @return this builder
     */
    public abstract Builder stabilizationWindow(Duration stabilizationWindow);

    /**
     * Sets or clears {@link ScalingRules#stabilizationWindow()}.
     *
     * @param stabilizationWindow the value, or empty to clear it; {@code stabilizationWindowSeconds}. Range: 0..3600 s,
     *     whole seconds. Default: 0 for scale-up, 300 s for scale-down
     * @return this builder
     */
    public abstract Builder stabilizationWindow(Optional<? extends Duration> stabilizationWindow);

    /**
     * Sets {@link ScalingRules#selectPolicy()}.
     *
     * @param selectPolicy {@code selectPolicy}. Default: Max
     * @return this builder
     */
    public abstract Builder selectPolicy(ScalingRules.SelectPolicy selectPolicy);

    /**
     * Sets or clears {@link ScalingRules#selectPolicy()}.
     *
     * @param selectPolicy the value, or empty to clear it; {@code selectPolicy}. Default: Max
     * @return this builder
     */
    public abstract Builder selectPolicy(Optional<? extends ScalingRules.SelectPolicy> selectPolicy);

    /**
     * Adds one element to {@link ScalingRules#policies()}.
     *
     * @param element the element to append; the list is {@code policies}. Default (when empty): scale-up Pods 4 and
     *     Percent 100 per 15 s; scale-down Percent 100 per 15 s
     * @return this builder
     */
    public abstract Builder addPolicy(ScalingPolicy element);

    /**
     * Adds elements to {@link ScalingRules#policies()}.
     *
     * @param elements the elements to append, in order; the list is {@code policies}. Default (when empty): scale-up
     *     Pods 4 and Percent 100 per 15 s; scale-down Percent 100 per 15 s
     * @return this builder
     */
    public abstract Builder addPolicies(ScalingPolicy... elements);

    /**
     * Replaces {@link ScalingRules#policies()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is {@code policies}.
     *     Default (when empty): scale-up Pods 4 and Percent 100 per 15 s; scale-down Percent 100 per 15 s
     * @return this builder
     */
    public abstract Builder policies(Iterable<? extends ScalingPolicy> elements);

    /**
     * Adds elements to {@link ScalingRules#policies()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code policies}. Default (when empty):
     *     scale-up Pods 4 and Percent 100 per 15 s; scale-down Percent 100 per 15 s
     * @return this builder
     */
    public abstract Builder addAllPolicies(Iterable<? extends ScalingPolicy> elements);

    /**
     * Sets {@link ScalingRules#tolerance()}.
     *
     * @param tolerance {@code tolerance}: the relative change of the metric ratio ignored in this direction. Range:
     *     &gt;= 0. Default: the controller's tolerance (0.1)
     * @return this builder
     */
    public abstract Builder tolerance(Quantity tolerance);

    /**
     * Sets or clears {@link ScalingRules#tolerance()}.
     *
     * @param tolerance the value, or empty to clear it; {@code tolerance}: the relative change of the metric ratio
     *     ignored in this direction. Range: &gt;= 0. Default: the controller's tolerance (0.1)
     * @return this builder
     */
    public abstract Builder tolerance(Optional<? extends Quantity> tolerance);

    /**
     * Builds the {@link ScalingRules}, checking every rule of its fields.
     *
     * @return the ScalingRules
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract ScalingRules build();

}

  /** {@return {@code stabilizationWindowSeconds} as written in YAML, when set} */
  public final Optional<Integer> stabilizationWindowSeconds() {
    return stabilizationWindow().map(d -> (int) d.getSeconds());
  }

  @Value.Check
  final void check() {
    stabilizationWindow().ifPresent(w -> {
      Checks.wholeSeconds("stabilizationWindowSeconds", w);
      HpaRule.STABILIZATION_WINDOW.require(HpaRule.windowOk(w.getSeconds()), "stabilizationWindowSeconds",
          w.getSeconds());
    });
    tolerance().ifPresent(t -> HpaRule.TOLERANCE.require(t.signum() >= 0, "tolerance", t));
  }
}
