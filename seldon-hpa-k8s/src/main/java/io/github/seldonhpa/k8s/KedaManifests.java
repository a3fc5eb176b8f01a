package io.github.seldonhpa.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.KedaFallback;
import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.PrometheusTrigger;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.Explanation;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.promql.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a plan for KEDA: {@code keda.sh/v1alpha1} ScaledObjects whose prometheus triggers run exactly the
 * PromQL prometheus-adapter runs for the plan's metrics (taken from {@link AdapterConfig#explain}, so one
 * adapter rule yields both backends), as fabric8 objects or deterministic YAML in the key order of KEDA's
 * documentation.
 *
 * <pre>{@code
 * KedaOptions keda = SeldonHpa.keda("http://prometheus.seldon-monitoring:9090").build();
 * String yaml = KedaManifests.yaml(plan, keda, SeldonPresets.inferRpsConfig(Duration.ofMinutes(2)));
 * }</pre>
 */
public final class KedaManifests {
  /** The ScaledObject's {@code apiVersion}. */
  public static final String API_VERSION = "keda.sh/v1alpha1";

  private KedaManifests() {}

  /**
   * {@return the plan's ScaledObjects (Model, then Server) with the queries the adapter would run for its metrics,
   * explained against the series Seldon Core 2 publishes ({@link SeldonPresets#defaultSeries()})}
   *
   * @param plan the plan; its metrics must be Object metrics
   * @param keda the KEDA settings
   * @param adapter the adapter config whose queries the triggers take
   * @throws HpaValidationException when a metric is not an Object metric, the adapter serves no query for
   *     it, or scale to zero is asked on a metric the Model's own pods count
   */
  public static List<ScaledObject> scaledObjects(ScalingPlan plan, KedaOptions keda, AdapterConfig adapter) {
    return scaledObjects(plan, keda, adapter, SeldonPresets.defaultSeries());
  }

