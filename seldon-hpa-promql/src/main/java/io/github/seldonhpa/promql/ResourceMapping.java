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

  /** {@code overrides}: series label to group-resource, in the order written. */
  public abstract Map<String, GroupResource> overrides();

  /** {@code template}: the generic label form, e.g. {@code <<.Resource>>}. */
  public abstract Optional<String> template();

  /**
   * {@code namespaced}: whether an external rule adds the HPA's namespace as a matcher. Ignored by custom
   * rules. Default: true.
   */
  public abstract Optional<Boolean> namespaced();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ResourceMapping}. */
  public static class Builder extends ImmutableResourceMapping.Builder {}

  /** A mapping with only a label {@code template}. */
  public static ResourceMapping template(String template) {
    return builder().template(template).build();
  }

  /** A mapping with neither overrides nor template. */
  public static ResourceMapping none() {
    return builder().build();
  }
}
