package io.github.seldonhpa.scaling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one reconcile of one HPA: the replica count written to {@code scale.spec.replicas} (or
 * kept), whether it rescaled, whether the reconcile reported an error, and the conditions it set.
 */
public final class ScaleDecision {
  private final int currentReplicas;
  private final int desiredReplicas;
  private final boolean rescaled;
  private final String error;
  private final String ableToScale;
  private final String scalingActive;
  private final boolean active;
  private final String scalingLimited;
  private final boolean limited;

  ScaleDecision(int currentReplicas, int desiredReplicas, boolean rescaled, String error, String ableToScale,
      String scalingActive, boolean active, String scalingLimited, boolean limited) {
    this.currentReplicas = currentReplicas;
    this.desiredReplicas = desiredReplicas;
    this.rescaled = rescaled;
    this.error = error;
    this.ableToScale = ableToScale;
    this.scalingActive = scalingActive;
    this.active = active;
    this.scalingLimited = scalingLimited;
    this.limited = limited;
  }

  /** {@return {@code scale.spec.replicas} when the reconcile started ({@code status.currentReplicas})} */
  public int currentReplicas() {
    return currentReplicas;
  }

  /** {@return the replica count after the reconcile: the new {@code scale.spec.replicas} when it rescaled} */
  public int desiredReplicas() {
    return desiredReplicas;
  }

  /** {@return whether the reconcile wrote a new {@code scale.spec.replicas}} */
  public boolean rescaled() {
    return rescaled;
  }

  /** {@return the error the reconcile reported (an invalid metric), even when it still scaled} */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** {@return the conditions set by this reconcile, in the order {@code AbleToScale, ScalingActive, ScalingLimited}} */
  public List<HpaCondition> conditions() {
    List<HpaCondition> out = new ArrayList<>(3);
    out.add(new HpaCondition(HpaCondition.Type.ABLE_TO_SCALE, true, ableToScale));
    if (scalingActive != null) {
      out.add(new HpaCondition(HpaCondition.Type.SCALING_ACTIVE, active, scalingActive));
    }
    if (scalingLimited != null) {
      out.add(new HpaCondition(HpaCondition.Type.SCALING_LIMITED, limited, scalingLimited));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@return the condition of the given type if this reconcile set it}
   *
   * @param type the condition type, such as {@code ScalingLimited}
   */
  public Optional<HpaCondition> condition(HpaCondition.Type type) {
    for (HpaCondition c : conditions()) {
      if (c.type() == type) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ScaleDecision{" + currentReplicas + " -> " + desiredReplicas + (rescaled ? " rescaled" : "")
        + (error == null ? "" : ", error=" + error) + ", " + conditions() + "}";
  }
}
