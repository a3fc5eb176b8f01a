package io.github.seldonhpa.scaling;

import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.SeldonHpa;
import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.immutables.value.Value;

/**
 * Chooses a plan's averageValue, min/max replicas, tolerance and scale-up/down behaviour from the load the
 * models will see: every candidate is replayed on a {@link Fleet} (every trace a Model/Server pair, on the
 * {@link #cluster()}); the chosen plan has the fewest server replica-seconds among those with at most
 * {@link #maxSecondsAboveSaturation()} above saturation and no model left ScheduleFailed for good; or, with a
 * {@link #maxReplicaSeconds()} budget, the least time above saturation within it.
 *
 * <p>Search: the space is a grid of eight settings ({@link #MARGINS} below the saturation RPS,
 * {@link #MIN_REPLICAS}, {@link #EXTRA_MAX} replicas above what the peak needs, three tolerances (the
 * controller's, 0.05, and {@link PairDivergence#suggestedTolerance()}), Pods scale-up policies of
 * {@link #SCALE_UP_PODS} per {@link #SCALE_UP_PERIODS} with {@link #SCALE_UP_WINDOWS}, and
 * {@link #SCALE_DOWN_WINDOWS}), 259,200 points. {@link #samples()} of them are drawn with a generator seeded
 * by {@link #seed()} (plus the template's own settings when they lie on the grid), then the best is refined by
 * coordinate descent (each setting one step either way, until no step improves). Cost: samples + about
 * 2 x 8 x rounds fleet replays of the traces; the same seed gives the same plan. Candidates are replayed on
 * all cores, each replay on one thread.
 */
@Value.Immutable
public abstract class Planner {
  /** Fractions kept free below the saturation RPS: averageValue = saturation x (1 - margin). */
  public static final double[] MARGINS = {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5};
  /** minReplicas. */
  public static final int[] MIN_REPLICAS = {1, 2, 3, 4, 6, 8};
  /** maxReplicas above (or below) {@code ceil(peak / averageValue)}. */
  public static final int[] EXTRA_MAX = {-2, -1, 0, 1, 2};
  /** Pods per scale-up period; 0 stands for the HPA's default scale-up (4 Pods or 100% per 15 s). */
  public static final int[] SCALE_UP_PODS = {0, 1, 2, 4, 5, 8, 12};
  /** Scale-up policy periods, seconds. */
  public static final int[] SCALE_UP_PERIODS = {15, 30, 60, 90};
  /** Scale-up stabilization windows, seconds. */
  public static final int[] SCALE_UP_WINDOWS = {0, 30, 60};
  /** Scale-down stabilization windows, seconds. */
  public static final int[] SCALE_DOWN_WINDOWS = {60, 180, 300, 600};
  private static final int TOLERANCES = 3;
  private static final int[] SIZES = {MARGINS.length, MIN_REPLICAS.length, EXTRA_MAX.length, TOLERANCES,
      SCALE_UP_PODS.length, SCALE_UP_PERIODS.length, SCALE_UP_WINDOWS.length, SCALE_DOWN_WINDOWS.length};

  Planner() {}

  /**
   * {@return the plan to tune: names, namespace, Server (a Model/Server HPA pair) or none (native server scaling),
   * metric name}
   */
  public abstract ScalingPlan template();

  /** {@return the loads, one model each} */
  public abstract List<RpsTrace> traces();

  /** {@return the per-replica RPS at which latency breaks ({@link LatencySlo} turns an SLO into one)} Range: &gt; 0. */
  public abstract double saturationRps();

  /** {@return the cluster} Default: room for 100,000 server pods. */
  @Value.Default
  public Cluster cluster() {
    return Cluster.podBudget(100_000);
  }

  /** {@return Server pod start-up} Default: fixed 60 s. */
  @Value.Default
  public StartupDelay serverStartup() {
    return StartupDelay.fixed(Duration.ofSeconds(60));
  }