  /**
   * {@return as {@link #scaledObjects(ScalingPlan, KedaOptions, AdapterConfig)}, explained against {@code knownSeries}}
   *
   * @param plan the plan; its metrics must be Object metrics
   * @param keda the KEDA settings
   * @param adapter the adapter config whose queries the triggers take
   * @param knownSeries the series Prometheus holds (name and labels), standing in for {@code /api/v1/series}
   */
  public static List<ScaledObject> scaledObjects(ScalingPlan plan, KedaOptions keda, AdapterConfig adapter,
      List<Series> knownSeries) {
    List<Metric> metrics = plan.modelHpa().metrics();
    List<String> queries = new ArrayList<>(metrics.size());
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      if (!(m instanceof ObjectMetric)) {
        throw new HpaValidationException(String.format("metrics[%d] must be an Object metric to render a KEDA"
            + " trigger: the trigger runs the query prometheus-adapter builds for it (was %s %s)", i,
            m.type().yamlName(), m.target().type().yamlName()));
      }
      Explanation e = adapter.explain((ObjectMetric) m, plan.namespace(), knownSeries);
      if (e.query().isEmpty()) {
        throw new HpaValidationException(String.format("metrics[%d] (%s) has no query to put in a KEDA trigger:"
            + " %s", i, ((ObjectMetric) m).metricName(), String.join("; ", e.reasons())));
      }
      if (keda.minReplicaCount().orElse(plan.minReplicas()) == 0) {
        String series = e.seriesName().orElse("");
        if (series.startsWith("seldon_model_")) {
          throw new HpaValidationException(String.format("minReplicaCount must be >= 1 for a trigger on %s:"
              + " Seldon Core 2.10+ accepts replicas: 0 and unloads the Model (ModelScaledDown), but this series"
              + " is counted by the agents of the server pods that host the Model, so at zero the query stays 0"
              + " and KEDA never activates the Model again (SeldonIO/seldon-core#6814); scale to zero on a"
              + " metric measured in front of the Model (was 0)", series));
        }
      }
      queries.add(e.query().get());
    }
    return keda.scaledObjects(plan, queries);
  }

  /**
   * {@return the plan's ScaledObjects as fabric8 objects}
   *
   * @param plan the plan; its metrics must be Object metrics
   * @param keda the KEDA settings
   * @param adapter the adapter config whose queries the triggers take
   */
  public static List<GenericKubernetesResource> of(ScalingPlan plan, KedaOptions keda, AdapterConfig adapter) {
    List<GenericKubernetesResource> out = new ArrayList<>(2);
    for (ScaledObject so : scaledObjects(plan, keda, adapter)) {
      out.add(scaledObjectResource(so));
    }
    return out;
  }

  /**
   * {@return the plan's ScaledObjects as one multi-document YAML text}
   *
   * @param plan the plan; its metrics must be Object metrics
   * @param keda the KEDA settings
   * @param adapter the adapter config whose queries the triggers take
   */
  public static String yaml(ScalingPlan plan, KedaOptions keda, AdapterConfig adapter) {
    return yaml(scaledObjects(plan, keda, adapter));
  }

  /**
   * {@return ScaledObjects as one multi-document YAML text}
   *
   * @param scaledObjects the ScaledObjects, written in this order
   */
  public static String yaml(List<ScaledObject> scaledObjects) {
    StringBuilder out = new StringBuilder(2048);
    for (ScaledObject so : scaledObjects) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      YamlEmitter.document(tree(so), out);
    }
    return out.toString();
  }

  /**
   * {@return one ScaledObject as YAML}
   *
   * @param scaledObject the ScaledObject
   */
  public static String yaml(ScaledObject scaledObject) {
    return yaml(List.of(scaledObject));
  }

  /**
   * {@return one ScaledObject as a fabric8 generic resource (fresh on every call)} fabric8 has no class for
   * KEDA's kinds.
   *
   * @param scaledObject the ScaledObject to render
   */
  public static GenericKubernetesResource scaledObjectResource(ScaledObject scaledObject) {
    return Manifests.Mapper.INSTANCE.convertValue(tree(scaledObject), GenericKubernetesResource.class);
  }

  /** The manifest tree, in the order of KEDA's ScaledObject specification page. */
  static Map<String, Object> tree(ScaledObject so) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("scaleTargetRef", ManifestTrees.reference(so.scaleTargetRef()));
    so.pollingInterval().ifPresent(p -> spec.put("pollingInterval", p.getSeconds()));
    so.cooldownPeriod().ifPresent(c -> spec.put("cooldownPeriod", c.getSeconds()));
    so.idleReplicaCount().ifPresent(i -> spec.put("idleReplicaCount", i));
    so.minReplicaCount().ifPresent(m -> spec.put("minReplicaCount", m));
    so.maxReplicaCount().ifPresent(m -> spec.put("maxReplicaCount", m));
    so.fallback().ifPresent(f -> spec.put("fallback", fallback(f)));
    so.behavior().ifPresent(b -> {
      Map<String, Object> hpaConfig = new LinkedHashMap<>();
      hpaConfig.put("behavior", ManifestTrees.behavior(b));
      Map<String, Object> advanced = new LinkedHashMap<>();
      advanced.put("horizontalPodAutoscalerConfig", hpaConfig);
      spec.put("advanced", advanced);
    });
    List<Object> triggers = new ArrayList<>(so.triggers().size());
    for (PrometheusTrigger t : so.triggers()) {
      triggers.add(trigger(t));
    }
    spec.put("triggers", triggers);
    return ManifestTrees.object(API_VERSION, "ScaledObject",
        ManifestTrees.metadata(so.name(), Optional.of(so.namespace()), so.labels(), so.annotations()), spec);
  }

  private static Map<String, Object> fallback(KedaFallback f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("failureThreshold", f.failureThreshold());
    m.put("replicas", f.replicas());
    return m;
  }

  private static Map<String, Object> trigger(PrometheusTrigger t) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("serverAddress", t.serverAddress());
    metadata.put("query", t.query());
    metadata.put("threshold", PrometheusTrigger.decimal(t.threshold()));
    t.activationThreshold().ifPresent(a -> metadata.put("activationThreshold", PrometheusTrigger.decimal(a)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "prometheus");
    m.put("metricType", t.metricType().yamlName());
    m.put("metadata", metadata);
    t.authenticationRef().ifPresent(a -> {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("name", a);
      m.put("authenticationRef", ref);
    });
    return m;
  }
}
