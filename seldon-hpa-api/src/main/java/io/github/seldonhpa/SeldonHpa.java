package io.github.seldonhpa;

import java.time.Duration;

/**
 * The fluent entry point of seldon-hpa, written for {@code import static io.github.seldonhpa.SeldonHpa.*}.
 * Each method delegates to a factory on its own type. A plan for the Seldon docs' {@code irisa0} Model,
 * scaled on {@code infer_rps} at 3 requests per second per replica, with its single-model Server:
 *
 * <pre>{@code
 * ScalingPlan plan = scalingPlan("irisa0")                    // the plan of the Model irisa0
 *     .namespace("seldon-mesh")
 *     .serverName("mlserver")                                  // also derive the matching Server HPA
 *     .storageUri("gs://seldon-models/testing/iris1")          // optional: also derive the Model CR
 *     .addRequirement("sklearn")
 *     .memory("3M")
 *     .addMetric(objectMetric("infer_rps", averageValue(3)))   // type: Object, AverageValue 3 per replica
 *     .replicas(1, 3)
 *     .scaleUp(scalingRules()
 *         .stabilizationWindow(ofSeconds(60))
 *         .addPolicy(pods(5, ofSeconds(90)))                   // at most 5 Pods per 90 s
 *         .build())
 *     .build();                                                // HpaValidationException when invalid
 *
 * plan.modelResource(); // the Model irisa0: spec.replicas 1, no min/maxReplicas
 * plan.modelHpa();      // irisa0-model-hpa
 * plan.serverHpa();     // mlserver-server-hpa: same metrics, bounds and behaviour
 * }</pre>
 *
 * <p>Every value is checked when built; the rules and their messages are listed in {@code docs/api.md}.
 */
public final class SeldonHpa {
  private SeldonHpa() {}

  /**
   * {@return a builder of the {@link ScalingPlan} of the Seldon Model {@code modelName}} Named after what it
   * builds, as {@link #scalingRules()} and {@link #nativeScaling()} are.
   *
   * @param modelName the Model's {@code metadata.name}, a DNS-1123 subdomain of at most 243 characters
   */
  public static ScalingPlan.Builder scalingPlan(String modelName) {
    return ScalingPlan.builder().modelName(modelName);
  }

  /**
   * {@return an Object metric {@code metricName} with {@code target}; in a plan it describes the plan's Model}
   *
   * @param metricName the metric name the adapter serves, such as {@code infer_rps}
   * @param target the target, an AverageValue for a plan's Model HPA
   */
  public static ObjectMetric objectMetric(String metricName, MetricTarget target) {
    return ObjectMetric.of(metricName, target);
  }

  /**
   * {@return an Object metric {@code metricName} on the series matching {@code selector}, with {@code target}}
   *
   * @param metricName the metric name the adapter serves, such as {@code infer_rps}
   * @param selector the {@code metric.selector} the HPA passes to the adapter, narrowing the series it reads
   * @param target the target, an AverageValue for a plan's Model HPA
   */
  public static ObjectMetric objectMetric(String metricName, LabelSelector selector, MetricTarget target) {
    return ObjectMetric.builder().metricName(metricName).selector(selector).target(target).build();
  }

  /**
   * {@return an External metric {@code metricName} with {@code target}}
   *
   * @param metricName the external metric's name, as the adapter's {@code externalRules} serve it
   * @param target a Value or AverageValue target
   */
  public static ExternalMetric externalMetric(String metricName, MetricTarget target) {
    return ExternalMetric.of(metricName, target);
  }

  /**
   * {@return a Pods metric {@code metricName} with an AverageValue {@code target} (Server HPAs only)}
   *
   * @param metricName the per-pod metric name the adapter serves
   * @param target an AverageValue target per pod
   */
  public static PodsMetric podsMetric(String metricName, MetricTarget target) {
    return PodsMetric.of(metricName, target);
  }

  /**
   * {@return a Resource metric on {@code cpu} or {@code memory} with {@code target} (Server HPAs only)}
   *
   * @param resource {@code cpu} or {@code memory}
   * @param target a Utilization (percent of the request) or AverageValue target
   */
  public static ResourceMetric resourceMetric(String resource, MetricTarget target) {
    return ResourceMetric.of(resource, target);
  }