  /** {@return when the Server HPA syncs after the Model HPA} Default: 0. */
  @Value.Default
  public Duration serverHpaOffset() {
    return Duration.ZERO;
  }

  /** {@return the replay step} Range: divides the 15 s sync period. Default: 5 s. */
  @Value.Default
  public Duration tick() {
    return Duration.ofSeconds(5);
  }

  /** {@return the time above saturation a plan may have, summed over the models} Default: 0. */
  @Value.Default
  public double maxSecondsAboveSaturation() {
    return 0;
  }

  /**
   * {@return a cost budget in server replica-seconds: when set, the plan with the least time above saturation within
   * it is chosen (for example the budget of the plan in use, to find a safer one at no extra cost)} Default:
   * none.
   */
  public abstract java.util.OptionalDouble maxReplicaSeconds();

  /** {@return random candidates before refinement} Range: 1..100000. Default: 300. */
  @Value.Default
  public int samples() {
    return 300;
  }

  /** {@return the sampling seed} Default: 1. */
  @Value.Default
  public long seed() {
    return 1;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return ImmutablePlanner.builder();
  }

  /** Builds {@link Planner}; setters may be called again (the last value wins). */
  public abstract static class Builder {
    Builder() {}

    /**
     * Copies every value of {@code instance}: scalar and present optional values replace this builder's, list elements
     * and map entries are added to its own.
     *
     * @param instance the Planner whose values are copied
     * @return this builder
     */
    public abstract Builder from(Planner instance);

    /**
     * Sets {@link Planner#template()}.
     *
     * @param template the plan to tune: names, namespace, Server (a Model/Server HPA pair) or none (native server
     *     scaling), metric name
     * @return this builder
     */
    public abstract Builder template(ScalingPlan template);

    /**
     * Adds one element to {@link Planner#traces()}.
     *
     * @param element the element to append; the list is the loads, one model each
     * @return this builder
     */
    public abstract Builder addTrace(RpsTrace element);

    /**
     * Adds elements to {@link Planner#traces()}.
     *
     * @param elements the elements to append, in order; the list is the loads, one model each
     * @return this builder
     */
    public abstract Builder addTraces(RpsTrace... elements);

    /**
     * Replaces {@link Planner#traces()}.
     *
     * @param elements the new elements, in iteration order (empty clears the list); the list is the loads, one model
     *     each
     * @return this builder
     */
    public abstract Builder traces(Iterable<? extends RpsTrace> elements);

    /**
     * Adds elements to {@link Planner#traces()}.
     *
     * @param elements the elements to append, in iteration order; the list is the loads, one model each
     * @return this builder
     */
    public abstract Builder addAllTraces(Iterable<? extends RpsTrace> elements);

    /**
     * Sets {@link Planner#saturationRps()}.
     *
     * @param saturationRps the per-replica RPS at which latency breaks ({@link LatencySlo} turns an SLO into one).
     *     Range: &gt; 0
     * @return this builder
     */
    public abstract Builder saturationRps(double saturationRps);

    /**
     * Sets {@link Planner#cluster()}.
     *
     * @param cluster the cluster. Default: room for 100,000 server pods
     * @return this builder
     */
    public abstract Builder cluster(Cluster cluster);

    /**
     * Sets {@link Planner#serverStartup()}.
     *
     * @param serverStartup Server pod start-up. Default: fixed 60 s
     * @return this builder
     */
    public abstract Builder serverStartup(StartupDelay serverStartup);

    /**
     * Sets {@link Planner#serverHpaOffset()}.
     *
     * @param serverHpaOffset when the Server HPA syncs after the Model HPA. Default: 0
     * @return this builder
     */
    public abstract Builder serverHpaOffset(Duration serverHpaOffset);

    /**
     * Sets {@link Planner#tick()}.
     *
     * @param tick the replay step. Range: divides the 15 s sync period. Default: 5 s
     * @return this builder
     */
    public abstract Builder tick(Duration tick);

