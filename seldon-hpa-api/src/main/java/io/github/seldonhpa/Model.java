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
 * Seldon's lag-based scaling, which would fight the HPA); {@link ScalingPlan#model()} derives such a
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
     * Fill a builder with attribute values from the provided {@code Model} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Model instance);

    /**
     * Initializes the value for the {@link Model#name() name} attribute.
     * @param name The value for name 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder name(String name);

    /**
     * Initializes the optional value {@link Model#namespace() namespace} to namespace.
     * @param namespace The value for namespace
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder namespace(String namespace);

    /**
     * Initializes the optional value {@link Model#namespace() namespace} to namespace.
     * @param namespace The value for namespace
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder namespace(Optional<String> namespace);

    /**
     * Initializes the value for the {@link Model#storageUri() storageUri} attribute.
     * @param storageUri The value for storageUri 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder storageUri(String storageUri);

    /**
     * Adds one element to {@link Model#requirements() requirements} list.
     * @param element A requirements element
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addRequirement(String element);

    /**
     * Adds elements to {@link Model#requirements() requirements} list.
     * @param elements An array of requirements elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addRequirements(String... elements);

    /**
     * Sets or replaces all elements for {@link Model#requirements() requirements} list.
     * @param elements An iterable of requirements elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder requirements(Iterable<String> elements);

    /**
     * Adds elements to {@link Model#requirements() requirements} list.
     * @param elements An iterable of requirements elements
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder addAllRequirements(Iterable<String> elements);

    /**
     * Initializes the optional value {@link Model#memory() memory} to memory.
     * @param memory The value for memory
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder memory(Quantity memory);

    /**
     * Initializes the optional value {@link Model#memory() memory} to memory.
     * @param memory The value for memory
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder memory(Optional<? extends Quantity> memory);

    /**
     * Initializes the optional value {@link Model#server() server} to server.
     * @param server The value for server
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder server(String server);

    /**
     * Initializes the optional value {@link Model#server() server} to server.
     * @param server The value for server
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder server(Optional<String> server);

    /**
     * Initializes the optional value {@link Model#replicas() replicas} to replicas.
     * @param replicas The value for replicas
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder replicas(int replicas);

    /**
     * Initializes the optional value {@link Model#replicas() replicas} to replicas.
     * @param replicas The value for replicas
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder replicas(Optional<Integer> replicas);

    /**
     * Initializes the optional value {@link Model#minReplicas() minReplicas} to minReplicas.
     * @param minReplicas The value for minReplicas
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder minReplicas(int minReplicas);

    /**
     * Initializes the optional value {@link Model#minReplicas() minReplicas} to minReplicas.
     * @param minReplicas The value for minReplicas
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder minReplicas(Optional<Integer> minReplicas);

    /**
     * Initializes the optional value {@link Model#maxReplicas() maxReplicas} to maxReplicas.
     * @param maxReplicas The value for maxReplicas
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder maxReplicas(int maxReplicas);

    /**
     * Initializes the optional value {@link Model#maxReplicas() maxReplicas} to maxReplicas.
     * @param maxReplicas The value for maxReplicas
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder maxReplicas(Optional<Integer> maxReplicas);

    /**
     * Put one entry to the {@link Model#extraSpec() extraSpec} map.
     * @param key The key in the extraSpec map
     * @param value The associated value in the extraSpec map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putExtraSpec(String key, Object value);

    /**
     * Put one entry to the {@link Model#extraSpec() extraSpec} map. Nulls are not permitted
     * @param entry The key and value entry
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putExtraSpec(Map.Entry<String, ? extends Object> entry);

    /**
     * Sets or replaces all mappings from the specified map as entries for the {@link Model#extraSpec() extraSpec} map. Nulls are not permitted
     * @param entries The entries that will be added to the extraSpec map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder extraSpec(Map<String, ? extends Object> entries);

    /**
     * Put all mappings from the specified map as entries to {@link Model#extraSpec() extraSpec} map. Nulls are not permitted
     * @param entries The entries that will be added to the extraSpec map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putAllExtraSpec(Map<String, ? extends Object> entries);

    /**
     * Builds a new {@link Model Model}.
     * @return An immutable instance of Model
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
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
