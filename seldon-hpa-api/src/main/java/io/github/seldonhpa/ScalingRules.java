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
     * Fill a builder with attribute values from the provided {@code ScalingRules} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(ScalingRules instance);

    /**
     * Initializes the optional value {@link ScalingRules#stabilizationWindow() stabilizationWindow} to stabilizationWindow.
     * @param stabilizationWindow The value for stabilizationWindow
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder stabilizationWindow(Duration stabilizationWindow);

    /**
     * Initializes the optional value {@link ScalingRules#stabilizationWindow() stabilizationWindow} to stabilizationWindow.
     * @param stabilizationWindow The value for stabilizationWindow
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder stabilizationWindow(Optional<? extends Duration> stabilizationWindow);

    /**
     * Initializes the optional value {@link ScalingRules#selectPolicy() selectPolicy} to selectPolicy.
     * @param selectPolicy The value for selectPolicy
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder selectPolicy(ScalingRules.SelectPolicy selectPolicy);

    /**
     * Initializes the optional value {@link ScalingRules#selectPolicy() selectPolicy} to selectPolicy.
     * @param selectPolicy The value for selectPolicy
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder selectPolicy(Optional<? extends ScalingRules.SelectPolicy> selectPolicy);

    /**
     * Adds one element to {@link ScalingRules#policies() policies} list.
     * @param element A policies element
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addPolicy(ScalingPolicy element);

    /**
     * Adds elements to {@link ScalingRules#policies() policies} list.
     * @param elements An array of policies elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addPolicies(ScalingPolicy... elements);

    /**
     * Sets or replaces all elements for {@link ScalingRules#policies() policies} list.
     * @param elements An iterable of policies elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder policies(Iterable<? extends ScalingPolicy> elements);

    /**
     * Adds elements to {@link ScalingRules#policies() policies} list.
     * @param elements An iterable of policies elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addAllPolicies(Iterable<? extends ScalingPolicy> elements);

    /**
     * Initializes the optional value {@link ScalingRules#tolerance() tolerance} to tolerance.
     * @param tolerance The value for tolerance
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder tolerance(Quantity tolerance);

    /**
     * Initializes the optional value {@link ScalingRules#tolerance() tolerance} to tolerance.
     * @param tolerance The value for tolerance
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder tolerance(Optional<? extends Quantity> tolerance);

    /**
     * Builds a new {@link ScalingRules ScalingRules}.
     * @return An immutable instance of ScalingRules
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
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
