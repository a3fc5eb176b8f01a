package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Sizing rules of thumb from the seeds' cluster operation guidelines: the per-replica target from the peak
 * or from a measured saturation RPS, the replica bounds, and a scale-up policy that asks for no more server
 * pods per period than can start within it. Targets are Quantities in milli-unit precision.
 */
public final class Sizing {
  private Sizing() {}

  /**
   * {@return {@code target.averageValue = peak / maxReplicas}, rounded up to a milli-unit so that the peak never
   * asks for more than {@code maxReplicas}}
   *
   * @param peakRps the peak offered RPS, finite and at least 0
   * @param maxReplicas the HPA's {@code maxReplicas}, at least 1
   */
  public static Quantity averageValue(double peakRps, int maxReplicas) {
    checkRps("peakRps", peakRps);
    Checks.check(maxReplicas >= 1, "maxReplicas must be >= 1 (was %d)", maxReplicas);
    return Quantity.of(BigDecimal.valueOf(peakRps).divide(BigDecimal.valueOf(maxReplicas), 3, RoundingMode.UP));
  }

  /**
   * {@return {@code maxReplicas = ceil(peak / averageValue)}, at least 1}
   *
   * @param peakRps the peak offered RPS, finite and at least 0
   * @param averageValue the target per replica, above 0
   * @throws io.github.seldonhpa.HpaValidationException when the result is beyond an HPA's int32
   *     {@code maxReplicas}
   */
  public static int maxReplicas(double peakRps, Quantity averageValue) {
    checkRps("peakRps", peakRps);
    Checks.check(averageValue.signum() > 0, "averageValue must be > 0 (was %s)", averageValue);
    BigDecimal n = BigDecimal.valueOf(peakRps).divide(averageValue.toBigDecimal(), 0, RoundingMode.CEILING);
    Checks.check(n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0,
        "peakRps / averageValue must be at most %d replicas, an HPA's int32 maxReplicas (was %s / %s = %s)",
        Integer.MAX_VALUE, peakRps, averageValue, n.toPlainString());
    return Math.max(1, n.intValue());
  }

  /**
   * {@return a target {@code margin} below a measured saturation RPS: {@code saturation * (1 - margin)}, rounded down
   * to a milli-unit} The margin absorbs load growth while new replicas start.
   *
   * @param saturationRps the RPS per replica at which the service saturates (its latency SLO breaks), above 0
   * @param margin the fraction kept free, in [0, 1)
   */
  public static Quantity targetFromSaturation(double saturationRps, double margin) {
    checkRps("saturationRps", saturationRps);
    Checks.check(saturationRps > 0, "saturationRps must be > 0 (was %s)", saturationRps);
    Checks.check(margin >= 0 && margin < 1, "margin must be in [0, 1) (was %s)", margin);
    BigDecimal target = BigDecimal.valueOf(saturationRps).multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(margin)))
        .setScale(3, RoundingMode.DOWN);
    Checks.check(target.signum() > 0, "saturationRps * (1 - margin) must be >= 0.001 (was %s)", target);
    return Quantity.of(target);
  }

  /**
   * {@return {@code minReplicas} for the low-load regime: {@code ceil(lowRps / averageValue)}, raised to
   * {@code floor} (a higher floor buys immediate headroom when load leaves the low regime fast)}
   *
   * @param lowRps the offered RPS of the low-load regime, finite and at least 0
   * @param averageValue the target per replica, above 0
   * @param floor the least {@code minReplicas} wanted, at least 1
   */
  public static int minReplicas(double lowRps, Quantity averageValue, int floor) {
    Checks.check(floor >= 1, "floor must be >= 1 (was %d)", floor);
    return Math.max(floor, maxReplicas(lowRps, averageValue));
  }

  /**
   * {@return scale-up rules that never ask for more server pods per period than can start in it: one Pods policy of
   * {@code podsStartingTogether} per period of {@code podStartup} (rounded up to whole seconds), and the
   * given stabilization window} The seeds' example: 5 pods per 90 s with a 60 s window.
   *
   * @param podsStartingTogether how many server pods the cluster can start at once
   * @param podStartup how long a server pod takes to serve (a high percentile, with margin)
   * @param stabilizationWindow the rules' stabilization window, in whole seconds from 0 to 3600
   */
  public static ScalingRules scaleUpRules(int podsStartingTogether, Duration podStartup, Duration stabilizationWindow) {
    Checks.check(podsStartingTogether >= 1, "podsStartingTogether must be >= 1 (was %d)", podsStartingTogether);
    Checks.check(!podStartup.isNegative() && !podStartup.isZero(), "podStartup must be > 0 (was %s)", podStartup);
    long seconds = (podStartup.toMillis() + 999) / 1000;
    Checks.check(seconds <= 1800, "podStartup must be at most 1800 s, the longest policy period (was %s)",
        podStartup);
    return ScalingRules.builder().stabilizationWindow(stabilizationWindow)
        .addPolicy(ScalingPolicy.pods(podsStartingTogether, Duration.ofSeconds(seconds))).build();
  }

  private static void checkRps(String field, double rps) {
    Checks.check(Double.isFinite(rps) && rps >= 0, "%s must be a finite number >= 0 (was %s)", field, rps);
  }
}
