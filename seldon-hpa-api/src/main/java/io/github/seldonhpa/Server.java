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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Server whose values are copied
     * @return this builder
     */
    public abstract Builder from(Server instance);

    /**
     * Sets {@link Server#name()}.
     *
     * @param name {@code metadata.name}: a DNS-1123 subdomain
     * @return this builder
     */
    public abstract Builder name(String name);

    /**
     * Sets {@link Server#namespace()}.
     *
     * @param namespace {@code metadata.namespace}: a DNS-1123 label. Default: none (the namespace applied to)
     * @return this builder
     */
    public abstract Builder namespace(String namespace);

    /**
     * Sets or clears {@link Server#namespace()}.
     *
     * @param namespace the value, or empty to clear it; {@code metadata.namespace}: a DNS-1123 label. Default: none
     *     (the namespace applied to)
     * @return this builder
     */
    public abstract Builder namespace(Optional<String> namespace);

    /**
     * Sets {@link Server#serverConfig()}.
     *
     * @param serverConfig {@code spec.serverConfig}: the ServerConfig to run ({@code mlserver}, {@code triton}).
     *     Required
     * @return this builder
     */
    public abstract Builder serverConfig(String serverConfig);

    /**
     * Sets {@link Server#replicas()}.
     *
     * @param replicas {@code spec.replicas}. Range: &gt;= 0. Default: none (Seldon uses 1, or minReplicas)
     * @return this builder
     */
    public abstract Builder replicas(int replicas);

    /**
     * Sets or clears {@link Server#replicas()}.
     *
     * @param replicas the value, or empty to clear it; {@code spec.replicas}. Range: &gt;= 0. Default: none (Seldon
     *     uses 1, or minReplicas)
     * @return this builder
     */
    public abstract Builder replicas(Optional<Integer> replicas);

    /**
     * Sets {@link Server#minReplicas()}.
     *
     * @param minReplicas {@code spec.minReplicas}: for Seldon's own server scaling. Range: &gt;= 0. Default: none
     * @return this builder
     */
    public abstract Builder minReplicas(int minReplicas);

    /**
     * Sets or clears {@link Server#minReplicas()}.
     *
     * @param minReplicas the value, or empty to clear it; {@code spec.minReplicas}: for Seldon's own server scaling.
     *     Range: &gt;= 0. Default: none
     * @return this builder
     */
    public abstract Builder minReplicas(Optional<Integer> minReplicas);

    /**
     * Sets {@link Server#maxReplicas()}.
     *
     * @param maxReplicas {@code spec.maxReplicas}: 0 or unset is unbounded. Range: &gt;= minReplicas when &gt; 0
     * @return this builder
     */
    public abstract Builder maxReplicas(int maxReplicas);

    /**
     * Sets or clears {@link Server#maxReplicas()}.
     *
     * @param maxReplicas the value, or empty to clear it; {@code spec.maxReplicas}: 0 or unset is unbounded. Range:
     *     &gt;= minReplicas when &gt; 0
     * @return this builder
     */
    public abstract Builder maxReplicas(Optional<Integer> maxReplicas);

    /**
     * Puts one entry into {@link Server#extraSpec()}; a key put again takes the new value.
     *
     * @param key the key
     * @param value the value; the map is other {@code spec} fields of the Server CRD ({@code podSpec},
     *     {@code capabilities}, ...), rendered as given. Must not repeat a typed field. Default: empty
     * @return this builder
     */
    public abstract Builder putExtraSpec(String key, Object value);

    /**
     * Puts one entry into {@link Server#extraSpec()}; a key put again takes the new value.
     *
     * @param entry the key and value; the map is other {@code spec} fields of the Server CRD ({@code podSpec},
     *     {@code capabilities}, ...), rendered as given. Must not repeat a typed field. Default: empty
     * @return this builder
     */
    public abstract Builder putExtraSpec(Map.Entry<String, ? extends Object> entry);

    /**
     * Replaces {@link Server#extraSpec()}.
     *
     * @param entries the new entries, in iteration order (empty clears the map); the map is other {@code spec} fields
     *     of the Server CRD ({@code podSpec}, {@code capabilities}, ...), rendered as given. Must not repeat a typed
     *     field. Default: empty
     * @return this builder
     */
    public abstract Builder extraSpec(Map<String, ? extends Object> entries);

    /**
     * Puts every entry of {@code entries} into {@link Server#extraSpec()}, keeping the others.
     *
     * @param entries the entries, in iteration order; the map is other {@code spec} fields of the Server CRD
     *     ({@code podSpec}, {@code capabilities}, ...), rendered as given. Must not repeat a typed field. Default:
     *     empty
     * @return this builder
     */
    public abstract Builder putAllExtraSpec(Map<String, ? extends Object> entries);

    /**
     * Builds the {@link Server}, checking every rule of its fields.
     *
     * @return the Server
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
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
