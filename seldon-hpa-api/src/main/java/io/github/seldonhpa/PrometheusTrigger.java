package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A ScaledObject trigger of {@code type: prometheus}: KEDA runs {@code query} against
 * {@code serverAddress} itself and serves the value as an External metric. Its metadata are strings, and
 * KEDA parses {@code threshold} and {@code activationThreshold} as floating-point numbers, so they are
 * written as plain decimals ({@code 0.5}, not {@code 500m}).
 */
@Value.Immutable
public abstract class PrometheusTrigger {
  PrometheusTrigger() {}

  /** {@return {@code metricType}: AverageValue or Value (KEDA's prometheus scaler refuses Utilization)} */
  @Value.Default
  public MetricTarget.Type metricType() {
    return MetricTarget.Type.AVERAGE_VALUE;
  }

  /**
   * {@return {@code metadata.serverAddress}: the Prometheus base URL, e.g.
   * {@code http://prometheus.seldon-monitoring:9090}}
   */
  public abstract String serverAddress();

  /** {@return {@code metadata.query}: the PromQL; it must return one sample (or none, read as 0)} */
  public abstract String query();

  /** {@return {@code metadata.threshold}: the target per replica (AverageValue) or in total (Value)} Range: &gt; 0. */
  public abstract Quantity threshold();

  /**
   * {@return {@code metadata.activationThreshold}: KEDA activates the target (0 to 1 replicas) only while the value
   * is strictly above it} Default: 0.
   */
  public abstract Optional<Quantity> activationThreshold();

  /**
   * {@return {@code authenticationRef.name}: a TriggerAuthentication in the ScaledObject's namespace} Default: none.
   */
  public abstract Optional<String> authenticationRef();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutablePrometheusTrigger.builder();
  }

  /** Builds {@link PrometheusTrigger}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the PrometheusTrigger whose values are copied
     * @return this builder
     */
    public abstract Builder from(PrometheusTrigger instance);

    /**
     * Sets {@link PrometheusTrigger#metricType()}.
     *
     * @param metricType {@code metricType}: AverageValue or Value (KEDA's prometheus scaler refuses Utilization)
     * @return this builder
     */
    public abstract Builder metricType(MetricTarget.Type metricType);

    /**
     * Sets {@link PrometheusTrigger#serverAddress()}.
     *
     * @param serverAddress {@code metadata.serverAddress}: the Prometheus base URL, e.g.
     *     {@code http://prometheus.seldon-monitoring:9090}
     * @return this builder
     */
    public abstract Builder serverAddress(String serverAddress);

    /**
     * Sets {@link PrometheusTrigger#query()}.
     *
     * @param query {@code metadata.query}: the PromQL; it must return one sample (or none, read as 0)
     * @return this builder
     */
    public abstract Builder query(String query);

    /**
     * Sets {@link PrometheusTrigger#threshold()}.
     *
     * @param threshold {@code metadata.threshold}: the target per replica (AverageValue) or in total (Value). Range:
     *     &gt; 0
     * @return this builder
     */
    public abstract Builder threshold(Quantity threshold);

    /**
     * Sets {@link PrometheusTrigger#activationThreshold()}.
     *
     * @param activationThreshold {@code metadata.activationThreshold}: KEDA activates the target (0 to 1 replicas) only
     *     while the value is strictly above it. Default: 0
     * @return this builder
     */
    public abstract Builder activationThreshold(Quantity activationThreshold);

    /**
     * Sets or clears {@link PrometheusTrigger#activationThreshold()}.
     *
     * @param activationThreshold the value, or empty to clear it; {@code metadata.activationThreshold}: KEDA activates
     *     the target (0 to 1 replicas) only while the value is strictly above it. Default: 0
     * @return this builder
     */
    public abstract Builder activationThreshold(Optional<? extends Quantity> activationThreshold);

    /**
     * Sets {@link PrometheusTrigger#authenticationRef()}.
     *
     * @param authenticationRef {@code authenticationRef.name}: a TriggerAuthentication in the ScaledObject's namespace.
     *     Default: none
     * @return this builder
     */
    public abstract Builder authenticationRef(String authenticationRef);

    /**
     * Sets or clears {@link PrometheusTrigger#authenticationRef()}.
     *
     * @param authenticationRef the value, or empty to clear it; {@code authenticationRef.name}: a TriggerAuthentication
     *     in the ScaledObject's namespace. Default: none
     * @return this builder
     */
    public abstract Builder authenticationRef(Optional<String> authenticationRef);

    /**
     * Builds the {@link PrometheusTrigger}, checking every rule of its fields.
     *
     * @return the PrometheusTrigger
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract PrometheusTrigger build();

}

  /**
   * {@return a quantity as KEDA's metadata hold it: a plain decimal ({@code 3}, {@code 0.5}, {@code 1500})}
   *
   * @param q any quantity; binary suffixes and exponents are expanded
   */
  public static String decimal(Quantity q) {
    return q.toBigDecimal().stripTrailingZeros().toPlainString();
  }

  /**
   * {@return the target of the generated HPA's External metric: KEDA parses {@code threshold} as a float64 and
   * writes it with {@code %.3f} ({@code pkg/scalers/scaler.go}, {@code GetMetricTargetMili}), so the HPA
   * sees it rounded to milli-units}
   */
  public final Quantity hpaTarget() {
    return milli(threshold());
  }

  /** A value as KEDA hands it to the HPA: the float64 written with {@code %.3f} (half to even on a tie). */
  static Quantity milli(Quantity q) {
    return Quantity.of(new java.math.BigDecimal(q.doubleValue()).setScale(3, java.math.RoundingMode.HALF_EVEN));
  }

  @Value.Check
  final void check() {
    Checks.check(metricType() != MetricTarget.Type.UTILIZATION,
        "metricType must be AverageValue or Value: KEDA's prometheus scaler refuses Utilization (was %s)",
        metricType().yamlName());
    Checks.notBlank("serverAddress", serverAddress());
    Checks.notBlank("query", query());
    Checks.check(threshold().signum() > 0, "threshold must be > 0 (was %s)", threshold());
    Checks.check(hpaTarget().signum() > 0,
        "threshold must be at least 0.0005: KEDA rounds it to milli-units for the HPA, which refuses 0 (was %s)",
        decimal(threshold()));
    activationThreshold().ifPresent(a -> Checks.check(a.signum() >= 0,
        "activationThreshold must be >= 0 (was %s)", a));
    authenticationRef().ifPresent(a -> Checks.dns1123Subdomain("authenticationRef.name", a));
  }
}
