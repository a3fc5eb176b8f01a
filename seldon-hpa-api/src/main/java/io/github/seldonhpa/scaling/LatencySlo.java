package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.internal.Checks;

/**
 * A latency SLO turned into the per-replica RPS target an AverageValue HPA can use. Mean latency is not a
 * per-replica quantity: {@code ceil(latency / averageValue)} replicas does not fall as replicas are added
 * (2 replicas are proposed at 1, 2 and 8 replicas alike), so an AverageValue target on the latency preset
 * ({@code infer_latency_seconds}) cannot work. What works is the RPS one replica serves within the SLO,
 * measured with an open-loop load test on one replica (seed 000): scale on {@code infer_rps} below it.
 */
public final class LatencySlo {
  private LatencySlo() {}

  /**
   * {@return the RPS per replica at which the measured latency reaches {@code sloSeconds}, interpolated linearly
   * between the load test's points (RPS rising, latency at each)}
   *
   * @param sloSeconds the latency objective in seconds, above 0
   * @param rpsPerReplica the load test's offered RPS per replica, rising
   * @param latencySeconds the measured latency at each point (the percentile the SLO is on), in seconds
   * @throws io.github.seldonhpa.HpaValidationException when the points are not rising pairs, or the SLO is
   *     not reached within them (measure further), or already broken at the first point
   */
  public static double saturationRps(double sloSeconds, double[] rpsPerReplica, double[] latencySeconds) {
    Checks.check(sloSeconds > 0 && Double.isFinite(sloSeconds), "sloSeconds must be > 0 (was %s)", sloSeconds);
    Checks.check(rpsPerReplica.length == latencySeconds.length && rpsPerReplica.length >= 2,
        "load test points must be at least 2 pairs of rps and latency (was %d rps, %d latencies)",
        rpsPerReplica.length, latencySeconds.length);
    for (int i = 0; i < rpsPerReplica.length; i++) {
      Checks.check(Double.isFinite(rpsPerReplica[i]) && rpsPerReplica[i] >= 0 && Double.isFinite(latencySeconds[i])
          && latencySeconds[i] >= 0, "load test point %d must be finite and >= 0 (was %s rps, %s s)", i,
          rpsPerReplica[i], latencySeconds[i]);
      Checks.check(i == 0 || rpsPerReplica[i] > rpsPerReplica[i - 1],
          "load test rps[%d] must be greater than rps[%d] %s (was %s)", i, i - 1, rpsPerReplica[Math.max(0, i - 1)],
          rpsPerReplica[i]);
    }
    Checks.check(latencySeconds[0] < sloSeconds, "the SLO %s s is already broken at the first load test point"
        + " (was %s s at %s rps)", sloSeconds, latencySeconds[0], rpsPerReplica[0]);
    for (int i = 1; i < rpsPerReplica.length; i++) {
      if (latencySeconds[i] >= sloSeconds) {
        double f = (sloSeconds - latencySeconds[i - 1]) / (latencySeconds[i] - latencySeconds[i - 1]);
        return rpsPerReplica[i - 1] + f * (rpsPerReplica[i] - rpsPerReplica[i - 1]);
      }
    }
    throw new io.github.seldonhpa.HpaValidationException(String.format(java.util.Locale.ROOT,
        "the SLO %s s is not reached within the load test (was %s s at the last point, %s rps): measure further",
        sloSeconds, latencySeconds[latencySeconds.length - 1], rpsPerReplica[rpsPerReplica.length - 1]));
  }

  /**
   * {@return the {@code infer_rps} averageValue {@code margin} below the SLO's saturation point ({@link
   * Sizing#targetFromSaturation})}
   *
   * @param sloSeconds the latency objective in seconds, above 0
   * @param rpsPerReplica the load test's offered RPS per replica, rising
   * @param latencySeconds the measured latency at each point (the percentile the SLO is on), in seconds
   * @param margin the fraction of the saturation RPS kept free, in [0, 1)
   */
  public static Quantity rpsTarget(double sloSeconds, double[] rpsPerReplica, double[] latencySeconds, double margin) {
    return Sizing.targetFromSaturation(saturationRps(sloSeconds, rpsPerReplica, latencySeconds), margin);
  }
}
