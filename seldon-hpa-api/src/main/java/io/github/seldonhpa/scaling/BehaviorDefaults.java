package io.github.seldonhpa.scaling;

import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The API defaulting of {@code spec.behavior} ({@code GenerateHPAScaleUpRules/ScaleDownRules}), applied
 * only when a behavior is set: each unset field takes its default, a set policy list replaces the default
 * list whole. The scale-down stabilization window stays unset; the controller fills it in from
 * {@code --horizontal-pod-autoscaler-downscale-stabilization} (300 s) on every reconcile.
 */
public final class BehaviorDefaults {
  private static final Duration FIFTEEN = Duration.ofSeconds(15);
  private static final List<ScalingPolicy> UP =
      List.of(ScalingPolicy.pods(4, FIFTEEN), ScalingPolicy.percent(100, FIFTEEN));
  private static final List<ScalingPolicy> DOWN = List.of(ScalingPolicy.percent(100, FIFTEEN));

  private BehaviorDefaults() {}

  /**
   * {@return scale-up rules: window 0, select Max, Pods 4 and Percent 100 per 15 s}
   *
   * @param given the HPA's {@code behavior.scaleUp}, or empty when it sets none
   */
  public static ScalingRules scaleUp(Optional<ScalingRules> given) {
    return fill(given, Optional.of(Duration.ZERO), UP);
  }

  /**
   * {@return scale-down rules: window unset, select Max, Percent 100 per 15 s}
   *
   * @param given the HPA's {@code behavior.scaleDown}, or empty when it sets none
   */
  public static ScalingRules scaleDown(Optional<ScalingRules> given) {
    return fill(given, Optional.empty(), DOWN);
  }

  private static ScalingRules fill(Optional<ScalingRules> given, Optional<Duration> window,
      List<ScalingPolicy> policies) {
    ScalingRules.Builder b = ScalingRules.builder();
    Optional<Duration> w = given.flatMap(ScalingRules::stabilizationWindow).or(() -> window);
    w.ifPresent(b::stabilizationWindow);
    b.selectPolicy(given.flatMap(ScalingRules::selectPolicy).orElse(ScalingRules.SelectPolicy.MAX));
    b.addAllPolicies(given.map(ScalingRules::policies).filter(p -> !p.isEmpty()).orElse(policies));
    given.flatMap(ScalingRules::tolerance).ifPresent(b::tolerance);
    return b.build();
  }
}
