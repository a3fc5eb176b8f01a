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
     * Fill a builder with attribute values from the provided {@code ResourceMapping} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(ResourceMapping instance);

    /**
     * Put one entry to the {@link ResourceMapping#overrides() overrides} map.
     * @param key The key in the overrides map
     * @param value The associated value in the overrides map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putOverride(String key, GroupResource value);

    /**
     * Put one entry to the {@link ResourceMapping#overrides() overrides} map. Nulls are not permitted
     * @param entry The key and value entry
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putOverride(Map.Entry<String, ? extends GroupResource> entry);

    /**
     * Sets or replaces all mappings from the specified map as entries for the {@link ResourceMapping#overrides() overrides} map. Nulls are not permitted
     * @param entries The entries that will be added to the overrides map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder overrides(Map<String, ? extends GroupResource> entries);

    /**
     * Put all mappings from the specified map as entries to {@link ResourceMapping#overrides() overrides} map. Nulls are not permitted
     * @param entries The entries that will be added to the overrides map
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder putAllOverrides(Map<String, ? extends GroupResource> entries);

    /**
     * Initializes the optional value {@link ResourceMapping#template() template} to template.
     * @param template The value for template
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder template(String template);

    /**
     * Initializes the optional value {@link ResourceMapping#template() template} to template.
     * @param template The value for template
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder template(Optional<String> template);

    /**
     * Initializes the optional value {@link ResourceMapping#namespaced() namespaced} to namespaced.
     * @param namespaced The value for namespaced
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder namespaced(boolean namespaced);

    /**
     * Initializes the optional value {@link ResourceMapping#namespaced() namespaced} to namespaced.
     * @param namespaced The value for namespaced
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder namespaced(Optional<Boolean> namespaced);

    /**
     * Builds a new {@link ResourceMapping ResourceMapping}.
     * @return An immutable instance of ResourceMapping
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
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