  /**
   * {@return the label selector {@code key=value}; add more with {@link LabelSelector#builder()}}
   *
   * @param key the label key, in Kubernetes label-key syntax
   * @param value the label value, empty or a label name of at most 63 characters
   */
  public static LabelSelector matchLabel(String key, String value) {
    return LabelSelector.matchLabel(key, value);
  }

  /**
   * {@return a target of {@code type: AverageValue} with the integer {@code averageValue}}
   *
   * @param averageValue the value per replica, above 0
   */
  public static MetricTarget averageValue(long averageValue) {
    return MetricTarget.averageValue(averageValue);
  }

  /**
   * {@return a target of {@code type: AverageValue} with {@code averageValue} as a quantity ({@code "500m"})}
   *
   * @param averageValue a Kubernetes quantity above 0, such as {@code "500m"} or {@code "3"}
   */
  public static MetricTarget averageValue(String averageValue) {
    return MetricTarget.averageValue(averageValue);
  }

  /**
   * {@return a target of {@code type: AverageValue} with {@code averageValue}}
   *
   * @param averageValue the value per replica, above 0
   */
  public static MetricTarget averageValue(Quantity averageValue) {
    return MetricTarget.averageValue(averageValue);
  }

  /**
   * {@return a target of {@code type: Value} with the integer {@code value}}
   *
   * @param value the total value, above 0
   */
  public static MetricTarget value(long value) {
    return MetricTarget.value(value);
  }

  /**
   * {@return a target of {@code type: Value} with {@code value} as a quantity}
   *
   * @param value a Kubernetes quantity above 0, such as {@code "10k"}
   */
  public static MetricTarget value(String value) {
    return MetricTarget.value(value);
  }

  /**
   * {@return a target of {@code type: Value} with {@code value}}
   *
   * @param value the total value, above 0
   */
  public static MetricTarget value(Quantity value) {
    return MetricTarget.value(value);
  }

  /**
   * {@return a target of {@code type: Utilization} with {@code averageUtilization} percent (Resource metrics)}
   *
   * @param averageUtilization percent of the pods' resource request, above 0 (may exceed 100)
   */
  public static MetricTarget utilization(int averageUtilization) {
    return MetricTarget.utilization(averageUtilization);
  }

  /**
   * {@return a scaling policy: at most {@code pods} replicas per {@code period}}
   *
   * @param pods the most pods added or removed in one {@code period}, above 0
   * @param period the window the limit applies to, in whole seconds from 1 to 1800
   */
  public static ScalingPolicy pods(int pods, Duration period) {
    return ScalingPolicy.pods(pods, period);
  }

  /**
   * {@return a scaling policy: at most {@code percent} percent of the current replicas per {@code period}}
   *
   * @param percent the most replicas added or removed in one {@code period}, in percent of the current replicas, above
   *     0
   * @param period the window the limit applies to, in whole seconds from 1 to 1800
   */
  public static ScalingPolicy percent(int percent, Duration period) {
    return ScalingPolicy.percent(percent, period);
  }

  /** {@return a builder of scaling rules for {@code scaleUp} or {@code scaleDown}} */
  public static ScalingRules.Builder scalingRules() {
    return ScalingRules.builder();
  }

  /**
   * {@return a reference to the Seldon Model {@code name}}
   *
   * @param name the Model's {@code metadata.name}
   */
  public static ObjectReference modelRef(String name) {
    return ObjectReference.model(name);
  }

  /**
   * {@return a reference to the Seldon Server {@code name}}
   *
   * @param name the Server's {@code metadata.name}
   */
  public static ObjectReference serverRef(String name) {
    return ObjectReference.server(name);
  }

  /** {@return a builder of Seldon's native lag-based scaling settings, with the helm defaults} */
  public static NativeScaling.Builder nativeScaling() {
    return NativeScaling.builder();
  }

  /**
   * {@return KEDA settings for running a plan as ScaledObjects whose prometheus triggers query
   * {@code serverAddress}; see {@link KedaOptions}}
   *
   * @param serverAddress the Prometheus base URL the triggers query, such as {@code http://prometheus.seldon-mesh:9090}
   */
  public static KedaOptions.Builder keda(String serverAddress) {
    return KedaOptions.builder().serverAddress(serverAddress);
  }
}
