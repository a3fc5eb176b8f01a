package io.github.seldonhpa.test;

import io.github.seldonhpa.scaling.HpaCondition;
import io.github.seldonhpa.scaling.ScaleDecision;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one reconcile of one HPA ({@code HpaController.step}). */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, ScaleDecision> {
  DecisionAssert(ScaleDecision actual) {
    super(actual, DecisionAssert.class);
  }

  /**
   * The reconcile leaves {@code scale.spec.replicas} at {@code expected}.
   *
   * @param expected the replicas, at least 0
   * @return this assertion, to chain more
   */
  public DecisionAssert hasDesiredReplicas(int expected) {
    isNotNull();
    if (actual.desiredReplicas() != expected) {
      failWithMessage(Texts.literal("expected the HPA to decide " + expected + " replicas, but it decided "
          + actual.desiredReplicas() + " from " + actual.currentReplicas() + ": " + actual.conditions()));
    }
    return this;
  }

  /** {@return the reconcile writes a new {@code scale.spec.replicas}} */
  public DecisionAssert isRescaled() {
    isNotNull();
    if (!actual.rescaled()) {
      failWithMessage(Texts.literal("expected the HPA to rescale, but it kept " + actual.currentReplicas()
          + " replicas: " + actual.conditions()));
    }
    return this;
  }

  /** {@return the reconcile keeps {@code scale.spec.replicas}} */
  public DecisionAssert isNotRescaled() {
    isNotNull();
    if (actual.rescaled()) {
      failWithMessage(Texts.literal("expected the HPA to keep " + actual.currentReplicas()
          + " replicas, but it rescaled to " + actual.desiredReplicas() + ": " + actual.conditions()));
    }
    return this;
  }

  /**
   * The reconcile sets this condition, e.g. {@code ScalingLimited=True/TooManyReplicas}.
   *
   * @param type the condition type
   * @param status the condition's status
   * @param reason the condition's reason, such as {@code TooManyReplicas}
   * @return this assertion, to chain more
   */
  public DecisionAssert hasCondition(HpaCondition.Type type, boolean status, String reason) {
    isNotNull();
    String expected = type.yamlName() + "=" + (status ? "True" : "False") + "/" + reason;
    if (actual.conditions().stream().noneMatch(c -> c.toString().equals(expected))) {
      failWithMessage(Texts.literal("expected the condition " + expected + ", but the reconcile set "
          + actual.conditions()));
    }
    return this;
  }
}
