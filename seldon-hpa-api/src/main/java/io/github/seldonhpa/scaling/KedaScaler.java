package io.github.seldonhpa.scaling;

import io.github.seldonhpa.KedaFallback;
import io.github.seldonhpa.ScaledObject;

/**
 * What KEDA adds to the HPA it generates for one ScaledObject, step by step: the polling loop that
 * activates the target from 0 (or the idle count) to minReplicaCount and deactivates it after the
 * cooldown ({@code pkg/scaling/executor/scale_scaledobjects.go}, {@code RequestScale}), the fallback
 * metric after more than {@code failureThreshold} failed reads ({@code pkg/fallback/fallback.go}), and the
 * generated HPA itself, reconciled by {@link HpaController} on the controller's sync period. Like the
 * simulator's HPAs it reads one metric, the first trigger's. One instance per ScaledObject and run.
 */
final class KedaScaler {
  private final HpaController hpa;
  private final long targetMilli;
  private final double activation;
  private final int min;
  private final int activeFloor;
  private final Integer idle;
  private final KedaFallback fallback;
  private final long pollMs;
  private final long cooldownMs;
  private final long downFrom;
  private final long downUntil;
  private long nextPoll;
  private long lastActive = -1;
  private int failures;

  /** Prometheus does not answer in {@code [downFromMs, downUntilMs)}. */
  KedaScaler(ScaledObject so, long pollOffsetMs, long downFromMs, long downUntilMs) {
    this.hpa = HpaController.of(so.hpa());
    this.targetMilli = Simulation.targetMilli("scaledObject.hpa", so.hpa());
    this.activation = so.triggers().get(0).activationThreshold().map(q -> q.doubleValue()).orElse(0.0);
    this.min = so.effectiveMinReplicaCount();
    this.activeFloor = so.hpa().effectiveMinReplicas();
    this.idle = so.idleReplicaCount().orElse(null);
    this.fallback = so.fallback().orElse(null);
    this.pollMs = so.effectivePollingInterval().toMillis();
    this.cooldownMs = so.effectiveCooldownPeriod().toMillis();
    this.nextPoll = pollOffsetMs;
    this.downFrom = downFromMs;
    this.downUntil = downUntilMs;
  }

  /**
   * One simulation step at {@code t}: a KEDA poll when due, then the HPA's reconcile when {@code hpaSync}.
   *
   * @param value the query's value (RPS)
   * @return the target's new {@code spec.replicas}
   */
  int step(long t, int spec, double value, long valueMilli, boolean hpaSync) {
    boolean ok = t < downFrom || t >= downUntil;
    if (t >= nextPoll) {
      spec = poll(t, spec, value, ok);
      while (nextPoll <= t) {
        nextPoll += pollMs;
      }
    }
    if (hpaSync) {
      long usage;
      if (ok) {
        failures = 0;
        usage = valueMilli;
      } else if (fallingBack(++failures)) {
        usage = targetMilli * fallback.replicas();
      } else {
        return spec; // FailedGetExternalMetric: the HPA keeps the replicas
      }
      spec = hpa.stepAverageValue(t, spec, usage, targetMilli);
    }
    return spec;
  }

  private boolean fallingBack(int failed) {
    return fallback != null && failed > fallback.failureThreshold();
  }

  private int poll(long t, int spec, double value, boolean ok) {
    boolean active;
    boolean error = false;
    if (ok) {
      failures = 0;
      active = value > activation;
    } else {
      // a fallback answers the read, and a trigger falling back counts as active
      active = fallingBack(++failures);
      error = !active;
    }
    if (active) {
      if (idle != null && spec < min || spec == 0) {
        spec = activeFloor;
      }
      lastActive = t;
    } else if (error && (fallback == null || fallback.replicas() != 0)) {
      return spec; // KEDA leaves the replicas to the HPA (a fallback to 0 replicas goes on as inactive)
    } else if (idle != null && spec > idle || spec > 0 && min == 0) {
      // scaleToZeroOrIdle: only once the cooldown after the last active poll has passed
      if (lastActive < 0 || lastActive + cooldownMs < t) {
        spec = idle != null ? idle : min;
      }
    } else if (idle == null && spec < min) {
      spec = min;
    }
    return spec;
  }
}
