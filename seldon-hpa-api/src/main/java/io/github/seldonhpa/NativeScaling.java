package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Seldon Core 2's native (lag-based) Model autoscaling settings, as the agent's environment variables
 * and the {@code seldon-core-v2-setup} helm values. They apply to every Model on a Server whose
 * {@code minReplicas} or {@code maxReplicas} is set. Seldon 2.10.x hard-codes model autoscaling off, so
 * these settings only act on 2.9.x and earlier. Defaults are the helm chart's.
 */
@Value.Immutable
public abstract class NativeScaling {
  /** Env var of {@link #modelInferenceLagThreshold()}. */
  public static final String LAG_THRESHOLD_ENV = "SELDON_MODEL_INFERENCE_LAG_THRESHOLD";
  /** Env var of {@link #modelInactiveThreshold()}. */
  public static final String INACTIVE_SECONDS_ENV = "SELDON_MODEL_INACTIVE_SECONDS_THRESHOLD";
  /** Env var of {@link #scalingStatsPeriod()}. */
  public static final String STATS_PERIOD_ENV = "SELDON_SCALING_STATS_PERIOD_SECONDS";

  NativeScaling() {}

  /** {@return a builder with the helm defaults} */
  public static Builder builder() {
    return ImmutableNativeScaling.builder();
  }

  /** Builds {@link NativeScaling}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the NativeScaling whose values are copied
     * @return this builder
     */
    public abstract Builder from(NativeScaling instance);

    /**
     * Sets {@link NativeScaling#autoscalingModelEnabled()}.
     *
     * @param autoscalingModelEnabled Helm {@code autoscaling.autoscalingModelEnabled}: the scheduler's switch for
     *     lag-based Model scaling. Default: true here (the chart's default is false, which turns these settings off)
     * @return this builder
     */
    public abstract Builder autoscalingModelEnabled(boolean autoscalingModelEnabled);

    /**
     * Sets {@link NativeScaling#modelInferenceLagThreshold()}.
     *
     * @param modelInferenceLagThreshold {@code SELDON_MODEL_INFERENCE_LAG_THRESHOLD} (helm
     *     {@code serverConfig.agent.modelInferenceLagThreshold}): in-flight requests per model replica that trigger a
     *     scale-up. Range: &gt; 0. Default: 30 (also the agent's)
     * @return this builder
     */
    public abstract Builder modelInferenceLagThreshold(int modelInferenceLagThreshold);

    /**
     * Sets {@link NativeScaling#modelInactiveThreshold()}.
     *
     * @param modelInactiveThreshold {@code SELDON_MODEL_INACTIVE_SECONDS_THRESHOLD} (helm
     *     {@code serverConfig.agent.modelInactiveSecondsThreshold}): idle time before a scale-down. Range: &gt; 0,
     *     whole seconds. Default: 600 s (helm; the agent binary alone uses 30 s)
     * @return this builder
     */
    public abstract Builder modelInactiveThreshold(Duration modelInactiveThreshold);

    /**
     * Sets {@link NativeScaling#scalingStatsPeriod()}.
     *
     * @param scalingStatsPeriod {@code SELDON_SCALING_STATS_PERIOD_SECONDS} (helm
     *     {@code serverConfig.agent.scalingStatsPeriodSeconds}): how often the agent checks lag and inactivity. Range:
     *     &gt; 0, whole seconds. Default: 20 s (helm; the agent binary alone uses 5 s)
     * @return this builder
     */
    public abstract Builder scalingStatsPeriod(Duration scalingStatsPeriod);

    /**
     * Builds the {@link NativeScaling}, checking every rule of its fields.
     *
     * @return the NativeScaling
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract NativeScaling build();

}

  /**
   * {@return Helm {@code autoscaling.autoscalingModelEnabled}: the scheduler's switch for lag-based Model
   * scaling} Default: true here (the chart's default is false, which turns these settings off).
   */
  @Value.Default
  public boolean autoscalingModelEnabled() {
    return true;
  }

