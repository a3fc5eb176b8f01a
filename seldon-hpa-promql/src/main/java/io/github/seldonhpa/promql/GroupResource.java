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

  /** {@code group}: the API group, "" for the core group. Default: "". */
  @Value.Default
  public String group() {
    return "";
  }

  /** {@code resource}: the resource name, singular or plural, as written. */
  public abstract String resource();

  /** The group-resource {@code resource} in {@code group}. */
  public static GroupResource of(String group, String resource) {
    return builder().group(group).resource(resource).build();
  }

  /** A core-group resource such as {@code pod} or {@code namespace}. */
  public static GroupResource core(String resource) {
    return of("", resource);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GroupResource}. */
  public static class Builder extends ImmutableGroupResource.Builder {}

  /** Kubernetes' spelling: {@code resource} for the core group, else {@code resource.group}. */
  @Override
  public String toString() {
    return group().isEmpty() ? resource() : resource() + "." + group();
  }
}
