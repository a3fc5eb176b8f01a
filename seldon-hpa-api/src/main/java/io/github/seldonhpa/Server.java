package io.github.seldonhpa;

import io.github.seldonhpa.internal.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A Seldon Core 2 Server CR ({@code mlops.seldon.io/v1alpha1}, kind {@code Server}). A Server scaled by
 * an HPA leaves {@code minReplicas}/{@code maxReplicas} unset, so Seldon's own server scaling does not
 * also write {@code spec.replicas}.
 */
@Value.Immutable
public abstract class Server {
  private static final Set<String> TYPED = Set.of("serverConfig", "replicas", "minReplicas", "maxReplicas");

  Server() {}

  /** {@return {@code metadata.name}: a DNS-1123 subdomain} */
  public abstract String name();

  /** {@return {@code metadata.namespace}: a DNS-1123 label} Default: none (the namespace applied to). */
  public abstract Optional<String> namespace();

  /** {@return {@code metadata.labels}, in insertion order} Default: empty. */
  public abstract Map<String, String> labels();

  /** {@return {@code metadata.annotations}, in insertion order; keys follow the label-key syntax} Default: empty. */
  public abstract Map<String, String> annotations();

  /** {@return {@code spec.serverConfig}: the ServerConfig to run ({@code mlserver}, {@code triton})} Required. */
  public abstract String serverConfig();

  /** {@return {@code spec.replicas}} Range: &gt;= 0. Default: none (Seldon uses 1, or minReplicas). */
  public abstract Optional<Integer> replicas();

  /** {@return {@code spec.minReplicas}: for Seldon's own server scaling} Range: &gt;= 0. Default: none. */
  public abstract Optional<Integer> minReplicas();

  /** {@return {@code spec.maxReplicas}: 0 or unset is unbounded} Range: &gt;= minReplicas when &gt; 0. */
  public abstract Optional<Integer> maxReplicas();

  /**
   * {@return other {@code spec} fields of the Server CRD ({@code podSpec}, {@code capabilities}, ...), rendered as
   * given} Must not repeat a typed field. Default: empty.
   */
  public abstract Map<String, Object> extraSpec();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableServer.builder();
  }

  /** {@return a builder holding this object's values, to change some of them (labels of one rendered object)} */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link Server}; setters may be called again (the last value wins). */
  public abstract static class Builder implements MetadataBuilder<Builder> {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Server} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Server instance);

    /**
     * Initializes the value for the {@link Server#name() name} attribute.
     * @param name The value for name 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder name(String name);

    /**
     * Initializes the optional value {@link Server#namespace() namespace} to namespace.
     * @param namespace The value for namespace
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder namespace(String namespace);

    /**
     * Initializes the optional value {@link Server#namespace() namespace} to namespace.
     * @param namespace The value for namespace
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder namespace(Optional<String> namespace);

    /**
     * Initializes the value for the {@link Server#serverConfig() serverConfig} attribute.
     * @param serverConfig The value for serverConfig 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder serverConfig(String serverConfig);

    /**
     * Initializes the optional value {@link Server#replicas() replicas} to replicas.
     * @param replicas The value for replicas
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder replicas(int replicas);

    /**
     * Initializes the optional value {@link Server#replicas() replicas} to replicas.
     * @param replicas The value for replicas
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder replicas(Optional<Integer> replicas);

    /**
     * Initializes the optional value {@link Server#minReplicas() minReplicas} to minReplicas.
     * @param minReplicas The value for minReplicas
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder minReplicas(int minReplicas);

    /**
     * Initializes the optional value {@link Server#minReplicas() minReplicas} to minReplicas.
     * @param minReplicas The value for minReplicas
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder minReplicas(Optional<Integer> minReplicas);

    /**
     * Initializes the optional value {@link Server#maxReplicas() maxReplicas} to maxReplicas.
     * @param maxReplicas The value for maxReplicas
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder maxReplicas(int maxReplicas);

    /**
     * Initializes the optional value {@link Server#maxReplicas() maxReplicas} to maxReplicas.
     * @param maxReplicas The value for maxReplicas
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder maxReplicas(Optional<Integer> maxReplicas);

    /**
     * Put one entry to the {@link Server#extraSpec() extraSpec} map.
     * @param key The key in the extraSpec map
     * @param value The associated value in the extraSpec map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putExtraSpec(String key, Object value);

    /**
     * Put one entry to the {@link Server#extraSpec() extraSpec} map. Nulls are not permitted
     * @param entry The key and value entry
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putExtraSpec(Map.Entry<String, ? extends Object> entry);

    /**
     * Sets or replaces all mappings from the specified map as entries for the {@link Server#extraSpec() extraSpec} map. Nulls are not permitted
     * @param entries The entries that will be added to the extraSpec map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder extraSpec(Map<String, ? extends Object> entries);

    /**
     * Put all mappings from the specified map as entries to {@link Server#extraSpec() extraSpec} map. Nulls are not permitted
     * @param entries The entries that will be added to the extraSpec map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putAllExtraSpec(Map<String, ? extends Object> entries);

    /**
     * Builds a new {@link Server Server}.
     * @return An immutable instance of Server
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract Server build();

}

  @Value.Check
  final void check() {
    SeldonReplicas.checkMetadata(name(), namespace(), labels(), annotations());
    Checks.dns1123Subdomain("serverConfig", serverConfig());
    SeldonReplicas.check(replicas(), minReplicas(), maxReplicas());
    SeldonReplicas.checkExtraSpec(extraSpec(), TYPED);
  }
}
