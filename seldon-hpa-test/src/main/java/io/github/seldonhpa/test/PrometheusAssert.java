package io.github.seldonhpa.test;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.k8s.KedaExplain;
import io.github.seldonhpa.k8s.KedaReading;
import io.github.seldonhpa.k8s.PrometheusException;
import io.github.seldonhpa.k8s.QueryResult;
import java.time.Instant;
import org.assertj.core.api.AbstractAssert;

/** Assertions on queries run by the real Prometheus of a {@link PrometheusExtension}. */
public final class PrometheusAssert extends AbstractAssert<PrometheusAssert, PrometheusExtension> {
  PrometheusAssert(PrometheusExtension actual) {
    super(actual, PrometheusAssert.class);
  }

  /**
   * Runs the query at the traffic's last sample; Prometheus must answer with samples.
   *
   * @param promql the PromQL expression
   * @return assertions on the result
   */
  public QueryResultAssert query(String promql) {
    isNotNull();
    return query(promql, actual.traffic().end());
  }

  /**
   * Runs the query at {@code time}; Prometheus must answer with samples.
   *
   * @param promql the PromQL expression
   * @param time the evaluation time
   * @return assertions on the result
   */
  public QueryResultAssert query(String promql, Instant time) {
    isNotNull();
    QueryResult result = null;
    try {
      result = actual.query(promql, time);
    } catch (PrometheusException e) {
      failWithMessage(Texts.literal("expected prometheus to return samples at " + time + ", but " + e.getMessage()));
    }
    return new QueryResultAssert(result);
  }

  /**
   * Polls the KEDA ScaledObject's prometheus triggers at the traffic's last sample, from
   * {@code currentReplicas}, as KEDA does ({@code KedaExplain.read}).
   *
   * @param scaledObject the ScaledObject whose triggers are polled
   * @param currentReplicas the target's {@code spec.replicas}
   * @return assertions on the poll
   */
  public KedaPollAssert polls(ScaledObject scaledObject, int currentReplicas) {
    return polls(scaledObject, currentReplicas, actual.traffic().end());
  }

  /**
   * Polls the KEDA ScaledObject's prometheus triggers at {@code time}, from {@code currentReplicas}; a query
   * Prometheus refuses, or one returning several samples (which KEDA refuses), fails the assertion.
   *
   * @param scaledObject the ScaledObject whose triggers are polled
   * @param currentReplicas the target's {@code spec.replicas}
   * @param time the time of the poll
   * @return assertions on the poll
   */
  public KedaPollAssert polls(ScaledObject scaledObject, int currentReplicas, Instant time) {
    isNotNull();
    KedaReading reading = null;
    try {
      reading = KedaExplain.read(scaledObject, actual.client(), time, currentReplicas);
    } catch (PrometheusException | HpaValidationException e) {
      failWithMessage(Texts.literal("expected KEDA to read the triggers of the ScaledObject "
          + scaledObject.namespace() + "/" + scaledObject.name() + " at " + time + ", but " + e.getMessage()));
    }
    return new KedaPollAssert(reading, scaledObject.namespace() + "/" + scaledObject.name(), time);
  }

  /**
   * Runs the query at {@code time}; Prometheus must answer with no samples (the HPA would get no metric).
   *
   * @param promql the PromQL expression
   * @param time the evaluation time
   * @return this assertion, to chain more
   */
  public PrometheusAssert returnsNothingFor(String promql, Instant time) {
    isNotNull();
    try {
      QueryResult result = actual.query(promql, time);
      failWithMessage(Texts.literal("expected the query to return no samples at " + time + ", but it returned "
          + Texts.samples(result) + "; query: " + promql));
    } catch (PrometheusException.EmptyResult expected) {
      // what the HPA would see as a missing metric
    } catch (PrometheusException e) {
      failWithMessage(Texts.literal("expected the query to return no samples at " + time + ", but " + e.getMessage()));
    }
    return this;
  }
}
