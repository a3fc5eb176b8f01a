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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Hpa whose values are copied
     * @return this builder
     */
    public abstract Builder from(Hpa instance);

    /**
     * Sets {@link Hpa#name()}.
     *
     * @param name {@code metadata.name}: a DNS-1123 subdomain
     * @return this builder
     */
    public abstract Builder name(String name);

    /**
     * Sets {@link Hpa#namespace()}.
     *
     * @param namespace {@code metadata.namespace}: a DNS-1123 label
     * @return this builder
     */
    public abstract Builder namespace(String namespace);

    /**
     * Sets {@link Hpa#scaleTargetRef()}.
     *
     * @param scaleTargetRef {@code spec.scaleTargetRef}: a Seldon Model or Server
     * @return this builder
     */
    public abstract Builder scaleTargetRef(ObjectReference scaleTargetRef);

    /**
     * Sets {@link Hpa#minReplicas()}.
     *
     * @param minReplicas {@code spec.minReplicas}. Range: &gt;= 1. Default: 1 (omitted from YAML)
     * @return this builder
     */
    public abstract Builder minReplicas(int minReplicas);

    /**
     * Sets or clears {@link Hpa#minReplicas()}.
     *
     * @param minReplicas the value, or empty to clear it; {@code spec.minReplicas}. Range: &gt;= 1. Default: 1 (omitted
     *     from YAML)
     * @return this builder
     */
    public abstract Builder minReplicas(Optional<Integer> minReplicas);

    /**
     * Sets {@link Hpa#maxReplicas()}.
     *
     * @param maxReplicas {@code spec.maxReplicas}. Range: &gt;= minReplicas (&gt;= 1)
     * @return this builder
     */
    public abstract Builder maxReplicas(int maxReplicas);

    /**
     * Adds one element to {@link Hpa#metrics()}.
     *
     * @param element the element to append; the list is {@code spec.metrics}. Default: empty (the API server then uses
     *     cpu Utilization 80, Server HPAs only)
     * @return this builder
     */
    public abstract Builder addMetric(Metric element);

    /**
     * Adds elements to {@link Hpa#metrics()}.
     *
     * @param elements the elements to append, in order; the list is {@code spec.metrics}. Default: empty (the API
     *     server then uses cpu Utilization 80, Server HPAs only)
     * @return this builder
     */
    public abstract Builder addMetrics(Metric... elements);

    /**
     * Replaces {@link Hpa#metrics()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is {@code spec.metrics}.
     *     Default: empty (the API server then uses cpu Utilization 80, Server HPAs only)
     * @return this builder
     */
    public abstract Builder metrics(Iterable<? extends Metric> elements);

    /**
     * Adds elements to {@link Hpa#metrics()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code spec.metrics}. Default: empty (the
     *     API server then uses cpu Utilization 80, Server HPAs only)
     * @return this builder
     */
    public abstract Builder addAllMetrics(Iterable<? extends Metric> elements);

    /**
     * Sets {@link Hpa#behavior()}.
     *
     * @param behavior {@code spec.behavior}. Default: none (the Kubernetes default behaviour)
     * @return this builder
     */
    public abstract Builder behavior(Behavior behavior);

    /**
     * Sets or clears {@link Hpa#behavior()}.
     *
     * @param behavior the value, or empty to clear it; {@code spec.behavior}. Default: none (the Kubernetes default
     *     behaviour)
     * @return this builder
     */
    public abstract Builder behavior(Optional<? extends Behavior> behavior);

    /**
     * Builds the {@link Hpa}, checking every rule of its fields.
     *
     * @return the Hpa
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract Hpa build();

    /**
     * Sets {@code minReplicas} and {@code maxReplicas}.
     *
     * @param min {@code minReplicas}, at least 1
     * @param max {@code maxReplicas}, at least {@code min}
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
