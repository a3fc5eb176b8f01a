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

    /** The spelling in YAML: {@code Max}, {@code Min} or {@code Disabled}. */
    public String yamlName() {
      return yaml;
    }

    /**
     * The select policy spelled as in YAML.
     *
     * @throws HpaValidationException for any other spelling
     */
    public static SelectPolicy fromYaml(String field, String value) {
      return Checks.yamlConstant(field, value, values(), SelectPolicy::yamlName);
    }
  }

  ScalingRules() {}

  /**
   * {@code stabilizationWindowSeconds}. Range: 0..3600 s, whole seconds. Default: 0 for scale-up, 300 s
   * for scale-down.
   */
  public abstract Optional<Duration> stabilizationWindow();

  /** {@code selectPolicy}. Default: Max. */
  public abstract Optional<SelectPolicy> selectPolicy();

  /**
   * {@code policies}. Default (when empty): scale-up Pods 4 and Percent 100 per 15 s; scale-down
   * Percent 100 per 15 s.
   */
  public abstract List<ScalingPolicy> policies();

  /**
   * {@code tolerance}: the relative change of the metric ratio ignored in this direction. Range:
   * &gt;= 0. Default: the controller's tolerance (0.1).
   */
  public abstract Optional<Quantity> tolerance();

  /** A builder; see {@link SeldonHpa#scalingRules()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ScalingRules}. */
  public static class Builder extends ImmutableScalingRules.Builder {}

  /** {@code stabilizationWindowSeconds} as written in YAML, when set. */
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
