package io.github.seldonhpa.k8s;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.PrometheusTrigger;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.scaling.ReplicaCalculator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Explains a ScaledObject as KEDA runs it (kedacore/keda {@code controllers/keda/hpa.go},
 * {@code pkg/scalers/prometheus_scaler.go}, {@code pkg/scaling/executor/scale_scaledobjects.go}): the HPA it
 * generates, the External metrics and their request paths, and, with a {@link PrometheusClient}, the value
 * of every trigger's query and the replicas that follow.
 */
public final class KedaExplain {
  private static final String API = "/apis/external.metrics.k8s.io/v1beta1";

  private KedaExplain() {}

  /**
   * {@return the generated HPA and each trigger's External metric}
   *
   * @param so the ScaledObject
   */
  public static KedaExplanation explain(ScaledObject so) {
    var out = KedaExplanation.builder().scaledObject(so).hpa(so.hpa());
    // the HPA's external metrics client: GET namespaces/<ns>/<metric>?labelSelector=<selector>
    String selector = queryEscape(ScaledObject.OWNER_LABEL + "=" + so.name());
    for (int i = 0; i < so.triggers().size(); i++) {
      PrometheusTrigger t = so.triggers().get(i);
      String metric = ScaledObject.metricName(i);
      out.addTriggers(KedaExplanation.trigger()
          .metricName(metric)
          .query(t.query())
          .hpaTarget(t.hpaTarget())
          .activationThreshold(t.activationThreshold().orElse(Quantity.of(0)))
          .apiPath(API + "/namespaces/" + so.namespace() + "/" + metric + "?labelSelector=" + selector)
          .build());
    }
    return out.build();
  }

  /**
   * {@return one poll: runs every trigger's query at {@code time} as KEDA does (an empty result reads as 0, more than
   * one sample is KEDA's error "returned multiple elements"), and derives the replicas}
   *
   * @param so the ScaledObject whose triggers are polled
   * @param prometheus the Prometheus the triggers' {@code serverAddress} names
   * @param time the time of the poll, the queries' evaluation time
   * @param currentReplicas the target's {@code spec.replicas}
   * @throws PrometheusException when Prometheus cannot be queried
   * @throws HpaValidationException when a query returns several samples, which KEDA refuses
   */
  public static KedaReading read(ScaledObject so, PrometheusClient prometheus, Instant time, int currentReplicas) {
    if (currentReplicas < 0) {
      throw new HpaValidationException("currentReplicas must be >= 0 (was " + currentReplicas + ")");
    }
    var out = KedaReading.builder().currentReplicas(currentReplicas);
    int proposal = 0;
    boolean active = false;
    for (int i = 0; i < so.triggers().size(); i++) {
      PrometheusTrigger t = so.triggers().get(i);
      double value;
      try {
        List<QuerySample> samples = prometheus.query(t.query(), time).samples();
        if (samples.size() > 1) {
          throw new HpaValidationException("triggers[" + i + "].query must return one sample: KEDA fails with"
              + " \"prometheus query " + t.query() + " returned multiple elements\" (was " + samples.size() + ")");
        }
        value = samples.get(0).value();
      } catch (PrometheusException.EmptyResult e) {
        value = 0;
      }
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        value = 0;
      }
      long milli = milli(value);
      boolean on = value > t.activationThreshold().map(Quantity::doubleValue).orElse(0.0);
      int p = currentReplicas == 0 ? 0 : ReplicaCalculator.externalAverageValue(new long[] {milli},
          t.hpaTarget().milliValue(), currentReplicas, ReplicaCalculator.DEFAULT_TOLERANCE,
          ReplicaCalculator.DEFAULT_TOLERANCE).replicas();
      out.addValues(KedaReading.value().metricName(ScaledObject.metricName(i)).value(value).milliValue(milli)
          .active(on).proposal(p).build());
      proposal = Math.max(proposal, p);
      active |= on;
    }
    int min = so.hpa().effectiveMinReplicas();
    int floor = so.idleReplicaCount().orElse(0);
    int desired;
    if (currentReplicas <= floor && currentReplicas < min) {
      desired = active ? min : currentReplicas;
    } else {
      desired = Math.max(min, Math.min(so.effectiveMaxReplicaCount(), proposal));
    }
    return out.desiredReplicas(desired).build();
  }

  /** A non-negative value in milli-units as KEDA writes it, {@code %.3f} (half to even on an exact tie). */
  static long milli(double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      return 0;
    }
    return new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).movePointRight(3).longValueExact();
  }

  /** Go's {@code url.QueryEscape}, as client-go encodes {@code labelSelector}. */
  static String queryEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}