    /**
     * Sets {@link Planner#maxSecondsAboveSaturation()}.
     *
     * @param maxSecondsAboveSaturation the time above saturation a plan may have, summed over the models. Default: 0
     * @return this builder
     */
    public abstract Builder maxSecondsAboveSaturation(double maxSecondsAboveSaturation);

    /**
     * Sets {@link Planner#maxReplicaSeconds()}.
     *
     * @param maxReplicaSeconds a cost budget in server replica-seconds: when set, the plan with the least time above
     *     saturation within it is chosen (for example the budget of the plan in use, to find a safer one at no extra
     *     cost). Default: none
     * @return this builder
     */
    public abstract Builder maxReplicaSeconds(double maxReplicaSeconds);

    /**
     * Sets or clears {@link Planner#maxReplicaSeconds()}.
     *
     * @param maxReplicaSeconds the value, or empty to clear it; a cost budget in server replica-seconds: when set, the
     *     plan with the least time above saturation within it is chosen (for example the budget of the plan in use, to
     *     find a safer one at no extra cost). Default: none
     * @return this builder
     */
    public abstract Builder maxReplicaSeconds(OptionalDouble maxReplicaSeconds);

    /**
     * Sets {@link Planner#samples()}.
     *
     * @param samples random candidates before refinement. Range: 1..100000. Default: 300
     * @return this builder
     */
    public abstract Builder samples(int samples);

    /**
     * Sets {@link Planner#seed()}.
     *
     * @param seed the sampling seed. Default: 1
     * @return this builder
     */
    public abstract Builder seed(long seed);

    /**
     * Builds the {@link Planner}, checking every rule of its fields.
     *
     * @return the Planner
     * @throws io.github.seldonhpa.HpaValidationException when a required value is missing or a value breaks a rule; the
     *     message names the field
     */
    public abstract Planner build();

}

  @Value.Check
  final void check() {
    Checks.check(!traces().isEmpty(), "traces must not be empty (was [])");
    Checks.check(saturationRps() > 0 && Double.isFinite(saturationRps()), "saturationRps must be > 0 (was %s)",
        saturationRps());
    Checks.check(maxSecondsAboveSaturation() >= 0, "maxSecondsAboveSaturation must be >= 0 (was %s)",
        maxSecondsAboveSaturation());
    Checks.check(tick().toMillis() > 0 && HpaController.DEFAULT_SYNC_PERIOD.toMillis() % tick().toMillis() == 0,
        "tick must divide the 15 s sync period (was %s)", tick());
    Checks.check(samples() >= 1 && samples() <= 100_000, "samples must be in 1..100000 (was %d)", samples());
    Checks.check(template().metrics().size() == 1 && template().metrics().get(0) instanceof ObjectMetric,
        "template.metrics must hold the one Object metric to tune (was %s)", template().metrics());
  }

  /** The peak of every trace, sampled at the tick. */
  final double peakRps() {
    double peak = 0;
    long step = tick().toMillis();
    for (RpsTrace t : traces()) {
      for (long ms = 0; ms <= t.length().toMillis(); ms += step) {
        peak = Math.max(peak, t.rps(ms / 1000.0));
      }
    }
    return peak;
  }

  /**
   * Replays a plan (for example the one in use) the way the search replays its candidates; a plan whose
   * minReplicas do not fit the cluster counts as never converging, at infinite cost and risk.
   *
   * @param plan the plan to replay, on the planner's trace and cluster
   * @return the plan's cost and risk
   */
  public PlanCandidate evaluate(ScalingPlan plan) {
    if ((long) Math.max(1, plan.minReplicas()) * traces().size() > cluster().initialCapacity()) {
      // the minReplicas of every model do not fit: no model can run as planned
      double inf = Double.POSITIVE_INFINITY;
      return new PlanCandidate(plan, inf, inf, inf, traces().size(), false);
    }
    FleetResult r = fleet(plan).run();
    double cost = r.serverReplicaSeconds();
    double risk = r.secondsAboveSaturation();
    boolean feasible = r.neverConverged().isEmpty() && (maxReplicaSeconds().isPresent()
        ? cost <= maxReplicaSeconds().getAsDouble() : risk <= maxSecondsAboveSaturation());
    return new PlanCandidate(plan, cost, risk, r.scheduleFailedSeconds(), r.neverConverged().size(), feasible);
  }

