package io.github.seldonhpa.test;

import io.github.seldonhpa.scaling.SimulationResult;
import io.github.seldonhpa.scaling.SimulationSummary;
import io.github.seldonhpa.scaling.TimelineStep;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a simulated Model/Server pair under a load trace ({@code Simulation.run()}): time above
 * saturation, ScheduleFailed time and peak replicas, with the figures of the run in every failure message.
 */
public final class SimulationAssert extends AbstractAssert<SimulationAssert, SimulationResult> {
  SimulationAssert(SimulationResult actual) {
    super(actual, SimulationAssert.class);
  }

  /**
   * In total, the serving replicas spend at most {@code seconds} past their saturation RPS.
   *
   * @param seconds the limit in seconds, at least 0
   * @return this assertion, to chain more
   */
  public SimulationAssert spendsAtMostSecondsAboveSaturation(double seconds) {
    isNotNull();
    SimulationSummary s = actual.summary();
    if (s.secondsAboveSaturation() > seconds) {
      failWithMessage(Texts.literal("expected the simulation to spend at most " + Texts.number(seconds)
          + " s above saturation, but it spent " + Texts.number(s.secondsAboveSaturation()) + " s (longest stretch "
          + Texts.number(s.longestAboveSaturation()) + " s, first from " + Texts.number(firstSaturated()) + " s)"));
    }
    return this;
  }

  /**
   * No unbroken stretch above saturation lasts longer than {@code seconds}.
   *
   * @param seconds the limit in seconds, at least 0
   * @return this assertion, to chain more
   */
  public SimulationAssert neverStaysAboveSaturationLongerThan(double seconds) {
    isNotNull();
    SimulationSummary s = actual.summary();
    if (s.longestAboveSaturation() > seconds) {
      failWithMessage(Texts.literal("expected no stretch above saturation longer than " + Texts.number(seconds)
          + " s, but the longest lasted " + Texts.number(s.longestAboveSaturation()) + " s (in total "
          + Texts.number(s.secondsAboveSaturation()) + " s above saturation)"));
    }
    return this;
  }

  /**
   * The model is ScheduleFailed (waiting for server replicas) for at most {@code seconds} in total.
   *
   * @param seconds the limit in seconds, at least 0
   * @return this assertion, to chain more
   */
  public SimulationAssert isScheduleFailedAtMostSeconds(double seconds) {
    isNotNull();
    SimulationSummary s = actual.summary();
    if (s.scheduleFailedSeconds() > seconds) {
      failWithMessage(Texts.literal("expected the model to be ScheduleFailed for at most " + Texts.number(seconds)
          + " s, but it was for " + Texts.number(s.scheduleFailedSeconds()) + " s"));
    }
    return this;
  }

  /**
   * The Model HPA and the Server HPA each ask for at most {@code replicas}.
   *
   * @param replicas the limit, at least 0
   * @return this assertion, to chain more
   */
  public SimulationAssert peaksAtMostAt(int replicas) {
    isNotNull();
    SimulationSummary s = actual.summary();
    if (s.peakModelReplicas() > replicas || s.peakServerReplicas() > replicas) {
      failWithMessage(Texts.literal("expected at most " + replicas + " replicas, but the peak was model "
          + s.peakModelReplicas() + ", server " + s.peakServerReplicas()));
    }
    return this;
  }

  /** The time of the first saturated step, in seconds since the start. */
  private double firstSaturated() {
    List<TimelineStep> timeline = actual.timeline();
    for (TimelineStep step : timeline) {
      if (step.saturated()) {
        return step.timeSeconds();
      }
    }
    return Double.NaN;
  }
}
