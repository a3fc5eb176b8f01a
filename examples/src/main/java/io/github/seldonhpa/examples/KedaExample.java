package io.github.seldonhpa.examples;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;

import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.KedaExplain;
import io.github.seldonhpa.k8s.KedaManifests;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.scaling.KedaComparison;
import io.github.seldonhpa.scaling.KedaSimulation;
import java.time.Duration;
import java.util.List;

/**
 * The seeds' single-model-serving pair (irisa0 on mlserver, {@code infer_rps} 3 per replica, 1..3, scale-up
 * stabilization 60 s and Pods 5 per 90 s) on KEDA: the two ScaledObjects, whose prometheus triggers run the
 * query prometheus-adapter builds from Seldon's documented rule, the HPAs KEDA generates from them, and the
 * seeds' pathological ramp replayed on KEDA beside HPA + adapter: first with the same floor, then scaled to
 * zero on the pipeline gateway's RPS (a metric that keeps counting while the Model is at zero).
 */
public final class KedaExample {
  /** The Prometheus KEDA queries: the seldon-monitoring stack of Seldon's docs. */
  static final String PROMETHEUS = "http://seldon-monitoring-prometheus.seldon-monitoring:9090";
  /** Seldon's documented adapter rule (2 m window) and the pipeline gateway's RPS. */
  static final AdapterConfig ADAPTER = AdapterConfig.builder()
      .addRule(SeldonPresets.modelInferRps(Duration.ofMinutes(2)))
      .addRule(SeldonPresets.pipelineInferRps(Duration.ofMinutes(2)))
      .build();

  private KedaExample() {}

  /** The seeds' pair (seed 002). */
  static ScalingPlan seedsPair() {
    return scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(3)))
        .replicas(1, 3)
        .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
        .build();
  }

  /** The seeds' pair as ScaledObjects (KEDA's defaults otherwise). */
  static List<ScaledObject> seedsScaledObjects() {
    return KedaManifests.scaledObjects(seedsPair(), keda(PROMETHEUS).build(), ADAPTER);
  }

  /** The pathological case's plan on its pipeline's RPS: the metric for scaling to zero. */
  static ScalingPlan pipelinePlan(ScalingPlan pathological) {
    ObjectMetric byModel = (ObjectMetric) pathological.metrics().get(0);
    return scalingPlan(pathological.modelName()).namespace(pathological.namespace()).serverName(pathological.serverName())
        .addMetric(ObjectMetric.builder().metricName("pipeline_infer_rps")
            .describedObject(ObjectReference.of(ObjectReference.SELDON_API_VERSION, "Pipeline", "iris-pipeline"))
            .target(byModel.target()).build())
        .replicas(pathological.minReplicas(), pathological.maxReplicas()).build();
  }

  /** The pathological ramp on KEDA with the plan's floor of 2: KEDA's HPA decides as the adapter's does. */
  static KedaComparison sameFloor() {
    ScalingPlan plan = PathologicalCaseExample.plan(null);
    List<ScaledObject> sos = KedaManifests.scaledObjects(plan, keda(PROMETHEUS).build(), ADAPTER);
    return KedaSimulation.builder().hpa(PathologicalCaseExample.simulation(plan)).modelScaledObject(sos.get(0))
        .serverScaledObject(sos.get(1)).build().compare();
  }

  /** The pathological ramp on KEDA scaled to zero on the pipeline's RPS, starting at zero. */
  static KedaComparison scaledToZero() {
    ScalingPlan plan = PathologicalCaseExample.plan(null);
    KedaOptions zero = keda(PROMETHEUS).minReplicaCount(0).pollingInterval(ofSeconds(15)).build();
    List<ScaledObject> sos = KedaManifests.scaledObjects(pipelinePlan(plan), zero, ADAPTER);
    return KedaSimulation.builder().hpa(PathologicalCaseExample.simulation(plan)).modelScaledObject(sos.get(0))
        .serverScaledObject(sos.get(1)).initialReplicas(0).build().compare();
  }

  /** The whole report: the ScaledObjects, their HPAs and the two comparisons. */
  public static String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("# The seeds' pair on KEDA\n").append(KedaManifests.yaml(seedsScaledObjects()));
    sb.append("\n# What KEDA generates\n");
    for (ScaledObject so : seedsScaledObjects()) {
      sb.append(KedaExplain.explain(so).report());
    }
    sb.append(KedaExplain.explain(seedsScaledObjects().get(0)).hpaYaml());
    sb.append("\n# The pathological ramp (").append((long) PathologicalCaseExample.START_RPS).append(" -> ")
        .append((long) PathologicalCaseExample.END_RPS).append(" RPS), same floor of 2 replicas\n")
        .append(sameFloor().report());
    sb.append("\n# The same ramp, scaled to zero on the pipeline's RPS (minReplicaCount 0, polling 15 s),"
        + " starting at zero\n").append(scaledToZero().report());
    return sb.toString();
  }

  /** Prints the report. */
  public static void main(String[] args) {
    System.out.print(report());
  }
}
