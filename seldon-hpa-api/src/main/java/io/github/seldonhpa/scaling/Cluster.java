package io.github.seldonhpa.scaling;

import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The finite room a {@link Fleet}'s server pods run in: {@link #nodes()} nodes that each fit
 * {@link #podsPerNode()} server pods (a node's allocatable divided by a server pod's requests), or one pod
 * budget ({@link #podBudget}). A pod that does not fit stays Pending. With {@link #maxNodes()} a cluster
 * autoscaler adds nodes for Pending pods, each ready after {@link #nodeStartup()}, and removes a node that
 * has been unneeded for {@link #scaleDownUnneeded()} (never below {@link #nodes()}).
 */
@Value.Immutable
public abstract class Cluster {
  Cluster() {}

  /** {@return nodes at the start (and the autoscaler's minimum)} Range: &gt;= 1. */
  public abstract int nodes();

  /** {@return Server pods one node fits} Range: &gt;= 1. */
  public abstract int podsPerNode();

  /** {@return the cluster autoscaler's node limit} Default: none, no autoscaler. */
  public abstract OptionalInt maxNodes();

  /** {@return how long a new node takes to accept pods} Default: 3 min. */
  @Value.Default
  public Duration nodeStartup() {
    return Duration.ofMinutes(3);
  }

  /** {@return how long a node stays unneeded before the autoscaler removes it (its default)} Default: 10 min. */
  @Value.Default
  public Duration scaleDownUnneeded() {
    return Duration.ofMinutes(10);
  }

  /**
   * {@return a cluster of {@code nodes} nodes fitting {@code podsPerNode} server pods each, without autoscaler}
   *
   * @param nodes the number of ready nodes, at least 1
   * @param podsPerNode server pods one node fits, at least 1
   */
  public static Cluster nodes(int nodes, int podsPerNode) {
    return builder().nodes(nodes).podsPerNode(podsPerNode).build();
  }

  /**
   * {@return room for {@code pods} server pods in all (one node of that size), without autoscaler}
   *
   * @param pods server pods the cluster fits in all, at least 1
   */
  public static Cluster podBudget(int pods) {
    return nodes(1, pods);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutableCluster.builder();
  }

  /** Builds {@link Cluster}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Cluster} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder from(Cluster instance);

    /**
     * Initializes the value for the {@link Cluster#nodes() nodes} attribute.
     * @param nodes The value for nodes 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder nodes(int nodes);

    /**
     * Initializes the value for the {@link Cluster#podsPerNode() podsPerNode} attribute.
     * @param podsPerNode The value for podsPerNode 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder podsPerNode(int podsPerNode);

    /**
     * Initializes the optional value {@link Cluster#maxNodes() maxNodes} to maxNodes.
     * @param maxNodes The value for maxNodes
     * @return {@code this} builder for chained invocation
     */
    public abstract Builder maxNodes(int maxNodes);

    /**
     * Initializes the optional value {@link Cluster#maxNodes() maxNodes} to maxNodes.
     * @param maxNodes The value for maxNodes
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder maxNodes(OptionalInt maxNodes);

    /**
     * Initializes the value for the {@link Cluster#nodeStartup() nodeStartup} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Cluster#nodeStartup() nodeStartup}.</em>
     * @param nodeStartup The value for nodeStartup 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder nodeStartup(Duration nodeStartup);

    /**
     * Initializes the value for the {@link Cluster#scaleDownUnneeded() scaleDownUnneeded} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Cluster#scaleDownUnneeded() scaleDownUnneeded}.</em>
     * @param scaleDownUnneeded The value for scaleDownUnneeded 
     * @return {@code this} builder for use in a chained invocation
     */
    public abstract Builder scaleDownUnneeded(Duration scaleDownUnneeded);

    /**
     * Builds a new {@link Cluster Cluster}.
     * @return An immutable instance of Cluster
     * @throws io.github.seldonhpa.HpaValidationException if any required attributes are missing
     */
    public abstract Cluster build();

}

  /** {@return Server pods the cluster fits at the start} */
  public final long initialCapacity() {
    return (long) nodes() * podsPerNode();
  }

  @Value.Check
  final void check() {
    Checks.check(nodes() >= 1, "nodes must be >= 1 (was %d)", nodes());
    Checks.check(podsPerNode() >= 1, "podsPerNode must be >= 1 (was %d)", podsPerNode());
    maxNodes().ifPresent(n -> Checks.check(n >= nodes(), "maxNodes must be >= nodes %d (was %d)", nodes(), n));
    Checks.check(!nodeStartup().isNegative(), "nodeStartup must be >= 0 (was %s)", nodeStartup());
    Checks.check(!scaleDownUnneeded().isNegative(), "scaleDownUnneeded must be >= 0 (was %s)", scaleDownUnneeded());
  }
}