  /**
   * {@return {@code SELDON_MODEL_INFERENCE_LAG_THRESHOLD} (helm {@code serverConfig.agent.modelInferenceLagThreshold}):
   * in-flight requests per model replica that trigger a scale-up} Range: &gt; 0. Default: 30 (also the
   * agent's).
   */
  @Value.Default
  public int modelInferenceLagThreshold() {
    return 30;
  }

  /**
   * {@return {@code SELDON_MODEL_INACTIVE_SECONDS_THRESHOLD} (helm
   * {@code serverConfig.agent.modelInactiveSecondsThreshold}): idle time before a scale-down} Range:
   * &gt; 0, whole seconds. Default: 600 s (helm; the agent binary alone uses 30 s).
   */
  @Value.Default
  public Duration modelInactiveThreshold() {
    return Duration.ofSeconds(600);
  }

  /**
   * {@return {@code SELDON_SCALING_STATS_PERIOD_SECONDS} (helm {@code serverConfig.agent.scalingStatsPeriodSeconds}):
   * how often the agent checks lag and inactivity} Range: &gt; 0, whole seconds. Default: 20 s (helm; the
   * agent binary alone uses 5 s).
   */
  @Value.Default
  public Duration scalingStatsPeriod() {
    return Duration.ofSeconds(20);
  }

  /** {@return the agent's environment variables, in the order lag, inactive, stats period} */
  public final Map<String, String> envVars() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(LAG_THRESHOLD_ENV, Integer.toString(modelInferenceLagThreshold()));
    env.put(INACTIVE_SECONDS_ENV, Long.toString(modelInactiveThreshold().getSeconds()));
    env.put(STATS_PERIOD_ENV, Long.toString(scalingStatsPeriod().getSeconds()));
    return Collections.unmodifiableMap(env);
  }

  /**
   * {@return the helm values by dotted key: {@code autoscaling.autoscalingModelEnabled}, then
   * {@code serverConfig.agent.modelInferenceLagThreshold}, {@code .modelInactiveSecondsThreshold},
   * {@code .scalingStatsPeriodSeconds} (strings, as in the chart's {@code values.yaml})}
   */
  public final Map<String, String> helmValues() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("autoscaling.autoscalingModelEnabled", Boolean.toString(autoscalingModelEnabled()));
    values.put("serverConfig.agent.modelInferenceLagThreshold", Integer.toString(modelInferenceLagThreshold()));
    values.put("serverConfig.agent.modelInactiveSecondsThreshold",
        Long.toString(modelInactiveThreshold().getSeconds()));
    values.put("serverConfig.agent.scalingStatsPeriodSeconds", Long.toString(scalingStatsPeriod().getSeconds()));
    return Collections.unmodifiableMap(values);
  }

  /**
   * {@return {@link #helmValues()} as {@code helm install/upgrade} arguments, one token per element:
   * {@code --set autoscaling.autoscalingModelEnabled=true}, then {@code --set-string key=value} for the agent
   * settings, which the chart holds as strings}
   */
  public final List<String> helmSetArgs() {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, String> e : helmValues().entrySet()) {
      args.add(e.getKey().startsWith("autoscaling.") ? "--set" : "--set-string");
      args.add(e.getKey() + "=" + e.getValue());
    }
    return Collections.unmodifiableList(args);
  }

  @Value.Check
  final void check() {
    Checks.check(modelInferenceLagThreshold() > 0, "modelInferenceLagThreshold must be > 0 (was %d)",
        modelInferenceLagThreshold());
    positiveSeconds("modelInactiveSecondsThreshold", modelInactiveThreshold());
    positiveSeconds("scalingStatsPeriodSeconds", scalingStatsPeriod());
  }

  private static void positiveSeconds(String field, Duration d) {
    Checks.wholeSeconds(field, d);
    Checks.check(d.getSeconds() > 0, "%s must be > 0 (was %d)", field, d.getSeconds());
  }
}
