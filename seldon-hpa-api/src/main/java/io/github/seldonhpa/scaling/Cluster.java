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
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Cluster whose values are copied
     * @return this builder
     */
    public abstract Builder from(Cluster instance);

    /**
     * Sets {@link Cluster#nodes()}.
     *
     * @param nodes nodes at the start (and the autoscaler's minimum). Range: &gt;= 1
     * @return this builder
     */
    public abstract Builder nodes(int nodes);

    /**
     * Sets {@link Cluster#podsPerNode()}.
     *
     * @param podsPerNode Server pods one node fits. Range: &gt;= 1
     * @return this builder
     */
    public abstract Builder podsPerNode(int podsPerNode);

    /**
     * Sets {@link Cluster#maxNodes()}.
     *
     * @param maxNodes the cluster autoscaler's node limit. Default: none, no autoscaler
     * @return this builder
     */
    public abstract Builder maxNodes(int maxNodes);

    /**
     * Sets or clears {@link Cluster#maxNodes()}.
     *
     * @param maxNodes the value, or empty to clear it; the cluster autoscaler's node limit. Default: none, no
     *     autoscaler
     * @return this builder
     */
    public abstract Builder maxNodes(OptionalInt maxNodes);

    /**
     * Sets {@link Cluster#nodeStartup()}.
     *
     * @param nodeStartup how long a new node takes to accept pods. Default: 3 min
     * @return this builder
     */
    public abstract Builder nodeStartup(Duration nodeStartup);

    /**
     * Sets {@link Cluster#scaleDownUnneeded()}.
     *
     * @param scaleDownUnneeded how long a node stays unneeded before the autoscaler removes it (its default). Default:
     *     10 min
     * @return this builder
     */
    public abstract Builder scaleDownUnneeded(Duration scaleDownUnneeded);

    /**
     * Builds the {@link Cluster}, checking every rule of its fields.
     *
     * @return the Cluster
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
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