  /**
   * Searches, as the class describes.
   *
   * @return the candidates, the cost-risk front and the chosen plan
   */
  public PlanSearch search() {
    double peak = peakRps();
    Map<Long, PlanCandidate> seen = new HashMap<>();
    SplittableRandom random = new SplittableRandom(seed());
    List<int[]> batch = new ArrayList<>();
    for (int i = 0; i < samples(); i++) {
      int[] g = new int[SIZES.length];
      for (int d = 0; d < g.length; d++) {
        g[d] = random.nextInt(SIZES[d]);
      }
      batch.add(g);
    }
    evaluateAll(batch, peak, seen);
    PlanCandidate best = best(seen.values(), this).orElseThrow();
    int[] at = genomeOf(best, seen);
    for (int round = 0; round < 50; round++) {
      List<int[]> neighbours = new ArrayList<>();
      for (int d = 0; d < at.length; d++) {
        for (int step : new int[] {-1, 1}) {
          int v = at[d] + step;
          if (v >= 0 && v < SIZES[d]) {
            int[] n = at.clone();
            n[d] = v;
            neighbours.add(n);
          }
        }
      }
      evaluateAll(neighbours, peak, seen);
      PlanCandidate next = best(seen.values(), this).orElseThrow();
      if (next == best) {
        break;
      }
      best = next;
      at = genomeOf(best, seen);
    }
    return new PlanSearch(this, new ArrayList<>(seen.values()));
  }

  private static int[] genomeOf(PlanCandidate c, Map<Long, PlanCandidate> seen) {
    for (Map.Entry<Long, PlanCandidate> e : seen.entrySet()) {
      if (e.getValue() == c) {
        return decode(e.getKey());
      }
    }
    throw new IllegalStateException("candidate not in the table");
  }

