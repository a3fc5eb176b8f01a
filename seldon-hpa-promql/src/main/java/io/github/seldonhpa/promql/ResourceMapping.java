package io.github.seldonhpa.promql;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code resources} of an adapter rule: how series labels map to Kubernetes resources, through
 * {@code overrides} (label to group-resource, insertion order kept) and/or a {@code template} (a Go
 * template over {@code .Group} and {@code .Resource} with delimiters {@code << >>}, e.g.
 * {@code kube_<<.Resource>>}). {@code namespaced} is read by external rules only. Default: no overrides,
 * no template, namespaced absent (true).
 */
@Value.Immutable
public abstract class ResourceMapping {
  ResourceMapping() {}

  /** {@return {@code overrides}: series label to group-resource, in the order written} */
  public abstract Map<String, GroupResource> overrides();

  /** {@return {@code template}: the generic label form, e.g. {@code <<.Resource>>}} */
  public abstract Optional<String> template();

  /**
   * {@return {@code namespaced}: whether an external rule adds the HPA's namespace as a matcher} Ignored by custom
   * rules. Default: true.
   */
  public abstract Optional<Boolean> namespaced();

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableResourceMapping.builder();
  }

  /** Builds {@link ResourceMapping}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the ResourceMapping whose values are copied
     * @return this builder
     */
    public abstract Builder from(ResourceMapping instance);

    /**
     * Puts one entry into {@link ResourceMapping#overrides()}; a key put again takes the new value.
     *
     * @param key the key
     * @param value the value; the map is {@code overrides}: series label to group-resource, in the order written
     * @return this builder
     */
    public abstract Builder putOverride(String key, GroupResource value);

    /**
     * Puts one entry into {@link ResourceMapping#overrides()}; a key put again takes the new value.
     *
     * @param entry the key and value; the map is {@code overrides}: series label to group-resource, in the order
     *     written
     * @return this builder
     */
    public abstract Builder putOverride(Map.Entry<String, ? extends GroupResource> entry);

    /**
     * Replaces {@link ResourceMapping#overrides()}.
     *
     * @param entries the new entries, in iteration order (empty clears the map); the map is {@code overrides}: series
     *     label to group-resource, in the order written
     * @return this builder
     */
    public abstract Builder overrides(Map<String, ? extends GroupResource> entries);

    /**
     * Puts every entry of {@code entries} into {@link ResourceMapping#overrides()}, keeping the others.
     *
     * @param entries the entries, in iteration order; the map is {@code overrides}: series label to group-resource, in
     *     the order written
     * @return this builder
     */
    public abstract Builder putAllOverrides(Map<String, ? extends GroupResource> entries);

    /**
     * Sets {@link ResourceMapping#template()}.
     *
     * @param template {@code template}: the generic label form, e.g. {@code <<.Resource>>}
     * @return this builder
     */
    public abstract Builder template(String template);

    /**
     * Sets or clears {@link ResourceMapping#template()}.
     *
     * @param template the value, or empty to clear it; {@code template}: the generic label form, e.g.
     *     {@code <<.Resource>>}
     * @return this builder
     */
    public abstract Builder template(Optional<String> template);

    /**
     * Sets {@link ResourceMapping#namespaced()}.
     *
     * @param namespaced {@code namespaced}: whether an external rule adds the HPA's namespace as a matcher. Ignored by
     *     custom rules. Default: true
     * @return this builder
     */
    public abstract Builder namespaced(boolean namespaced);

    /**
     * Sets or clears {@link ResourceMapping#namespaced()}.
     *
     * @param namespaced the value, or empty to clear it; {@code namespaced}: whether an external rule adds the HPA's
     *     namespace as a matcher. Ignored by custom rules. Default: true
     * @return this builder
     */
    public abstract Builder namespaced(Optional<Boolean> namespaced);

    /**
     * Builds the {@link ResourceMapping}, checking every rule of its fields.
     *
     * @return the ResourceMapping
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract ResourceMapping build();

}

  /**
   * {@return a mapping with only a label {@code template}}
   *
   * @param template a Go template over {@code .Group} and {@code .Resource}, such as {@code kubernetes_<<.Resource>>}
   */
  public static ResourceMapping template(String template) {
    return builder().template(template).build();
  }

  /** {@return a mapping with neither overrides nor template} */
  public static ResourceMapping none() {
    return builder().build();
  }
}
