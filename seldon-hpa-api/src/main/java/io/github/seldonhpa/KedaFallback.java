package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import org.immutables.value.Value;

/**
 * A ScaledObject's {@code spec.fallback} (behavior {@code static}): once a trigger's metric has failed more
 * than {@code failureThreshold} times in a row, KEDA answers the HPA with {@code threshold * replicas}, so
 * the HPA's AverageValue arithmetic proposes {@code replicas} (KEDA {@code pkg/fallback/fallback.go}).
 */
@Value.Immutable
public abstract class KedaFallback {
  KedaFallback() {}

  /** {@return {@code failureThreshold}: failed metric reads tolerated before the fallback} Range: &gt;= 0. */
  public abstract int failureThreshold();

  /** {@return {@code replicas}: the replica count to hold while the metric fails} Range: &gt;= 0. */
  public abstract int replicas();

  /**
   * {@return the fallback to {@code replicas} after more than {@code failureThreshold} failed reads}
   *
   * @param failureThreshold failed metric reads tolerated before the fallback, at least 0
   * @param replicas the replicas KEDA sets while the metric cannot be read, at least 0
   */
  public static KedaFallback of(int failureThreshold, int replicas) {
    return ImmutableKedaFallback.builder().failureThreshold(failureThreshold).replicas(replicas).build();
  }

  @Value.Check
  final void check() {
    Checks.check(failureThreshold() >= 0, "fallback.failureThreshold must be >= 0 (was %d)", failureThreshold());
    Checks.check(replicas() >= 0, "fallback.replicas must be >= 0 (was %d)", replicas());
  }
}