  /**
   * The best candidate: feasible and cheapest (with a cost budget: feasible and least risky), else the one
   * nearest to feasible.
   */
  static Optional<PlanCandidate> best(Iterable<PlanCandidate> all, Planner planner) {
    PlanCandidate best = null;
    for (PlanCandidate c : all) {
      if (best == null || better(c, best, planner.maxReplicaSeconds().isPresent())) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean better(PlanCandidate a, PlanCandidate b, boolean budget) {
    if (a.feasible() != b.feasible()) {
      return a.feasible();
    }
    if (budget) {
      if (a.neverConverged() != b.neverConverged()) {
        return a.neverConverged() < b.neverConverged();
      }
      if (a.feasible() && a.secondsAboveSaturation() != b.secondsAboveSaturation()) {
        return a.secondsAboveSaturation() < b.secondsAboveSaturation();
      }
    } else if (!a.feasible()) {
      if (a.neverConverged() != b.neverConverged()) {
        return a.neverConverged() < b.neverConverged();
      }
      if (a.secondsAboveSaturation() != b.secondsAboveSaturation()) {
        return a.secondsAboveSaturation() < b.secondsAboveSaturation();
      }
    }
    if (a.replicaSeconds() != b.replicaSeconds()) {
      return a.replicaSeconds() < b.replicaSeconds();
    }
    if (a.secondsAboveSaturation() != b.secondsAboveSaturation()) {
      return a.secondsAboveSaturation() < b.secondsAboveSaturation();
    }
    // a total order, so that the result does not depend on the evaluation order
    return a.plan().toString().compareTo(b.plan().toString()) < 0;
  }

  private void evaluateAll(List<int[]> genomes, double peak, Map<Long, PlanCandidate> seen) {
    List<int[]> fresh = new ArrayList<>();
    for (int[] g : genomes) {
      long key = encode(g);
      if (!seen.containsKey(key) && fresh.stream().noneMatch(f -> encode(f) == key)) {
        fresh.add(g);
      }
    }
    PlanCandidate[] out = new PlanCandidate[fresh.size()];
    IntStream.range(0, fresh.size()).parallel().forEach(i -> out[i] = evaluate(planOf(fresh.get(i), peak)));
    for (int i = 0; i < out.length; i++) {
      seen.put(encode(fresh.get(i)), out[i]);
    }
  }

  private static long encode(int[] g) {
    long key = 0;
    for (int d = 0; d < g.length; d++) {
      key = key * 16 + g[d];
    }
    return key;
  }

  private static int[] decode(long key) {
    int[] g = new int[SIZES.length];
    for (int d = g.length - 1; d >= 0; d--) {
      g[d] = (int) (key % 16);
      key /= 16;
    }
    return g;
  }

  /** The plan of a grid point. */
  ScalingPlan planOf(int[] g, double peak) {
    Quantity target = Sizing.targetFromSaturation(saturationRps(), MARGINS[g[0]]);
    int min = MIN_REPLICAS[g[1]];
    int max = Math.max(min, Sizing.maxReplicas(peak, target) + EXTRA_MAX[g[2]]);
    Optional<Quantity> tolerance;
    switch (g[3]) {
      case 1:
        tolerance = Optional.of(Quantity.parse("0.05"));
        break;
      case 2:
        tolerance = Optional.of(PairDivergence.of(min, max, 1, 0.1, 0.1, min, max, 1, 0.1, 0.1).suggestedTolerance());
        break;
      default:
        tolerance = Optional.empty();
    }
    ScalingRules.Builder up = ScalingRules.builder()
        .stabilizationWindow(Duration.ofSeconds(SCALE_UP_WINDOWS[g[6]]));
    if (SCALE_UP_PODS[g[4]] > 0) {
      up.addPolicy(ScalingPolicy.pods(SCALE_UP_PODS[g[4]], Duration.ofSeconds(SCALE_UP_PERIODS[g[5]])));
    }
    tolerance.ifPresent(up::tolerance);
    ScalingRules.Builder down = ScalingRules.builder()
        .stabilizationWindow(Duration.ofSeconds(SCALE_DOWN_WINDOWS[g[7]]));
    tolerance.ifPresent(down::tolerance);
    ScalingPlan t = template();
    ObjectMetric metric = (ObjectMetric) t.metrics().get(0);
    ScalingPlan.Builder b = SeldonHpa.scalingPlan(t.modelName()).namespace(t.namespace())
        .addMetric(metric.selector().isPresent()
            ? SeldonHpa.objectMetric(metric.metricName(), metric.selector().get(), SeldonHpa.averageValue(target))
            : SeldonHpa.objectMetric(metric.metricName(), SeldonHpa.averageValue(target)))
        .replicas(min, max).scaleUp(up.build()).scaleDown(down.build());
    t.serverName().ifPresent(b::serverName);
    return b.build();
  }

  /** The fleet that replays {@code plan}: every trace as a Model/Server pair on the cluster. */
  Fleet fleet(ScalingPlan plan) {
    Fleet.Builder f = Fleet.builder().cluster(cluster()).tick(tick()).threads(1);
    for (int i = 0; i < traces().size(); i++) {
      String suffix = traces().size() == 1 ? "" : "-" + i;
      FleetModel m = FleetModel.builder().name(plan.modelName() + suffix).trace(traces().get(i))
          .hpa(plan.modelHpa()).saturationRps(saturationRps()).build();
      FleetServer.Builder s = FleetServer.builder().name(plan.serverName().orElse(plan.modelName() + "-server") + suffix)
          .addModels(m).startup(serverStartup());
      plan.serverHpa().ifPresent(h -> s.hpa(h).hpaOffset(serverHpaOffset()));
      f.addServers(s.build());
    }
    return f.build();
  }
}
