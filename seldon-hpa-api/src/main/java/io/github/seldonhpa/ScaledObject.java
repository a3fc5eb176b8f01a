package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A KEDA {@code keda.sh/v1alpha1} ScaledObject on a Seldon Model or Server with {@code prometheus}
 * triggers. KEDA turns it into an HPA ({@link #hpa()}) on External metrics that it serves itself, and
 * decides activation (0 to 1 replicas and back) on its own polling loop. The checks are KEDA's admission
 * rules that apply here ({@code apis/keda/v1alpha1/scaledobject_webhook.go}, {@code scaledobject_types.go})
 * plus the Seldon rule that a Model's selector matches no pods; see {@code docs/keda.md}.
 */
@Value.Immutable
public abstract class ScaledObject {
  /** The label KEDA puts on the generated HPA's External metric selectors. */
  public static final String OWNER_LABEL = "scaledobject.keda.sh/name";
  /** KEDA's default {@code pollingInterval}: 30 s. */
  public static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofSeconds(30);
  /** KEDA's default {@code cooldownPeriod}: 300 s. */
  public static final Duration DEFAULT_COOLDOWN_PERIOD = Duration.ofSeconds(300);
  /** KEDA's default {@code maxReplicaCount}: 100. */
  public static final int DEFAULT_MAX_REPLICA_COUNT = 100;
  // KEDA's verifyName: the name is a label value, and keda-hpa-<name> must be one too
  private static final int MAX_LABEL_VALUE = 63;
  private static final String HPA_PREFIX = "keda-hpa-";

  ScaledObject() {}

  /**
   * {@return {@code metadata.name}: a DNS-1123 subdomain of at most 54 characters (so {@code keda-hpa-<name>} fits 63)}
   */
  public abstract String name();

  /** {@return {@code metadata.namespace}: a DNS-1123 label} */
  public abstract String namespace();

  /** {@return {@code metadata.labels}, in insertion order} Default: empty. */
  public abstract Map<String, String> labels();

  /** {@return {@code metadata.annotations}, in insertion order; keys follow the label-key syntax} Default: empty. */
  public abstract Map<String, String> annotations();

  /** {@return {@code spec.scaleTargetRef}: a Seldon Model or Server} */
  public abstract ObjectReference scaleTargetRef();

  /** {@return {@code spec.pollingInterval}: how often KEDA checks activation} Range: &gt;= 1 s. Default: 30 s. */
  public abstract Optional<Duration> pollingInterval();

  /**
   * {@return {@code spec.cooldownPeriod}: how long after the last active poll KEDA waits before scaling to
   * {@code idleReplicaCount} or 0} Range: &gt;= 0. Default: 300 s.
   */
  public abstract Optional<Duration> cooldownPeriod();

  /** {@return {@code spec.minReplicaCount}} Range: &gt;= 0. Default: 0 (KEDA's, which scales the target to zero). */
  public abstract Optional<Integer> minReplicaCount();

  /** {@return {@code spec.maxReplicaCount}} Range: &gt;= 1, &gt;= minReplicaCount. Default: 100. */
  public abstract Optional<Integer> maxReplicaCount();

  /** {@return {@code spec.idleReplicaCount}: the replicas while no trigger is active} Range: below minReplicaCount. */
  public abstract Optional<Integer> idleReplicaCount();

  /** {@return {@code spec.fallback}} Default: none. */
  public abstract Optional<KedaFallback> fallback();

  /** {@return {@code spec.advanced.horizontalPodAutoscalerConfig.behavior}, copied into the generated HPA} */
  public abstract Optional<Behavior> behavior();

  /** {@return {@code spec.triggers}: at least one} */
  public abstract List<PrometheusTrigger> triggers();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableScaledObject.builder();
  }

  /** Builds {@link ScaledObject}; setters may be called again (the last value wins). */
  public abstract static class Builder implements MetadataBuilder<Builder> {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the ScaledObject whose values are copied
     * @return this builder
     */
    public abstract Builder from(ScaledObject instance);

    /**
     * Sets {@link ScaledObject#name()}.
     *
     * @param name {@code metadata.name}: a DNS-1123 subdomain of at most 54 characters (so {@code keda-hpa-<name>} fits
     *     63)
     * @return this builder
     */
    public abstract Builder name(String name);

    /**
     * Sets {@link ScaledObject#namespace()}.
     *
     * @param namespace {@code metadata.namespace}: a DNS-1123 label
     * @return this builder
     */
    public abstract Builder namespace(String namespace);

    /**
     * Sets {@link ScaledObject#scaleTargetRef()}.
     *
     * @param scaleTargetRef {@code spec.scaleTargetRef}: a Seldon Model or Server
     * @return this builder
     */
    public abstract Builder scaleTargetRef(ObjectReference scaleTargetRef);

    /**
     * Sets {@link ScaledObject#pollingInterval()}.
     *
     * @param pollingInterval {@code spec.pollingInterval}: how often KEDA checks activation. Range: &gt;= 1 s. Default:
     *     30 s
     * @return this builder
     */
    public abstract Builder pollingInterval(Duration pollingInterval);

    /**
     * Sets or clears {@link ScaledObject#pollingInterval()}.
     *
     * @param pollingInterval the value, or empty to clear it; {@code spec.pollingInterval}: how often KEDA checks
     *     activation. Range: &gt;= 1 s. Default: 30 s
     * @return this builder
     */
    public abstract Builder pollingInterval(Optional<? extends Duration> pollingInterval);

    /**
     * Sets {@link ScaledObject#cooldownPeriod()}.
     *
     * @param cooldownPeriod {@code spec.cooldownPeriod}: how long after the last active poll KEDA waits before scaling
     *     to {@code idleReplicaCount} or 0. Range: &gt;= 0. Default: 300 s
     * @return this builder
     */
    public abstract Builder cooldownPeriod(Duration cooldownPeriod);

    /**
     * Sets or clears {@link ScaledObject#cooldownPeriod()}.
     *
     * @param cooldownPeriod the value, or empty to clear it; {@code spec.cooldownPeriod}: how long after the last
     *     active poll KEDA waits before scaling to {@code idleReplicaCount} or 0. Range: &gt;= 0. Default: 300 s
     * @return this builder
     */
    public abstract Builder cooldownPeriod(Optional<? extends Duration> cooldownPeriod);

    /**
     * Sets {@link ScaledObject#minReplicaCount()}.
     *
     * @param minReplicaCount {@code spec.minReplicaCount}. Range: &gt;= 0. Default: 0 (KEDA's, which scales the target
     *     to zero)
     * @return this builder
     */
    public abstract Builder minReplicaCount(int minReplicaCount);

    /**
     * Sets or clears {@link ScaledObject#minReplicaCount()}.
     *
     * @param minReplicaCount the value, or empty to clear it; {@code spec.minReplicaCount}. Range: &gt;= 0. Default: 0
     *     (KEDA's, which scales the target to zero)
     * @return this builder
     */
    public abstract Builder minReplicaCount(Optional<Integer> minReplicaCount);

    /**
     * Sets {@link ScaledObject#maxReplicaCount()}.
     *
     * @param maxReplicaCount {@code spec.maxReplicaCount}. Range: &gt;= 1, &gt;= minReplicaCount. Default: 100
     * @return this builder
     */
    public abstract Builder maxReplicaCount(int maxReplicaCount);

    /**
     * Sets or clears {@link ScaledObject#maxReplicaCount()}.
     *
     * @param maxReplicaCount the value, or empty to clear it; {@code spec.maxReplicaCount}. Range: &gt;= 1, &gt;=
     *     minReplicaCount. Default: 100
     * @return this builder
     */
    public abstract Builder maxReplicaCount(Optional<Integer> maxReplicaCount);

    /**
     * Sets {@link ScaledObject#idleReplicaCount()}.
     *
     * @param idleReplicaCount {@code spec.idleReplicaCount}: the replicas while no trigger is active. Range: below
     *     minReplicaCount
     * @return this builder
     */
    public abstract Builder idleReplicaCount(int idleReplicaCount);

    /**
     * Sets or clears {@link ScaledObject#idleReplicaCount()}.
     *
     * @param idleReplicaCount the value, or empty to clear it; {@code spec.idleReplicaCount}: the replicas while no
     *     trigger is active. Range: below minReplicaCount
     * @return this builder
     */
    public abstract Builder idleReplicaCount(Optional<Integer> idleReplicaCount);

    /**
     * Sets {@link ScaledObject#fallback()}.
     *
     * @param fallback {@code spec.fallback}. Default: none
     * @return this builder
     */
    public abstract Builder fallback(KedaFallback fallback);

    /**
     * Sets or clears {@link ScaledObject#fallback()}.
     *
     * @param fallback the value, or empty to clear it; {@code spec.fallback}. Default: none
     * @return this builder
     */
    public abstract Builder fallback(Optional<? extends KedaFallback> fallback);

    /**
     * Sets {@link ScaledObject#behavior()}.
     *
     * @param behavior {@code spec.advanced.horizontalPodAutoscalerConfig.behavior}, copied into the generated HPA
     * @return this builder
     */
    public abstract Builder behavior(Behavior behavior);

    /**
     * Sets or clears {@link ScaledObject#behavior()}.
     *
     * @param behavior the value, or empty to clear it; {@code spec.advanced.horizontalPodAutoscalerConfig.behavior},
     *     copied into the generated HPA
     * @return this builder
     */
    public abstract Builder behavior(Optional<? extends Behavior> behavior);

    /**
     * Adds one element to {@link ScaledObject#triggers()}.
     *
     * @param element the element to append; the list is {@code spec.triggers}: at least one
     * @return this builder
     */
    public abstract Builder addTrigger(PrometheusTrigger element);

    /**
     * Adds elements to {@link ScaledObject#triggers()}.
     *
     * @param elements the elements to append, in order; the list is {@code spec.triggers}: at least one
     * @return this builder
     */
    public abstract Builder addTriggers(PrometheusTrigger... elements);

    /**
     * Replaces {@link ScaledObject#triggers()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is {@code spec.triggers}:
     *     at least one
     * @return this builder
     */
    public abstract Builder triggers(Iterable<? extends PrometheusTrigger> elements);

    /**
     * Adds elements to {@link ScaledObject#triggers()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code spec.triggers}: at least one
     * @return this builder
     */
    public abstract Builder addAllTriggers(Iterable<? extends PrometheusTrigger> elements);

    /**
     * Builds the {@link ScaledObject}, checking every rule of its fields.
     *
     * @return the ScaledObject
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract ScaledObject build();

}

  /** {@return {@code minReplicaCount} as KEDA applies it: 0 when unset} */
  public final int effectiveMinReplicaCount() {
    return minReplicaCount().orElse(0);
  }

  /** {@return {@code maxReplicaCount} as KEDA applies it: 100 when unset} */
  public final int effectiveMaxReplicaCount() {
    return maxReplicaCount().orElse(DEFAULT_MAX_REPLICA_COUNT);
  }

  /** {@return {@code pollingInterval} as KEDA applies it} */
  public final Duration effectivePollingInterval() {
    return pollingInterval().orElse(DEFAULT_POLLING_INTERVAL);
  }

  /** {@return {@code cooldownPeriod} as KEDA applies it} */
  public final Duration effectiveCooldownPeriod() {
    return cooldownPeriod().orElse(DEFAULT_COOLDOWN_PERIOD);
  }

  /**
   * {@return the generated HPA's name: {@code keda-hpa-<name>} ({@code controllers/keda/hpa.go}, {@code getHPAName})}
   */
  public final String hpaName() {
    return HPA_PREFIX + name();
  }

  /**
   * {@return the External metric name KEDA gives trigger {@code index}: {@code s<index>-prometheus}
   * ({@code pkg/scalers/scaler.go}, {@code GenerateMetricNameWithIndex})}
   *
   * @param index the trigger's position in {@code triggers}, from 0
   */
  public static String metricName(int index) {
    return "s" + index + "-prometheus";
  }

  /**
   * {@return the HPA KEDA generates ({@code newHPAForScaledObject}): {@code keda-hpa-<name>} on the same target,
   * {@code minReplicas} = minReplicaCount when above 0, else 1 ({@code GetHPAMinReplicas}),
   * {@code maxReplicas} = maxReplicaCount, one External metric per trigger named {@code s<i>-prometheus}
   * with selector {@code scaledobject.keda.sh/name: <name>} and the threshold rounded to milli-units, and
   * the behavior as given}
   */
  @Value.Lazy
  public Hpa hpa() {
    List<Metric> metrics = new ArrayList<>(triggers().size());
    for (int i = 0; i < triggers().size(); i++) {
      PrometheusTrigger t = triggers().get(i);
      Quantity target = t.hpaTarget();
      metrics.add(ExternalMetric.builder()
          .metricName(metricName(i))
          .selector(LabelSelector.matchLabel(OWNER_LABEL, name()))
          .target(t.metricType() == MetricTarget.Type.VALUE ? MetricTarget.value(target)
              : MetricTarget.averageValue(target))
          .build());
    }
    int min = effectiveMinReplicaCount();
    return Hpa.builder()
        .name(hpaName())
        .namespace(namespace())
        .scaleTargetRef(scaleTargetRef())
        .minReplicas(min > 0 ? min : 1)
        .maxReplicas(effectiveMaxReplicaCount())
        .addAllMetrics(metrics)
        .behavior(behavior())
        .build();
  }

  @Value.Check
  final void check() {
    Checks.dns1123Subdomain("name", name());
    Checks.check(name().length() <= MAX_LABEL_VALUE - HPA_PREFIX.length(),
        "name must be at most %d characters: KEDA refuses a ScaledObject whose name or keda-hpa-<name> is longer"
            + " than a label value's 63 (was %d characters)", MAX_LABEL_VALUE - HPA_PREFIX.length(), name().length());
    Checks.dns1123Label("namespace", namespace());
    SeldonReplicas.checkLabels(labels(), annotations());
    ObjectReference target = scaleTargetRef();
    Checks.check(target.apiVersion().equals(ObjectReference.SELDON_API_VERSION)
            && (target.isSeldonModel() || target.isSeldonServer()),
        "scaleTargetRef must be a Seldon Model or Server (mlops.seldon.io/v1alpha1): they have a scale"
            + " subresource (was %s %s)", target.apiVersion(), target.kind());
    Checks.dns1123Subdomain("scaleTargetRef.name", target.name());
    pollingInterval().ifPresent(p -> {
      Checks.wholeSeconds("pollingInterval", p);
      Checks.check(p.getSeconds() >= 1 && p.getSeconds() <= Integer.MAX_VALUE,
          "pollingInterval must be >= 1 s (was %s)", p);
    });
    cooldownPeriod().ifPresent(c -> {
      Checks.wholeSeconds("cooldownPeriod", c);
      Checks.check(!c.isNegative() && c.getSeconds() <= Integer.MAX_VALUE, "cooldownPeriod must be >= 0 (was %s)", c);
    });
    minReplicaCount().ifPresent(m -> Checks.check(m >= 0, "minReplicaCount must be >= 0 (was %d)", m));
    maxReplicaCount().ifPresent(m -> Checks.check(m >= 1, "maxReplicaCount must be >= 1 (was %d)", m));
    // CheckReplicaCountBoundsAreValid: an explicit min of 0 counts as the HPA's 1, an unset one as 0
    int min = minReplicaCount().map(m -> Math.max(m, 1)).orElse(0);
    Checks.check(effectiveMinReplicaCount() <= effectiveMaxReplicaCount(),
        "minReplicaCount must be <= maxReplicaCount (was minReplicaCount=%d, maxReplicaCount=%d)",
        effectiveMinReplicaCount(), effectiveMaxReplicaCount());
    idleReplicaCount().ifPresent(idle -> {
      Checks.check(idle >= 0, "idleReplicaCount must be >= 0 (was %d)", idle);
      Checks.check(idle < min,
          "idleReplicaCount must be < minReplicaCount: KEDA idles below the HPA's range"
              + " (was idleReplicaCount=%d, minReplicaCount=%s)", idle,
          minReplicaCount().map(String::valueOf).orElse("unset, so 0"));
    });
    Checks.check(!triggers().isEmpty(), "triggers must not be empty: KEDA needs at least one (was [])");
    for (int i = 0; i < triggers().size(); i++) {
      Checks.check(!(target.isSeldonModel() && triggers().get(i).metricType() == MetricTarget.Type.VALUE),
          "triggers[%d].metricType must be AverageValue on a Model: with Value the HPA scales by the ready pods"
              + " of the target's selector, and a Seldon Model's selector matches no pods (KEDA's fallback for"
              + " Value divides by them too) (was Value)", i);
    }
    hpa();
  }
}
