package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import java.util.Locale;

/** One plan the {@link Planner} replayed, with its cost and risk on the traces. */
public final class PlanCandidate {
  private final ScalingPlan plan;
  private final double replicaSeconds;
  private final double secondsAboveSaturation;
  private final double scheduleFailedSeconds;
  private final int neverConverged;
  private final boolean feasible;

  PlanCandidate(ScalingPlan plan, double replicaSeconds, double secondsAboveSaturation, double scheduleFailedSeconds,
      int neverConverged, boolean feasible) {
    this.plan = plan;
    this.replicaSeconds = replicaSeconds;
    this.secondsAboveSaturation = secondsAboveSaturation;
    this.scheduleFailedSeconds = scheduleFailedSeconds;
    this.neverConverged = neverConverged;
    this.feasible = feasible;
  }

  /** {@return the plan} */
  public ScalingPlan plan() {
    return plan;
  }

  /** {@return Server replica-seconds over all traces: the cost} */
  public double replicaSeconds() {
    return replicaSeconds;
  }

  /** {@return model-seconds above saturation over all traces: the risk} */
  public double secondsAboveSaturation() {
    return secondsAboveSaturation;
  }

  /** {@return model-seconds ScheduleFailed} */
  public double scheduleFailedSeconds() {
    return scheduleFailedSeconds;
  }

  /** {@return models left ScheduleFailed (or their HPAs apart, or pods Pending) for good} */
  public int neverConverged() {
    return neverConverged;
  }

  /**
   * {@return whether the candidate is within the planner's bound (above saturation, or its cost budget), with every
   * model converging}
   */
  public boolean feasible() {
    return feasible;
  }

  /** {@return the settings in one line: averageValue, replicas, tolerance, scale-up, scale-down window} */
  public String settings() {
    Quantity target = plan.metrics().get(0).target().averageValue().orElseThrow();
    ScalingRules up = plan.scaleUp().orElse(null);
    ScalingRules down = plan.scaleDown().orElse(null);
    String tolerance = up == null ? "0.1" : up.tolerance().map(Quantity::toString).orElse("0.1");
    StringBuilder policies = new StringBuilder();
    if (up == null || up.policies().isEmpty()) {
      policies.append("default");
    } else {
      for (ScalingPolicy p : up.policies()) {
        policies.append(policies.length() > 0 ? "+" : "").append(p.type() == ScalingPolicy.Type.PODS ? "Pods " : "")
            .append(p.value()).append(p.type() == ScalingPolicy.Type.PODS ? "" : "%").append('/')
            .append(p.period().getSeconds()).append("s");
      }
    }
    return String.format(Locale.ROOT, "averageValue %s, replicas %d..%d, tolerance %s, scale-up %s window %ss,"
            + " scale-down window %ss", target, plan.minReplicas(), plan.maxReplicas(), tolerance, policies,
        up == null ? "0" : up.stabilizationWindowSeconds().map(String::valueOf).orElse("0"),
        down == null ? "300" : down.stabilizationWindowSeconds().map(String::valueOf).orElse("300"));
  }

  @Override
  public String toString() {
    return settings() + String.format(Locale.ROOT, ": %s replica-s, %s s above saturation, %s s ScheduleFailed%s",
        SimulationResult.num(replicaSeconds), SimulationResult.num(secondsAboveSaturation),
        SimulationResult.num(scheduleFailedSeconds), neverConverged > 0 ? ", " + neverConverged + " never converge" : "");
  }
}
