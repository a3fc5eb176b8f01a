package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.internal.HpaRule;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * One HPA scaling policy ({@code spec.behavior.scaleUp|scaleDown.policies[*]}): change by at most
 * {@code value} Pods or {@code value} percent of the current replicas within {@code period}.
 */
@Value.Immutable
public abstract class ScalingPolicy {
  /** The policy kind ({@code type} in YAML). */
  public enum Type {
    /** An absolute number of replicas ({@code Pods}). */
    PODS("Pods"),
    /** A percentage of the current replicas ({@code Percent}). */
    PERCENT("Percent");

    private final String yaml;

    Type(String yaml) {
      this.yaml = yaml;
    }

    /** {@return the spelling in YAML: {@code Pods} or {@code Percent}} */
    public String yamlName() {
      return yaml;
    }

    /**
     * {@return the type spelled as in YAML}
     *
     * @param field the YAML path of the value, named in the error message
     * @param value the type as written in YAML, such as {@code Pods}
     * @throws HpaValidationException for any other spelling
     */
    public static Type fromYaml(String field, String value) {
      return Checks.yamlConstant(field, value, values(), Type::yamlName);
    }
  }

  ScalingPolicy() {}

  /** {@return {@code type}: Pods or Percent} */
  public abstract Type type();

  /** {@return {@code value}: how many Pods, or which percentage} Range: &gt; 0. */
  public abstract int value();

  /** {@return {@code periodSeconds}: the window the change is limited over} Range: 1..1800 s, whole seconds. */
  public abstract Duration period();

  /**
   * {@return the policy {@code type} with {@code value} per {@code period}, as read from YAML}
   *
   * @param type {@code Pods} or {@code Percent}
   * @param value pods, or percent of the current replicas, per period; above 0
   * @param period the window the limit applies to, in whole seconds from 1 to 1800
   */
  public static ScalingPolicy of(Type type, int value, Duration period) {
    return ImmutableScalingPolicy.builder().type(type).value(value).period(period).build();
  }

  /**
   * {@return a Pods policy: at most {@code pods} replicas per {@code period}}
   *
   * @param pods the most pods added or removed in one {@code period}, above 0
   * @param period the window the limit applies to, in whole seconds from 1 to 1800
   */
  public static ScalingPolicy pods(int pods, Duration period) {
    return of(Type.PODS, pods, period);
  }

  /**
   * {@return a Percent policy: at most {@code percent} percent of the current replicas per {@code period}}
   *
   * @param percent the most replicas added or removed in one {@code period}, in percent of the current replicas, above
   *     0
   * @param period the window the limit applies to, in whole seconds from 1 to 1800
   */
  public static ScalingPolicy percent(int percent, Duration period) {
    return of(Type.PERCENT, percent, period);
  }

  /** {@return {@code periodSeconds} as written in YAML} */
  public final int periodSeconds() {
    return (int) period().getSeconds();
  }

  @Value.Check
  final void check() {
    HpaRule.POLICY_VALUE.require(value() > 0, "value", value());
    Checks.wholeSeconds("periodSeconds", period());
    HpaRule.POLICY_PERIOD.require(HpaRule.periodOk(period().getSeconds()), "periodSeconds", period().getSeconds());
  }
}
