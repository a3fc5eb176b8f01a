package io.github.seldonhpa.promql;

import org.immutables.value.Value;

/**
 * A Kubernetes group-resource as written in an adapter {@code resources.overrides} entry: {@code group}
 * (empty for the core group; Default: "") and {@code resource} (singular or plural, any case, e.g.
 * {@code pod}, {@code pods}, {@code model}).
 */
@Value.Immutable
public abstract class GroupResource {
  GroupResource() {}

  /** {@return {@code group}: the API group, "" for the core group} Default: "". */
  @Value.Default
  public String group() {
    return "";
  }

  /** {@return {@code resource}: the resource name, singular or plural, as written} */
  public abstract String resource();

  /**
   * {@return the group-resource {@code resource} in {@code group}}
   *
   * @param group the API group, such as {@code mlops.seldon.io}; "" for the core group
   * @param resource the resource name, plural or singular, such as {@code models}
   */
  public static GroupResource of(String group, String resource) {
    return builder().group(group).resource(resource).build();
  }

  /**
   * {@return a core-group resource such as {@code pod} or {@code namespace}}
   *
   * @param resource the resource name, plural or singular, such as {@code pods}
   */
  public static GroupResource core(String resource) {
    return of("", resource);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableGroupResource.builder();
  }

  /** Builds {@link GroupResource}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code GroupResource} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(GroupResource instance);

    /**
     * Initializes the value for the {@link GroupResource#group() group} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link GroupResource#group() group}.</em>
     * @param group The value for group 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder group(String group);

    /**
     * Initializes the value for the {@link GroupResource#resource() resource} attribute.
     * @param resource The value for resource 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder resource(String resource);

    /**
     * Builds a new {@link GroupResource GroupResource}.
     * @return An immutable instance of GroupResource
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract GroupResource build();

}

  /** Kubernetes' spelling: {@code resource} for the core group, else {@code resource.group}. */
  @Override
  public String toString() {
    return group().isEmpty() ? resource() : resource() + "." + group();
  }
}
