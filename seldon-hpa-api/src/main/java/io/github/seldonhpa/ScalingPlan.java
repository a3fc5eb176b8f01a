package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import io.github.seldonhpa.internal.HpaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the DSL builds: a Seldon Model autoscaled by an HPA on one or more metrics and, for single-model
 * serving, its Server autoscaled by a second HPA. The Model CR and both HPAs are derived from this one
 * plan, so the Model HPA and the Server HPA always carry the same metrics, bounds and behaviour.
 *
 * <p>{@link #modelResource()} sets {@code spec.replicas} to {@code minReplicas} and never min/maxReplicas, which
 * would turn on Seldon's lag-based scaling. The plan's metrics apply to the Model HPA, so they must be
 * Object (or External) metrics with AverageValue targets; an Object metric without a described object
 * describes the plan's Model.
 */
@Value.Immutable
public abstract class ScalingPlan {
  private static final String MODEL_HPA_SUFFIX = "-model-hpa";
  private static final String SERVER_HPA_SUFFIX = "-server-hpa";

  ScalingPlan() {}

  /** {@return the Model's {@code metadata.name}: a DNS-1123 subdomain of at most 243 characters} */
  public abstract String modelName();

  /** {@return the namespace of the Model, the Server and both HPAs: a DNS-1123 label} */
  public abstract String namespace();

  /**
   * {@return the name of the Server hosting only this Model (single-model serving): when set, the plan also
   * yields {@code <serverName>-server-hpa}} At most 242 characters. Default: none (no Server HPA). Not written
   * into the Model's {@code spec.server}, as in Seldon's examples.
   */
  public abstract Optional<String> serverName();

  /** {@return the Model's {@code spec.storageUri}} Default: none (the plan then yields no Model CR). */
  public abstract Optional<String> storageUri();

  /** {@return the Model's {@code spec.requirements}; needs {@link #storageUri()}} Default: empty. */
  public abstract List<String> requirements();

  /** {@return the Model's {@code spec.memory}; needs {@link #storageUri()}} Default: none. */
  public abstract Optional<Quantity> memory();

  /** {@return the metrics of both HPAs: Object or External metrics with AverageValue targets} At least one. */
  public abstract List<Metric> metrics();

  /** {@return {@code minReplicas} of both HPAs and the Model's {@code spec.replicas}} Range: &gt;= 1. */
  public abstract int minReplicas();

  /** {@return {@code maxReplicas} of both HPAs} Range: &gt;= minReplicas. */
  public abstract int maxReplicas();

  /** {@return {@code behavior.scaleUp} of both HPAs} Default: the Kubernetes scale-up rules. */
  public abstract Optional<ScalingRules> scaleUp();

  /** {@return {@code behavior.scaleDown} of both HPAs} Default: the Kubernetes scale-down rules. */
  public abstract Optional<ScalingRules> scaleDown();

  /**
   * {@return {@code metadata.labels} of every object the plan renders (the Model, both HPAs), in insertion order:
   * owners, teams, GitOps tools} Keys and values follow the Kubernetes label syntax. Default: empty.
   */
  public abstract Map<String, String> labels();

  /**
   * {@return {@code metadata.annotations} of every object the plan renders (the Model, both HPAs), in insertion
   * order} Keys follow the label-key syntax; values are free text. Default: empty.
   */
  public abstract Map<String, String> annotations();

  /** {@return a builder; see {@link SeldonHpa#scalingPlan(String)}} */
  public static Builder builder() {
    return ImmutableScalingPlan.builder();
  }

  /**
   * {@return a builder holding this plan's values, to derive another plan from it: a team default declared once,
   * then varied per model}
   *
   * <pre>{@code
   * ScalingPlan team = scalingPlan("default").namespace("seldon-mesh")
   *     .addMetric(objectMetric("infer_rps", averageValue(3))).replicas(1, 3).build();
   * ScalingPlan iris = team.toBuilder().modelName("iris").serverName("mlserver")
   *     .metrics(List.of(objectMetric("infer_rps", averageValue(5)))).build();
   * }</pre>
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Builds a {@link ScalingPlan}. Every setter may be called again (the last value wins); {@link #build()}
   * checks the plan and throws {@link HpaValidationException} naming the first invalid field.
   */
  public abstract static class Builder implements MetadataBuilder<Builder> {
    Builder() {}

    /**
     * Copies every value of {@code plan}: scalar and optional values replace this builder's, list and
     * map entries are added.
     *
     * @param plan the plan whose values are copied; this builder's own list and map entries are kept
     * @return this builder
     */
    public abstract Builder from(ScalingPlan plan);

    /**
     * Sets {@link ScalingPlan#modelName()}.
     *
     * @param modelName the Model's {@code metadata.name}, a DNS-1123 subdomain of at most 243 characters (the HPA names
     *     append {@code -model-hpa})
     * @return this builder
     */
    public abstract Builder modelName(String modelName);

    /**
     * Sets {@link ScalingPlan#namespace()}.
     *
     * @param namespace the namespace of every rendered object, a DNS-1123 label such as {@code seldon-mesh}
     * @return this builder
     */
    public abstract Builder namespace(String namespace);

    /**
     * Sets {@link ScalingPlan#serverName()}: also derive {@code <serverName>-server-hpa}.
     *
     * @param serverName the Server's {@code metadata.name}, at most 242 characters; it must host only this
     *     Model
     * @return this builder
     */
    public abstract Builder serverName(String serverName);

    /**
     * Sets or clears {@link ScalingPlan#serverName()}.
     *
     * @param serverName the Server's name, or empty for no Server HPA
     * @return this builder
     */
    public abstract Builder serverName(Optional<String> serverName);

    /**
     * Sets {@link ScalingPlan#storageUri()}: also derive the Model CR.
     *
     * @param storageUri where the model artifact is, such as {@code
     *     gs://seldon-models/scv2/samples/mlserver_1.5.0/iris-sklearn}
     * @return this builder
     */
    public abstract Builder storageUri(String storageUri);

    /**
     * Sets or clears {@link ScalingPlan#storageUri()}.
     *
     * @param storageUri the artifact location, or empty for no Model CR
     * @return this builder
     */
    public abstract Builder storageUri(Optional<String> storageUri);

    /**
     * Adds one of {@link ScalingPlan#requirements()}.
     *
     * @param requirement a capability the Server must offer, such as {@code sklearn}; not blank
     * @return this builder
     */
    public abstract Builder addRequirement(String requirement);

    /**
     * Adds to {@link ScalingPlan#requirements()}.
     *
     * @param requirements capabilities the Server must offer, appended in order
     * @return this builder
     */
    public abstract Builder addRequirements(String... requirements);

    /**
     * Replaces {@link ScalingPlan#requirements()}.
     *
     * @param requirements the new capabilities; empty removes them all
     * @return this builder
     */
    public abstract Builder requirements(Iterable<String> requirements);

    /**
     * Adds to {@link ScalingPlan#requirements()}.
     *
     * @param requirements capabilities the Server must offer, appended in order
     * @return this builder
     */
    public abstract Builder addAllRequirements(Iterable<String> requirements);

    /**
     * Sets {@link ScalingPlan#memory()}.
     *
     * @param memory the memory the model needs, above 0
     * @return this builder
     */
    public abstract Builder memory(Quantity memory);

    /**
     * Sets or clears {@link ScalingPlan#memory()}.
     *
     * @param memory the memory the model needs, or empty for none
     * @return this builder
     */
    public abstract Builder memory(Optional<? extends Quantity> memory);

    /**
     * Sets {@link ScalingPlan#memory()} parsed as a quantity ({@code "3M"}).
     *
     * @param memory a Kubernetes quantity above 0, such as {@code "3M"} or {@code "512Mi"}
     * @return this builder
     * @throws HpaValidationException if {@code memory} is not a quantity
     */
    public final Builder memory(String memory) {
      return memory(Quantity.parse("memory", memory));
    }

    /**
     * Adds one of {@link ScalingPlan#metrics()}.
     *
     * @param metric an Object or External metric with an AverageValue target
     * @return this builder
     */
    public abstract Builder addMetric(Metric metric);

    /**
     * Adds to {@link ScalingPlan#metrics()}.
     *
     * @param metrics Object or External metrics with AverageValue targets, appended in order
     * @return this builder
     */
    public abstract Builder addMetrics(Metric... metrics);

    /**
     * Replaces {@link ScalingPlan#metrics()}: how a plan derived with {@link #from} changes its targets.
     *
     * @param metrics the new metrics; {@link #build()} requires at least one
     * @return this builder
     */
    public abstract Builder metrics(Iterable<? extends Metric> metrics);

    /**
     * Adds to {@link ScalingPlan#metrics()}.
     *
     * @param metrics Object or External metrics with AverageValue targets, appended in order
     * @return this builder
     */
    public abstract Builder addAllMetrics(Iterable<? extends Metric> metrics);

    /**
     * Sets {@link ScalingPlan#minReplicas()}.
     *
     * @param minReplicas the lower bound of both HPAs and the Model's {@code spec.replicas}, at least 1
     * @return this builder
     */
    public abstract Builder minReplicas(int minReplicas);

    /**
     * Sets {@link ScalingPlan#maxReplicas()}.
     *
     * @param maxReplicas the upper bound of both HPAs, at least {@code minReplicas}
     * @return this builder
     */
    public abstract Builder maxReplicas(int maxReplicas);

    /**
     * Sets {@link ScalingPlan#minReplicas()} and {@link ScalingPlan#maxReplicas()}.
     *
     * @param min {@code minReplicas}, at least 1
     * @param max {@code maxReplicas}, at least {@code min}
     * @return this builder
     */
    public final Builder replicas(int min, int max) {
      return minReplicas(min).maxReplicas(max);
    }

    /**
     * Sets {@link ScalingPlan#scaleUp()}.
     *
     * @param scaleUp the scale-up rules of both HPAs
     * @return this builder
     */
    public abstract Builder scaleUp(ScalingRules scaleUp);

    /**
     * Sets or clears {@link ScalingPlan#scaleUp()}.
     *
     * @param scaleUp the scale-up rules, or empty for the Kubernetes defaults
     * @return this builder
     */
    public abstract Builder scaleUp(Optional<? extends ScalingRules> scaleUp);

    /**
     * Sets {@link ScalingPlan#scaleDown()}.
     *
     * @param scaleDown the scale-down rules of both HPAs
     * @return this builder
     */
    public abstract Builder scaleDown(ScalingRules scaleDown);

    /**
     * Sets or clears {@link ScalingPlan#scaleDown()}.
     *
     * @param scaleDown the scale-down rules, or empty for the Kubernetes defaults
     * @return this builder
     */
    public abstract Builder scaleDown(Optional<? extends ScalingRules> scaleDown);

    /**
     * {@return the plan}
     *
     * @throws HpaValidationException when a required value is missing or a value breaks a rule
     */
    public abstract ScalingPlan build();
  }

  /**
   * {@return the Model resource (the custom resource {@code mlops.seldon.io/v1alpha1 Model}) the plan
   * renders: {@code spec.replicas = minReplicas}, no min/maxReplicas; present when {@link #storageUri()} is
   * set} Without it the Model is deployed by other means and the plan renders only its HPAs.
   */
  @Value.Lazy
  public Optional<Model> modelResource() {
    return storageUri().map(uri -> Model.builder()
        .name(modelName())
        .namespace(namespace())
        .storageUri(uri)
        .addAllRequirements(requirements())
        .memory(memory())
        .replicas(minReplicas())
        .labels(labels())
        .annotations(annotations())
        .build());
  }

  /** {@return the Model HPA {@code <modelName>-model-hpa}, scaling the Model} */
  @Value.Lazy
  public Hpa modelHpa() {
    return hpa(modelName() + MODEL_HPA_SUFFIX, ObjectReference.model(modelName()));
  }

  /**
   * {@return the Server HPA {@code <serverName>-server-hpa}, scaling the Server on the same metrics (still
   * describing the Model), bounds and behaviour; present when {@link #serverName()} is set}
   */
  @Value.Lazy
  public Optional<Hpa> serverHpa() {
    return serverName().map(s -> hpa(s + SERVER_HPA_SUFFIX, ObjectReference.server(s)));
  }

  /** {@return {@code spec.behavior} of both HPAs: present when scaleUp or scaleDown is set} */
  public final Optional<Behavior> behavior() {
    if (scaleUp().isEmpty() && scaleDown().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Behavior.builder().scaleUp(scaleUp()).scaleDown(scaleDown()).build());
  }

  private Hpa hpa(String name, ObjectReference target) {
    List<Metric> metrics = new ArrayList<>(metrics().size());
    ObjectReference model = ObjectReference.model(modelName());
    for (Metric m : metrics()) {
      boolean undescribed = m instanceof ObjectMetric && ((ObjectMetric) m).describedObject().isEmpty();
      metrics.add(undescribed ? ((ObjectMetric) m).describing(model) : m);
    }
    return Hpa.builder()
        .name(name)
        .namespace(namespace())
        .labels(labels())
        .annotations(annotations())
        .scaleTargetRef(target)
        .minReplicas(minReplicas())
        .maxReplicas(maxReplicas())
        .addAllMetrics(metrics)
        .behavior(behavior())
        .build();
  }

  @Value.Check
  final void check() {
    Checks.dns1123Subdomain("modelName", modelName());
    Checks.check(modelName().length() <= 253 - MODEL_HPA_SUFFIX.length(),
        "modelName must be at most %d characters so that <modelName>%s is a valid name (was %d characters)",
        253 - MODEL_HPA_SUFFIX.length(), MODEL_HPA_SUFFIX, modelName().length());
    Checks.dns1123Label("namespace", namespace());
    SeldonReplicas.checkLabels(labels(), annotations());
    serverName().ifPresent(s -> {
      Checks.dns1123Subdomain("serverName", s);
      Checks.check(s.length() <= 253 - SERVER_HPA_SUFFIX.length(),
          "serverName must be at most %d characters so that <serverName>%s is a valid name (was %d characters)",
          253 - SERVER_HPA_SUFFIX.length(), SERVER_HPA_SUFFIX, s.length());
    });
    storageUri().ifPresent(uri -> Checks.notBlank("storageUri", uri));
    Checks.check(storageUri().isPresent() || requirements().isEmpty() && memory().isEmpty(),
        "storageUri must be set when requirements or memory are, to derive the Model CR (was unset)");
    for (int i = 0; i < requirements().size(); i++) {
      Checks.notBlank("requirements[" + i + "]", requirements().get(i));
    }
    memory().ifPresent(m -> Checks.check(m.signum() > 0, "memory must be > 0 (was %s)", m));
    Checks.check(!metrics().isEmpty(), "metrics must not be empty: a plan scales on at least one metric (was [])");
    for (int i = 0; i < metrics().size(); i++) {
      Metric m = metrics().get(i);
      Checks.check(m instanceof ObjectMetric || m instanceof ExternalMetric,
          "metrics[%d] must not be a %s metric in a ScalingPlan: the plan applies its metrics to the Model"
              + " HPA, and a Seldon Model's selector matches no pods; build a Server HPA with Hpa.builder()"
              + " (was %s)", i, m.type().yamlName(), m.describe());
    }
    HpaRule.MIN_REPLICAS.require(minReplicas() >= 1, "minReplicas", minReplicas());
    HpaRule.MAX_BELOW_MIN.require(maxReplicas() >= minReplicas(), "maxReplicas",
        "maxReplicas=" + maxReplicas() + ", minReplicas=" + minReplicas());
    // The derived objects carry the Seldon rules (AverageValue targets); build them now so a bad plan
    // fails here and not later in a renderer.
    modelResource();
    modelHpa();
    serverHpa();
  }
}
