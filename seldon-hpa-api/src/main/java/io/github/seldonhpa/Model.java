package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A Seldon Core 2 Model CR ({@code mlops.seldon.io/v1alpha1}, kind {@code Model}). A Model scaled by an
 * HPA sets {@code replicas} and neither {@code minReplicas} nor {@code maxReplicas} (those turn on
 * Seldon's lag-based scaling, which would fight the HPA); {@link ScalingPlan#modelResource()} derives such a
 * Model. A Model built here with min/max uses Seldon's native scaling (see {@link NativeScaling}).
 */
@Value.Immutable
public abstract class Model {
  private static final Set<String> TYPED = Set.of(
      "storageUri", "requirements", "memory", "server", "replicas", "minReplicas", "maxReplicas");

  Model() {}

  /** {@return {@code metadata.name}: a DNS-1123 subdomain} */
  public abstract String name();

  /** {@return {@code metadata.namespace}: a DNS-1123 label} Default: none (the namespace applied to). */
  public abstract Optional<String> namespace();

  /** {@return {@code metadata.labels}, in insertion order} Default: empty. */
  public abstract Map<String, String> labels();

  /** {@return {@code metadata.annotations}, in insertion order; keys follow the label-key syntax} Default: empty. */
  public abstract Map<String, String> annotations();

  /** {@return {@code spec.storageUri}: where the model artifact is ({@code gs://seldon-models/...})} Required. */
  public abstract String storageUri();

  /** {@return {@code spec.requirements}: capabilities a Server must offer ({@code sklearn})} Default: empty. */
  public abstract List<String> requirements();

  /** {@return {@code spec.memory}: the memory the model needs} Range: &gt; 0. Default: none. */
  public abstract Optional<Quantity> memory();

  /** {@return {@code spec.server}: pins the model to this Server} Default: none (the scheduler picks one). */
  public abstract Optional<String> server();

  /** {@return {@code spec.replicas}} Range: &gt;= 0. Default: none (Seldon uses 1, or minReplicas). */
  public abstract Optional<Integer> replicas();

  /** {@return {@code spec.minReplicas}: with maxReplicas, turns on native lag-based scaling} Range: &gt;= 0. */
  public abstract Optional<Integer> minReplicas();

  /** {@return {@code spec.maxReplicas}: 0 or unset is unbounded} Range: &gt;= minReplicas when &gt; 0. */
  public abstract Optional<Integer> maxReplicas();

  /**
   * {@return other {@code spec} fields of the Model CRD ({@code dedicated}, {@code parameters}, ...), rendered as
   * given} Must not repeat a typed field. Default: empty.
   */
  public abstract Map<String, Object> extraSpec();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableModel.builder();
  }

  /** {@return a builder holding this object's values, to change some of them (labels of one rendered object)} */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link Model}; setters may be called again (the last value wins). */
  public abstract static class Builder implements MetadataBuilder<Builder> {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Model whose values are copied
     * @return this builder
     */
    public abstract Builder from(Model instance);

    /**
     * Sets {@link Model#name()}.
     *
     * @param name {@code metadata.name}: a DNS-1123 subdomain
     * @return this builder
     */
    public abstract Builder name(String name);

    /**
     * Sets {@link Model#namespace()}.
     *
     * @param namespace {@code metadata.namespace}: a DNS-1123 label. Default: none (the namespace applied to)
     * @return this builder
     */
    public abstract Builder namespace(String namespace);

    /**
     * Sets or clears {@link Model#namespace()}.
     *
     * @param namespace the value, or empty to clear it; {@code metadata.namespace}: a DNS-1123 label. Default: none
     *     (the namespace applied to)
     * @return this builder
     */
    public abstract Builder namespace(Optional<String> namespace);

    /**
     * Sets {@link Model#storageUri()}.
     *
     * @param storageUri {@code spec.storageUri}: where the model artifact is ({@code gs://seldon-models/...}). Required
     * @return this builder
     */
    public abstract Builder storageUri(String storageUri);

    /**
     * Adds one element to {@link Model#requirements()}.
     *
     * @param element the element to append; the list is {@code spec.requirements}: capabilities a Server must offer
     *     ({@code sklearn}). Default: empty
     * @return this builder
     */
    public abstract Builder addRequirement(String element);

    /**
     * Adds elements to {@link Model#requirements()}.
     *
     * @param elements the elements to append, in order; the list is {@code spec.requirements}: capabilities a Server
     *     must offer ({@code sklearn}). Default: empty
     * @return this builder
     */
    public abstract Builder addRequirements(String... elements);

    /**
     * Replaces {@link Model#requirements()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is
     *     {@code spec.requirements}: capabilities a Server must offer ({@code sklearn}). Default: empty
     * @return this builder
     */
    public abstract Builder requirements(Iterable<String> elements);

    /**
     * Adds elements to {@link Model#requirements()}.
     *
     * @param elements the elements to append, in iteration order; the list is {@code spec.requirements}: capabilities a
     *     Server must offer ({@code sklearn}). Default: empty
     * @return this builder
     */
    public abstract Builder addAllRequirements(Iterable<String> elements);

    /**
     * Sets {@link Model#memory()}.
     *
     * @param memory {@code spec.memory}: the memory the model needs. Range: &gt; 0. Default: none
     * @return this builder
     */
    public abstract Builder memory(Quantity memory);

    /**
     * Sets or clears {@link Model#memory()}.
     *
     * @param memory the value, or empty to clear it; {@code spec.memory}: the memory the model needs. Range: &gt; 0.
     *     Default: none
     * @return this builder
     */
    public abstract Builder memory(Optional<? extends Quantity> memory);

    /**
     * Sets {@link Model#server()}.
     *
     * @param server {@code spec.server}: pins the model to this Server. Default: none (the scheduler picks one)
     * @return this builder
     */
    public abstract Builder server(String server);

    /**
     * Sets or clears {@link Model#server()}.
     *
     * @param server the value, or empty to clear it; {@code spec.server}: pins the model to this Server. Default: none
     *     (the scheduler picks one)
     * @return this builder
     */
    public abstract Builder server(Optional<String> server);

    /**
     * Sets {@link Model#replicas()}.
     *
     * @param replicas {@code spec.replicas}. Range: &gt;= 0. Default: none (Seldon uses 1, or minReplicas)
     * @return this builder
     */
    public abstract Builder replicas(int replicas);

    /**
     * Sets or clears {@link Model#replicas()}.
     *
     * @param replicas the value, or empty to clear it; {@code spec.replicas}. Range: &gt;= 0. Default: none (Seldon
     *     uses 1, or minReplicas)
     * @return this builder
     */
    public abstract Builder replicas(Optional<Integer> replicas);

    /**
     * Sets {@link Model#minReplicas()}.
     *
     * @param minReplicas {@code spec.minReplicas}: with maxReplicas, turns on native lag-based scaling. Range: &gt;= 0
     * @return this builder
     */
    public abstract Builder minReplicas(int minReplicas);

    /**
     * Sets or clears {@link Model#minReplicas()}.
     *
     * @param minReplicas the value, or empty to clear it; {@code spec.minReplicas}: with maxReplicas, turns on native
     *     lag-based scaling. Range: &gt;= 0
     * @return this builder
     */
    public abstract Builder minReplicas(Optional<Integer> minReplicas);

    /**
     * Sets {@link Model#maxReplicas()}.
     *
     * @param maxReplicas {@code spec.maxReplicas}: 0 or unset is unbounded. Range: &gt;= minReplicas when &gt; 0
     * @return this builder
     */
    public abstract Builder maxReplicas(int maxReplicas);

    /**
     * Sets or clears {@link Model#maxReplicas()}.
     *
     * @param maxReplicas the value, or empty to clear it; {@code spec.maxReplicas}: 0 or unset is unbounded. Range:
     *     &gt;= minReplicas when &gt; 0
     * @return this builder
     */
    public abstract Builder maxReplicas(Optional<Integer> maxReplicas);

    /**
     * Puts one entry into {@link Model#extraSpec()}; a key put again takes the new value.
     *
     * @param key the key
     * @param value the value; the map is other {@code spec} fields of the Model CRD ({@code dedicated},
     *     {@code parameters}, ...), rendered as given. Must not repeat a typed field. Default: empty
     * @return this builder
     */
    public abstract Builder putExtraSpec(String key, Object value);

    /**
     * Puts one entry into {@link Model#extraSpec()}; a key put again takes the new value.
     *
     * @param entry the key and value; the map is other {@code spec} fields of the Model CRD ({@code dedicated},
     *     {@code parameters}, ...), rendered as given. Must not repeat a typed field. Default: empty
     * @return this builder
     */
    public abstract Builder putExtraSpec(Map.Entry<String, ? extends Object> entry);

    /**
     * Replaces {@link Model#extraSpec()}.
     *
     * @param entries the new entries, in iteration order (empty clears the map); the map is other {@code spec} fields
     *     of the Model CRD ({@code dedicated}, {@code parameters}, ...), rendered as given. Must not repeat a typed
     *     field. Default: empty
     * @return this builder
     */
    public abstract Builder extraSpec(Map<String, ? extends Object> entries);

    /**
     * Puts every entry of {@code entries} into {@link Model#extraSpec()}, keeping the others.
     *
     * @param entries the entries, in iteration order; the map is other {@code spec} fields of the Model CRD
     *     ({@code dedicated}, {@code parameters}, ...), rendered as given. Must not repeat a typed field. Default:
     *     empty
     * @return this builder
     */
    public abstract Builder putAllExtraSpec(Map<String, ? extends Object> entries);

    /**
     * Builds the {@link Model}, checking every rule of its fields.
     *
     * @return the Model
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract Model build();

    /**
     * Sets {@code spec.memory} parsed as a quantity ({@code "3M"}).
     *
     * @param memory a Kubernetes quantity above 0, such as {@code "3M"} or {@code "512Mi"}
     * @return this builder
     * @throws HpaValidationException if {@code memory} is not a quantity
     */
    public final Builder memory(String memory) {
      return memory(Quantity.parse("memory", memory));
    }
  }

  /** {@return whether Seldon's lag-based scaling applies to this Model: minReplicas or maxReplicas is above 0} */
  public final boolean nativeScaling() {
    return minReplicas().orElse(0) > 0 || maxReplicas().orElse(0) > 0;
  }

  @Value.Check
  final void check() {
    SeldonReplicas.checkMetadata(name(), namespace(), labels(), annotations());
    Checks.notBlank("storageUri", storageUri());
    for (int i = 0; i < requirements().size(); i++) {
      Checks.notBlank("requirements[" + i + "]", requirements().get(i));
    }
    memory().ifPresent(m -> Checks.check(m.signum() > 0, "memory must be > 0 (was %s)", m));
    server().ifPresent(s -> Checks.dns1123Subdomain("server", s));
    SeldonReplicas.check(replicas(), minReplicas(), maxReplicas());
    SeldonReplicas.checkExtraSpec(extraSpec(), TYPED);
  }
}
