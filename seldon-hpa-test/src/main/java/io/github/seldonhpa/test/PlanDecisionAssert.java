package io.github.seldonhpa.test;

import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.scaling.HpaController;
import io.github.seldonhpa.scaling.MetricReading;
import io.github.seldonhpa.scaling.ScaleDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * What the HPA pair of a plan (its Model HPA and, with a server, its Server HPA) decides at one reconcile
 * when the metrics API returns the given values, from the given replicas. Each HPA is a fresh
 * {@link HpaController} for its spec: the first reconcile after it was created or the controller restarted,
 * so a scale-down is held by the 5-minute stabilization window. Values reach the HPA as prometheus-adapter
 * sends them: {@code int64(value * 1000)} milli-units, NaN as 0 (prometheus-adapter
 * {@code pkg/custom-provider/provider.go}, {@code metricFor}).
 */
public final class PlanDecisionAssert extends AbstractAssert<PlanDecisionAssert, ScalingPlan> {
  /** The value of the plan's only metric, or null when the metrics are named. */
  private final Double onlyValue;
  private final Map<String, Double> values;
  private final int fromReplicas;

  PlanDecisionAssert(ScalingPlan plan, Double onlyValue, Map<String, Double> values, int fromReplicas) {
    super(plan, PlanDecisionAssert.class);
    this.onlyValue = onlyValue;
    this.values = values;
    this.fromReplicas = fromReplicas;
  }

  /**
   * With this metric at this value, besides the ones named before (for plans with several metrics).
   *
   * @param metricName the metric's name, such as {@code infer_rps}
   * @param value the metric value, in the metric's units
   * @return this assertion, to chain more
   */
  public PlanDecisionAssert at(String metricName, double value) {
    Map<String, Double> more = new LinkedHashMap<>(values);
    more.put(metricName, value);
    return new PlanDecisionAssert(actual, null, more, fromReplicas);
  }

  /**
   * From this many replicas (default: the plan's {@code minReplicas}).
   *
   * @param replicas the current replicas of both HPAs, at least 0
   * @return this assertion, to chain more
   */
  public PlanDecisionAssert fromReplicas(int replicas) {
    Validation.check(replicas >= 0, "fromReplicas must be >= 0 (was %d)", replicas);
    return new PlanDecisionAssert(actual, onlyValue, values, replicas);
  }

  /**
   * Both HPAs of the pair decide {@code expected} replicas.
   *
   * @param expected the replicas, at least 0
   * @return this assertion, to chain more
   */
  public PlanDecisionAssert decides(int expected) {
    isNotNull();
    List<Hpa> hpas = new ArrayList<>();
    hpas.add(actual.modelHpa());
    actual.serverHpa().ifPresent(hpas::add);
    List<String> outcomes = new ArrayList<>();
    boolean all = true;
    for (Hpa hpa : hpas) {
      ScaleDecision d = HpaController.of(hpa).step(Instant.EPOCH, fromReplicas, fromReplicas, readings(hpa));
      all &= d.desiredReplicas() == expected;
      outcomes.add(hpa.scaleTargetRef().kind() + " HPA " + hpa.name() + " decided " + d.desiredReplicas() + " "
          + d.conditions());
    }
    if (!all) {
      failWithMessage(Texts.literal("expected " + (hpas.size() == 2 ? "both HPAs of the plan " : "the HPA of the plan ")
          + actual.namespace() + "/" + actual.modelName() + " to decide " + expected + " replicas from "
          + fromReplicas + " with " + describeValues() + ", but the " + String.join(" and the ", outcomes)));
    }
    return this;
  }

  private String describeValues() {
    if (onlyValue != null) {
      return (actual.metrics().size() == 1 ? name(actual.metrics().get(0)) : "every metric") + " at "
          + Texts.number(onlyValue);
    }
    return values.entrySet().stream().map(e -> e.getKey() + " at " + Texts.number(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private List<MetricReading> readings(Hpa hpa) {
    List<MetricReading> readings = new ArrayList<>();
    for (Metric m : hpa.metrics()) {
      String name = name(m);
      Double value = onlyValue != null && hpa.metrics().size() == 1 ? onlyValue : values.get(name);
      if (value == null) {
        failWithMessage(Texts.literal("the plan " + actual.namespace() + "/" + actual.modelName() + " has the metrics "
            + hpa.metrics().stream().map(PlanDecisionAssert::name).collect(Collectors.toList())
            + ": give each its value with at(name, value) (was " + describeValues() + ")"));
      }
      long usage = Double.isNaN(value) ? 0 : (long) (value * 1000.0);
      // a plan's metrics are Object or External metrics with AverageValue targets (ScalingPlan's validation)
      long averageValue = m.target().averageValue().orElseThrow().milliValue();
      readings.add(m instanceof ExternalMetric ? MetricReading.externalAverageValue(new long[] {usage}, averageValue)
          : MetricReading.objectAverageValue(usage, averageValue));
    }
    return readings;
  }

  /** A plan's metrics are Object or External metrics (ScalingPlan's validation). */
  private static String name(Metric m) {
    return m instanceof ObjectMetric ? ((ObjectMetric) m).metricName() : ((ExternalMetric) m).metricName();
  }
}
