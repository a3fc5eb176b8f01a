package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.internal.HpaRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An {@code autoscaling/v2} HorizontalPodAutoscaler aimed at a Seldon Model or Server. Besides the API
 * ranges it enforces the Seldon rules (see {@code docs/api.md}): the target is a Model or Server of
 * {@code mlops.seldon.io/v1alpha1}; Object metrics use AverageValue and name their described object;
 * a Model HPA has metrics, none of them Pods or Resource metrics (a Model's selector matches no pods).
 */
@Value.Immutable
public abstract class Hpa {
  Hpa() {}

  /** {@return {@code metadata.name}: a DNS-1123 subdomain} */
  public abstract String name();

  /** {@return {@code metadata.namespace}: a DNS-1123 label} */
  public abstract String namespace();

  /** {@return {@code metadata.labels}, in insertion order} Default: empty. */
  public abstract Map<String, String> labels();

  /** {@return {@code metadata.annotations}, in insertion order; keys follow the label-key syntax} Default: empty. */
  public abstract Map<String, String> annotations();

  /** {@return {@code spec.scaleTargetRef}: a Seldon Model or Server} */
  public abstract ObjectReference scaleTargetRef();

  /** {@return {@code spec.minReplicas}} Range: &gt;= 1. Default: 1 (omitted from YAML). */
  public abstract Optional<Integer> minReplicas();

  /** {@return {@code spec.maxReplicas}} Range: &gt;= minReplicas (&gt;= 1). */
  public abstract int maxReplicas();

  /** {@return {@code spec.metrics}} Default: empty (the API server then uses cpu Utilization 80, Server HPAs only). */
  public abstract List<Metric> metrics();

  /** {@return {@code spec.behavior}} Default: none (the Kubernetes default behaviour). */
  public abstract Optional<Behavior> behavior();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableHpa.builder();
  }

  /** {@return a builder holding this object's values, to change some of them (labels of one rendered object)} */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link Hpa}; setters may be called again (the last value wins). */
  public abstract static class Builder implements MetadataBuilder<Builder> {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Hpa} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Hpa instance);

    /**
     * Initializes the value for the {@link Hpa#name() name} attribute.
     * @param name The value for name 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder name(String name);

    /**
     * Initializes the value for the {@link Hpa#namespace() namespace} attribute.
     * @param namespace The value for namespace 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder namespace(String namespace);

    /**
     * Initializes the value for the {@link Hpa#scaleTargetRef() scaleTargetRef} attribute.
     * @param scaleTargetRef The value for scaleTargetRef 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder scaleTargetRef(ObjectReference scaleTargetRef);

    /**
     * Initializes the optional value {@link Hpa#minReplicas() minReplicas} to minReplicas.
     * @param minReplicas The value for minReplicas
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder minReplicas(int minReplicas);

    /**
     * Initializes the optional value {@link Hpa#minReplicas() minReplicas} to minReplicas.
     * @param minReplicas The value for minReplicas
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder minReplicas(Optional<Integer> minReplicas);

    /**
     * Initializes the value for the {@link Hpa#maxReplicas() maxReplicas} attribute.
     * @param maxReplicas The value for maxReplicas 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder maxReplicas(int maxReplicas);

    /**
     * Adds one element to {@link Hpa#metrics() metrics} list.
     * @param element A metrics element
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addMetric(Metric element);

    /**
     * Adds elements to {@link Hpa#metrics() metrics} list.
     * @param elements An array of metrics elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addMetrics(Metric... elements);

    /**
     * Sets or replaces all elements for {@link Hpa#metrics() metrics} list.
     * @param elements An iterable of metrics elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder metrics(Iterable<? extends Metric> elements);

    /**
     * Adds elements to {@link Hpa#metrics() metrics} list.
     * @param elements An iterable of metrics elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addAllMetrics(Iterable<? extends Metric> elements);

    /**
     * Initializes the optional value {@link Hpa#behavior() behavior} to behavior.
     * @param behavior The value for behavior
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder behavior(Behavior behavior);

    /**
     * Initializes the optional value {@link Hpa#behavior() behavior} to behavior.
     * @param behavior The value for behavior
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder behavior(Optional<? extends Behavior> behavior);

    /**
     * Builds a new {@link Hpa Hpa}.
     * @return An immutable instance of Hpa
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract Hpa build();

    /**
     * Sets {@code minReplicas} and {@code maxReplicas}.
     *
     * @param max {@code maxReplicas}, at least {@code min}
     * @param min {@code minReplicas}, at least 1
     * @return this builder
     */
    public final Builder replicas(int min, int max) {
      return minReplicas(min).maxReplicas(max);
    }
  }

  /** {@return {@code spec.minReplicas} as the controller applies it: 1 when unset} */
  public final int effectiveMinReplicas() {
    return minReplicas().orElse(1);
  }

  @Value.Check
  final void check() {
    Checks.dns1123Subdomain("name", name());
    Checks.dns1123Label("namespace", namespace());
    SeldonReplicas.checkLabels(labels(), annotations());
    ObjectReference target = scaleTargetRef();
    Checks.check(target.apiVersion().equals(ObjectReference.SELDON_API_VERSION),
        "scaleTargetRef.apiVersion must be %s: seldon-hpa scales Seldon Models and Servers (was \"%s\")",
        ObjectReference.SELDON_API_VERSION, target.apiVersion());
    Checks.check(target.isSeldonModel() || target.isSeldonServer(),
        "scaleTargetRef.kind must be Model or Server: they are the Seldon kinds with a scale subresource,"
            + " Pipelines and Experiments have none (was \"%s\")", target.kind());
    Checks.dns1123Subdomain("scaleTargetRef.name", target.name());
    minReplicas().ifPresent(min -> HpaRule.MIN_REPLICAS.require(min >= 1, "minReplicas", min));
    if (minReplicas().isPresent()) {
      HpaRule.MAX_BELOW_MIN.require(maxReplicas() >= minReplicas().get(), "maxReplicas",
          "maxReplicas=" + maxReplicas() + ", minReplicas=" + minReplicas().get());
    } else {
      HpaRule.MAX_REPLICAS.require(maxReplicas() >= 1, "maxReplicas", maxReplicas());
    }
    boolean model = target.isSeldonModel();
    Checks.check(!model || !metrics().isEmpty(),
        "metrics must not be empty on a Model HPA: the API server would fill in cpu Utilization 80, and a"
            + " Seldon Model's selector matches no pods (was [])");
    for (int i = 0; i < metrics().size(); i++) {
      checkMetric("metrics[" + i + "]", metrics().get(i), model);
    }
  }

  private static void checkMetric(String field, Metric m, boolean model) {
    if (m instanceof ObjectMetric) {
      ObjectMetric o = (ObjectMetric) m;
      Checks.check(o.describedObject().isPresent(), "%s.describedObject must be set on an HPA (was unset)",
          field);
      Checks.check(o.target().type() == MetricTarget.Type.AVERAGE_VALUE,
          "%s.target.type must be AverageValue for an Object metric on a Seldon HPA: with Value the HPA"
              + " scales by the ready pods of the target's selector, and a Seldon Model's selector matches"
              + " no pods (was %s)", field, o.target().type().yamlName());
    } else if (model && m instanceof ExternalMetric) {
      Checks.check(m.target().type() == MetricTarget.Type.AVERAGE_VALUE,
          "%s.target.type must be AverageValue for an External metric on a Model HPA: with Value the HPA"
              + " scales by the ready pods of the target's selector, and a Seldon Model's selector matches"
              + " no pods (was %s)", field, m.target().type().yamlName());
    } else if (model) {
      throw new HpaValidationException(String.format(
          "%s must not be a %s metric on a Model HPA: it is measured on the pods of the target's selector,"
              + " and a Seldon Model's selector matches no pods; put it on the Server HPA (was %s)",
          field, m.type().yamlName(), m.describe()));
    }
  }
}
