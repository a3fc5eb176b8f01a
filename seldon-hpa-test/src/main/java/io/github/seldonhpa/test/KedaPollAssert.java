package io.github.seldonhpa.test;

import io.github.seldonhpa.k8s.KedaReading;
import java.time.Instant;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one poll of a KEDA ScaledObject against the real Prometheus of a {@link PrometheusExtension}
 * ({@code KedaExplain.read}): each prometheus trigger's query runs at the given time, as KEDA runs it (an empty
 * result reads as 0), and the replicas follow from KEDA's activation and its HPA's arithmetic.
 */
public final class KedaPollAssert extends AbstractAssert<KedaPollAssert, KedaReading> {
  private final String scaledObject;
  private final Instant time;

  KedaPollAssert(KedaReading reading, String scaledObject, Instant time) {
    super(reading, KedaPollAssert.class);
    this.scaledObject = scaledObject;
    this.time = time;
  }

  /**
   * The ScaledObject's only trigger reads exactly {@code expected}.
   *
   * @param expected the trigger's value, compared exactly
   * @return this assertion, to chain more
   */
  public KedaPollAssert hasTriggerValue(double expected) {
    isNotNull();
    if (actual.values().size() != 1 || Double.compare(actual.values().get(0).value(), expected) != 0) {
      failWithMessage(Texts.literal("expected the trigger of the ScaledObject " + scaledObject + " to read "
          + Texts.number(expected) + " at " + time + ", but " + triggers()));
    }
    return this;
  }

  /** {@return some trigger is above its activation threshold} */
  public KedaPollAssert isActive() {
    isNotNull();
    if (!actual.active()) {
      failWithMessage(Texts.literal("expected the ScaledObject " + scaledObject + " to be active at " + time
          + ", but no trigger is above its activation threshold: " + triggers()));
    }
    return this;
  }

  /** {@return no trigger is above its activation threshold} */
  public KedaPollAssert isNotActive() {
    isNotNull();
    if (actual.active()) {
      failWithMessage(Texts.literal("expected the ScaledObject " + scaledObject + " not to be active at " + time
          + ", but " + triggers()));
    }
    return this;
  }

  /**
   * KEDA and its HPA ask for {@code expected} replicas.
   *
   * @param expected the replicas, at least 0
   * @return this assertion, to chain more
   */
  public KedaPollAssert decides(int expected) {
    isNotNull();
    if (actual.desiredReplicas() != expected) {
      failWithMessage(Texts.literal("expected the ScaledObject " + scaledObject + " to ask for " + expected
          + " replicas from " + actual.currentReplicas() + " at " + time + ", but it asks for "
          + actual.desiredReplicas() + ": " + triggers()));
    }
    return this;
  }

  /** {@code s0-prometheus reads 7.5 (active, proposal 3)}. */
  private String triggers() {
    return actual.values().stream().map(v -> v.metricName() + " reads " + Texts.number(v.value()) + " ("
        + (v.active() ? "active" : "not active") + ", proposal " + v.proposal() + ")")
        .collect(Collectors.joining(", "));
  }
}
