package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How to run a {@link ScalingPlan} on KEDA instead of HPA + prometheus-adapter: the Prometheus KEDA
 * queries and the KEDA settings the plan has no word for. The plan keeps its intent (metric target,
 * bounds, behaviour); {@link #scaledObjects} derives one ScaledObject per scaled object from it, the
 * Model's {@code <model>-model} and, for single-model serving, the Server's {@code <server>-server}.
 *
 * <pre>{@code
 * KedaOptions keda = SeldonHpa.keda("http://prometheus.seldon-monitoring:9090")
 *     .pollingInterval(ofSeconds(15))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class KedaOptions {
  private static final String MODEL_SUFFIX = "-model";
  private static final String SERVER_SUFFIX = "-server";

  KedaOptions() {}

  /** {@return the triggers' {@code serverAddress}: the Prometheus base URL KEDA's operator queries} */
  public abstract String serverAddress();

  /** {@return {@code pollingInterval}} Default: KEDA's 30 s (omitted). */
  public abstract Optional<Duration> pollingInterval();

  /** {@return {@code cooldownPeriod}} Default: KEDA's 300 s (omitted). */
  public abstract Optional<Duration> cooldownPeriod();

  /**
   * {@return {@code minReplicaCount}} Default: the plan's minReplicas, always written (KEDA's own default 0 would
   * scale the Model to zero). 0 is scale to zero; see {@code docs/keda.md}.
   */
  public abstract Optional<Integer> minReplicaCount();

  /** {@return {@code idleReplicaCount}} Default: none. */
  public abstract Optional<Integer> idleReplicaCount();

  /** {@return the triggers' {@code activationThreshold}} Default: none (KEDA's 0). */
  public abstract Optional<Quantity> activationThreshold();

  /** {@return {@code fallback}} Default: none. */
  public abstract Optional<KedaFallback> fallback();

  /** {@return the triggers' {@code authenticationRef.name}: a TriggerAuthentication} Default: none. */
  public abstract Optional<String> authenticationRef();

  /** {@return a builder; see {@link SeldonHpa#keda(String)}} */
  public static Builder builder() {
    return ImmutableKedaOptions.builder();
  }

  /** Builds {@link KedaOptions}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the KedaOptions whose values are copied
     * @return this builder
     */
    public abstract Builder from(KedaOptions instance);

    /**
     * Sets {@link KedaOptions#serverAddress()}.
     *
     * @param serverAddress the triggers' {@code serverAddress}: the Prometheus base URL KEDA's operator queries
     * @return this builder
     */
    public abstract Builder serverAddress(String serverAddress);

    /**
     * Sets {@link KedaOptions#pollingInterval()}.
     *
     * @param pollingInterval {@code pollingInterval}. Default: KEDA's 30 s (omitted)
     * @return this builder
     */
    public abstract Builder pollingInterval(Duration pollingInterval);

    /**
     * Sets or clears {@link KedaOptions#pollingInterval()}.
     *
     * @param pollingInterval the value, or empty to clear it; {@code pollingInterval}. Default: KEDA's 30 s (omitted)
     * @return this builder
     */
    public abstract Builder pollingInterval(Optional<? extends Duration> pollingInterval);

    /**
     * Sets {@link KedaOptions#cooldownPeriod()}.
     *
     * @param cooldownPeriod {@code cooldownPeriod}. Default: KEDA's 300 s (omitted)
     * @return this builder
     */
    public abstract Builder cooldownPeriod(Duration cooldownPeriod);

    /**
     * Sets or clears {@link KedaOptions#cooldownPeriod()}.
     *
     * @param cooldownPeriod the value, or empty to clear it; {@code cooldownPeriod}. Default: KEDA's 300 s (omitted)
     * @return this builder
     */
    public abstract Builder cooldownPeriod(Optional<? extends Duration> cooldownPeriod);

    /**
     * Sets {@link KedaOptions#minReplicaCount()}.
     *
     * @param minReplicaCount {@code minReplicaCount}. Default: the plan's minReplicas, always written (KEDA's own
     *     default 0 would scale the Model to zero). 0 is scale to zero; see {@code docs/keda.md}
     * @return this builder
     */
    public abstract Builder minReplicaCount(int minReplicaCount);

    /**
     * Sets or clears {@link KedaOptions#minReplicaCount()}.
     *
     * @param minReplicaCount the value, or empty to clear it; {@code minReplicaCount}. Default: the plan's minReplicas,
     *     always written (KEDA's own default 0 would scale the Model to zero). 0 is scale to zero; see
     *     {@code docs/keda.md}
     * @return this builder
     */
    public abstract Builder minReplicaCount(Optional<Integer> minReplicaCount);

    /**
     * Sets {@link KedaOptions#idleReplicaCount()}.
     *
     * @param idleReplicaCount {@code idleReplicaCount}. Default: none
     * @return this builder
     */
    public abstract Builder idleReplicaCount(int idleReplicaCount);

    /**
     * Sets or clears {@link KedaOptions#idleReplicaCount()}.
     *
     * @param idleReplicaCount the value, or empty to clear it; {@code idleReplicaCount}. Default: none
     * @return this builder
     */
    public abstract Builder idleReplicaCount(Optional<Integer> idleReplicaCount);

    /**
     * Sets {@link KedaOptions#activationThreshold()}.
     *
     * @param activationThreshold the triggers' {@code activationThreshold}. Default: none (KEDA's 0)
     * @return this builder
     */
    public abstract Builder activationThreshold(Quantity activationThreshold);

    /**
     * Sets or clears {@link KedaOptions#activationThreshold()}.
     *
     * @param activationThreshold the value, or empty to clear it; the triggers' {@code activationThreshold}. Default:
     *     none (KEDA's 0)
     * @return this builder
     */
    public abstract Builder activationThreshold(Optional<? extends Quantity> activationThreshold);

    /**
     * Sets {@link KedaOptions#fallback()}.
     *
     * @param fallback {@code fallback}. Default: none
     * @return this builder
     */
    public abstract Builder fallback(KedaFallback fallback);

    /**
     * Sets or clears {@link KedaOptions#fallback()}.
     *
     * @param fallback the value, or empty to clear it; {@code fallback}. Default: none
     * @return this builder
     */
    public abstract Builder fallback(Optional<? extends KedaFallback> fallback);

    /**
     * Sets {@link KedaOptions#authenticationRef()}.
     *
     * @param authenticationRef the triggers' {@code authenticationRef.name}: a TriggerAuthentication. Default: none
     * @return this builder
     */
    public abstract Builder authenticationRef(String authenticationRef);

    /**
     * Sets or clears {@link KedaOptions#authenticationRef()}.
     *
     * @param authenticationRef the value, or empty to clear it; the triggers' {@code authenticationRef.name}: a
     *     TriggerAuthentication. Default: none
     * @return this builder
     */
    public abstract Builder authenticationRef(Optional<String> authenticationRef);

    /**
     * Builds the {@link KedaOptions}, checking every rule of its fields.
     *
     * @return the KedaOptions
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract KedaOptions build();

    /**
     * Sets {@code activationThreshold} parsed as a quantity ({@code "0.5"}, {@code "500m"}).
     *
     * @param threshold a Kubernetes quantity at least 0; the metric value at or below which KEDA deactivates the target
     * @return this builder
     */
    public final Builder activationThreshold(String threshold) {
      return activationThreshold(Quantity.parse("activationThreshold", threshold));
    }

    /**
     * Sets {@code fallback}: {@code replicas} after more than {@code failureThreshold} failed reads.
     *
     * @param failureThreshold failed metric reads tolerated before the fallback, at least 0
     * @param replicas the replicas KEDA sets while the metric cannot be read, at least 0
     * @return this builder
     */
    public final Builder fallback(int failureThreshold, int replicas) {
      return fallback(KedaFallback.of(failureThreshold, replicas));
    }
  }

  /**
   * {@return the Model's ScaledObject name: {@code <modelName>-model}}
   *
   * @param plan the plan whose {@code modelName} names the ScaledObject
   */
  public static String modelScaledObjectName(ScalingPlan plan) {
    return plan.modelName() + MODEL_SUFFIX;
  }

  /**
   * {@return the plan's ScaledObjects: the Model's and, when the plan names a server, the Server's, both on the same
   * triggers, bounds and behaviour}
   *
   * @param plan the plan to run on KEDA; its metrics become the triggers, in order
   * @param queries the PromQL of each plan metric, in order: what prometheus-adapter runs for it (see
   *     {@code KedaManifests} in {@code seldon-hpa-k8s}, which takes them from the adapter's explain)
   * @throws HpaValidationException when the queries do not match the metrics or a ScaledObject is invalid
   */
  public final List<ScaledObject> scaledObjects(ScalingPlan plan, List<String> queries) {
    Checks.check(queries.size() == plan.metrics().size(),
        "queries must hold one query per plan metric (was %d queries for %d metrics)", queries.size(),
        plan.metrics().size());
    List<PrometheusTrigger> triggers = new ArrayList<>(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      MetricTarget target = plan.metrics().get(i).target();
      triggers.add(PrometheusTrigger.builder()
          .metricType(target.type())
          .serverAddress(serverAddress())
          .query(queries.get(i))
          .threshold(target.averageValue().or(target::value).orElseThrow())
          .activationThreshold(activationThreshold())
          .authenticationRef(authenticationRef())
          .build());
    }
    List<ScaledObject> out = new ArrayList<>(2);
    out.add(scaledObject(plan, modelScaledObjectName(plan), ObjectReference.model(plan.modelName()), triggers));
    plan.serverName().ifPresent(s -> out.add(scaledObject(plan, s + SERVER_SUFFIX, ObjectReference.server(s), triggers)));
    return out;
  }

  private ScaledObject scaledObject(ScalingPlan plan, String name, ObjectReference target,
      List<PrometheusTrigger> triggers) {
    return ScaledObject.builder()
        .name(name)
        .namespace(plan.namespace())
        .labels(plan.labels())
        .annotations(plan.annotations())
        .scaleTargetRef(target)
        .pollingInterval(pollingInterval())
        .cooldownPeriod(cooldownPeriod())
        .minReplicaCount(minReplicaCount().orElse(plan.minReplicas()))
        .maxReplicaCount(plan.maxReplicas())
        .idleReplicaCount(idleReplicaCount())
        .fallback(fallback())
        .behavior(plan.behavior())
        .addAllTriggers(triggers)
        .build();
  }

  @Value.Check
  final void check() {
    Checks.notBlank("serverAddress", serverAddress());
    Checks.check(serverAddress().startsWith("http://") || serverAddress().startsWith("https://"),
        "serverAddress must be an http:// or https:// URL: KEDA appends /api/v1/query to it (was \"%s\")",
        serverAddress());
    minReplicaCount().ifPresent(m -> Checks.check(m >= 0, "minReplicaCount must be >= 0 (was %d)", m));
  }
}
