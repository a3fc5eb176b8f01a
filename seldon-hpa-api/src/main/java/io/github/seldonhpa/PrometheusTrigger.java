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

  /** {@return {@code metadata.serverAddress}: the Prometheus base URL, e.g. {@code http://prometheus.seldon-monitoring:9090}} */
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

  /** {@return {@code authenticationRef.name}: a TriggerAuthentication in the ScaledObject's namespace} Default: none. */
  public abstract Optional<String> authenticationRef();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutablePrometheusTrigger.builder();
  }

  /** Builds {@link PrometheusTrigger}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code PrometheusTrigger} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(PrometheusTrigger instance);

    /**
     * Initializes the value for the {@link PrometheusTrigger#metricType() metricType} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link PrometheusTrigger#metricType() metricType}.</em>
     * @param metricType The value for metricType 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metricType(MetricTarget.Type metricType);

    /**
     * Initializes the value for the {@link PrometheusTrigger#serverAddress() serverAddress} attribute.
     * @param serverAddress The value for serverAddress 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder serverAddress(String serverAddress);

    /**
     * Initializes the value for the {@link PrometheusTrigger#query() query} attribute.
     * @param query The value for query 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder query(String query);

    /**
     * Initializes the value for the {@link PrometheusTrigger#threshold() threshold} attribute.
     * @param threshold The value for threshold 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder threshold(Quantity threshold);

    /**
     * Initializes the optional value {@link PrometheusTrigger#activationThreshold() activationThreshold} to activationThreshold.
     * @param activationThreshold The value for activationThreshold
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder activationThreshold(Quantity activationThreshold);

    /**
     * Initializes the optional value {@link PrometheusTrigger#activationThreshold() activationThreshold} to activationThreshold.
     * @param activationThreshold The value for activationThreshold
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder activationThreshold(Optional<? extends Quantity> activationThreshold);

    /**
     * Initializes the optional value {@link PrometheusTrigger#authenticationRef() authenticationRef} to authenticationRef.
     * @param authenticationRef The value for authenticationRef
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder authenticationRef(String authenticationRef);

    /**
     * Initializes the optional value {@link PrometheusTrigger#authenticationRef() authenticationRef} to authenticationRef.
     * @param authenticationRef The value for authenticationRef
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder authenticationRef(Optional<String> authenticationRef);

    /**
     * Builds a new {@link PrometheusTrigger PrometheusTrigger}.
     * @return An immutable instance of PrometheusTrigger
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
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
