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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the GroupResource whose values are copied
     * @return this builder
     */
    public abstract Builder from(GroupResource instance);

    /**
     * Sets {@link GroupResource#group()}.
     *
     * @param group {@code group}: the API group, "" for the core group. Default: ""
     * @return this builder
     */
    public abstract Builder group(String group);

    /**
     * Sets {@link GroupResource#resource()}.
     *
     * @param resource {@code resource}: the resource name, singular or plural, as written
     * @return this builder
     */
    public abstract Builder resource(String resource);

    /**
     * Builds the {@link GroupResource}, checking every rule of its fields.
     *
     * @return the GroupResource
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract GroupResource build();

}

  /** Kubernetes' spelling: {@code resource} for the core group, else {@code resource.group}. */
  @Override
  public String toString() {
    return group().isEmpty() ? resource() : resource() + "." + group();
  }
}
