package io.github.seldonhpa.scaling;

import io.github.seldonhpa.ExternalMetric;
import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Metric;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectMetric;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScalingPolicy;
import io.github.seldonhpa.ScalingRules;
import io.github.seldonhpa.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HorizontalPodAutoscaler as the kube-controller-manager runs it: its spec (bounds, behavior,
 * tolerances), the controller flags, and the in-memory state the controller keeps per HPA (unstabilized
 * recommendations and, with a behavior, scale events). {@link #step} is one reconcile
 * ({@code reconcileAutoscaler}): combine the metric proposals, normalise with the legacy rules (no
 * behavior) or the behavior rules, and rescale. Not thread-safe; one instance per HPA.
 *
 * <p>Window boundaries: an entry counts for a window or period iff its age is strictly less than it (the
 * real controller's 15 s plus processing time never lands exactly on a boundary); set
 * {@link Builder#legacyWindowInclusive(boolean)} for the literal Go {@code <=} of the legacy path.
 */
public final class HpaController {
  /** The controller's default sync period ({@code --horizontal-pod-autoscaler-sync-period}): 15 s. */
  public static final Duration DEFAULT_SYNC_PERIOD = Duration.ofSeconds(15);
  /** The default downscale stabilization ({@code --horizontal-pod-autoscaler-downscale-stabilization}): 5 min. */
  public static final Duration DEFAULT_DOWNSCALE_STABILIZATION = Duration.ofMinutes(5);

  static final String SUCCEEDED_GET_SCALE = "SucceededGetScale";
  static final String SUCCEEDED_RESCALE = "SucceededRescale";
  static final String READY_FOR_NEW_SCALE = "ReadyForNewScale";
  static final String SCALE_DOWN_STABILIZED = "ScaleDownStabilized";
  static final String SCALE_UP_STABILIZED = "ScaleUpStabilized";
  static final String VALID_METRIC_FOUND = "ValidMetricFound";
  static final String SCALING_DISABLED = "ScalingDisabled";
  static final String DESIRED_WITHIN_RANGE = "DesiredWithinRange";
  static final String TOO_FEW_REPLICAS = "TooFewReplicas";
  static final String TOO_MANY_REPLICAS = "TooManyReplicas";
  static final String SCALE_UP_LIMIT = "ScaleUpLimit";
  static final String SCALE_DOWN_LIMIT = "ScaleDownLimit";

  private static final int SELECT_MAX = 0;
  private static final int SELECT_MIN = 1;
  private static final int SELECT_DISABLED = 2;

  private final int minReplicas;
  private final int maxReplicas;
  private final boolean behavior;
  private final ScalingRules scaleUpRules;
  private final ScalingRules scaleDownRules;
  private final double downTolerance;
  private final double upTolerance;
  private final long legacyWindowMillis;
  private final boolean legacyInclusive;
  private final double scaleUpLimitFactor;
  private final Duration syncPeriod;
  private final Direction up;
  private final Direction down;
  private final List<Metric> metrics;

  // recommendations: unstabilized proposals with their times, recycled in place like the controller
  private int[] recValue = new int[8];
  private long[] recTime = new long[8];
  private int recCount;
  private boolean seeded;
  private final Events upEvents = new Events();
  private final Events downEvents = new Events();
  // what the last normalisation set: the ScalingLimited reason and status, the AbleToScale reason
  private int reason;
  private boolean limited;
  private String able;

  private HpaController(Builder b) {
    Checks.check(b.maxReplicas >= 1, "maxReplicas must be >= 1 (was %d)", b.maxReplicas);
    Checks.check(b.minReplicas >= 0, "minReplicas must be >= 0 (was %d)", b.minReplicas);
    Checks.check(b.minReplicas <= b.maxReplicas, "minReplicas must be <= maxReplicas %d (was %d)",
        b.maxReplicas, b.minReplicas);
    Checks.check(b.tolerance >= 0, "tolerance must be >= 0 (was %s)", b.tolerance);
    Checks.check(b.scaleUpLimitFactor > 0, "scaleUpLimitFactor must be > 0 (was %s)", b.scaleUpLimitFactor);
    Checks.check(!b.syncPeriod.isNegative() && !b.syncPeriod.isZero(), "syncPeriod must be > 0 (was %s)",
        b.syncPeriod);
    this.minReplicas = b.minReplicas;
    this.maxReplicas = b.maxReplicas;
    this.behavior = b.behavior;
    this.scaleUpRules = BehaviorDefaults.scaleUp(b.scaleUp);
    ScalingRules downDefaulted = BehaviorDefaults.scaleDown(b.scaleDown);
    this.scaleDownRules = downDefaulted.stabilizationWindow().isPresent() ? downDefaulted
        : ScalingRules.builder().stabilizationWindow(b.downscaleStabilization)
            .selectPolicy(downDefaulted.selectPolicy()).addAllPolicies(downDefaulted.policies())
            .tolerance(downDefaulted.tolerance()).build();
    double downTol = b.tolerance;
    double upTol = b.tolerance;
    if (b.behavior && b.configurableTolerance) {
      downTol = b.scaleDown.flatMap(ScalingRules::tolerance).map(q -> q.doubleValue()).orElse(downTol);
      upTol = b.scaleUp.flatMap(ScalingRules::tolerance).map(q -> q.doubleValue()).orElse(upTol);
    }
    this.downTolerance = downTol;
    this.upTolerance = upTol;
    this.legacyWindowMillis = b.downscaleStabilization.toMillis();
    this.legacyInclusive = b.legacyWindowInclusive;
    this.scaleUpLimitFactor = b.scaleUpLimitFactor;
    this.syncPeriod = b.syncPeriod;
    this.up = new Direction(scaleUpRules);
    this.down = new Direction(scaleDownRules);
    this.metrics = b.metrics;
  }

  /** {@return a builder; {@code maxReplicas} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder with the bounds and behavior of {@code hpa} ({@code minReplicas} defaults to 1), to adjust
   * the controller flags}
   *
   * @param hpa the HPA whose {@code spec} the controller runs
   */
  public static Builder builder(Hpa hpa) {
    Builder b = builder().minReplicas(hpa.effectiveMinReplicas()).maxReplicas(hpa.maxReplicas());
    b.metrics = hpa.metrics();
    hpa.behavior().ifPresent(behavior -> {
      b.behavior();
      behavior.scaleUp().ifPresent(b::scaleUp);
      behavior.scaleDown().ifPresent(b::scaleDown);
    });
    return b;
  }

  /**
   * {@return the controller of {@code hpa} with the default flags}
   *
   * @param hpa the HPA whose {@code spec} the controller runs
   */
  public static HpaController of(Hpa hpa) {
    return builder(hpa).build();
  }

  /** {@return {@code spec.minReplicas}} */
  public int minReplicas() {
    return minReplicas;
  }

  /** {@return {@code spec.maxReplicas}} */
  public int maxReplicas() {
    return maxReplicas;
  }

  /** {@return whether {@code spec.behavior} is set (the behavior path); otherwise the legacy rules apply} */
  public boolean hasBehavior() {
    return behavior;
  }

  /** {@return the scale-up rules after API defaulting} */
  public ScalingRules scaleUpRules() {
    return scaleUpRules;
  }

  /** {@return the scale-down rules after API defaulting, with the stabilization window the controller uses} */
  public ScalingRules scaleDownRules() {
    return scaleDownRules;
  }

  /** {@return the effective scale-down tolerance} */
  public double downTolerance() {
    return downTolerance;
  }

  /** {@return the effective scale-up tolerance} */
  public double upTolerance() {
    return upTolerance;
  }

  /** {@return the sync period: the HPA is reconciled about once per period, on its own timer} */
  public Duration syncPeriod() {
    return syncPeriod;
  }

  /**
   * {@return one reconcile with {@code scale.status.replicas} equal to {@code scale.spec.replicas} and one metric}
   *
   * @param now the time of the reconcile; the stabilization windows and rate limits look back from it
   * @param currentReplicas {@code scale.spec.replicas} before the reconcile, at least 0
   * @param metric the one metric as the metrics API returned it
   */
  public ScaleDecision step(Instant now, int currentReplicas, MetricReading metric) {
    return reconcile(now.toEpochMilli(), currentReplicas, currentReplicas, Objects.requireNonNull(metric, "metric"),
        null);
  }

  /**
   * {@return one reconcile of the HPA this controller was built from ({@link #of(Hpa)}, {@link #builder(Hpa)}), with
   * {@code scale.status.replicas} equal to {@code scale.spec.replicas}: {@code values} are what the metrics
   * API returned, one per {@code spec.metrics} entry in order, and the targets are the HPA's own} Serves
   * Object and External metrics with AverageValue targets (every metric of a Seldon Model HPA); the others
   * need pod counts or samples, given with {@link #step(Instant, int, int, List)}.
   *
   * <pre>{@code
   * HpaController controller = HpaController.of(plan.modelHpa());   // infer_rps, AverageValue 3
   * controller.step(now, 1, Quantity.parse("9150m")).desiredReplicas(); // 4
   * }</pre>
   *
   * @param now the time of the reconcile; the stabilization windows and rate limits look back from it
   * @param currentReplicas {@code scale.spec.replicas} before the reconcile, at least 0
   * @param values one value per {@code spec.metrics} entry, in order, as the metrics API returned it
   * @throws HpaValidationException when the controller has no HPA metrics, the count of values differs
   *     from the count of metrics, or a metric is not an Object or External AverageValue metric
   */
  public ScaleDecision step(Instant now, int currentReplicas, Quantity... values) {
    if (metrics.isEmpty()) {
      throw new HpaValidationException("metrics must not be empty: build the controller with HpaController.of(hpa)"
          + " to step with metric values (was [])");
    }
    if (values.length != metrics.size()) {
      throw new HpaValidationException(String.format(
          "values must hold one value per spec.metrics entry (was %d values for %d metrics)",
          values.length, metrics.size()));
    }
    MetricReading[] readings = new MetricReading[values.length];
    for (int i = 0; i < values.length; i++) {
      Metric m = metrics.get(i);
      MetricTarget target = m.target();
      boolean objectOrExternal = m instanceof ObjectMetric || m instanceof ExternalMetric;
      if (!objectOrExternal || target.type() != MetricTarget.Type.AVERAGE_VALUE) {
        throw new HpaValidationException(String.format("metrics[%d] must be an Object or External metric with an"
            + " AverageValue target to step with a value; give a MetricReading with pod counts or samples"
            + " (was %s %s)", i, m.type().yamlName(), target.type().yamlName()));
      }
      long usage = Objects.requireNonNull(values[i], "values[" + i + "]").milliValue();
      long goal = target.averageValue().orElseThrow().milliValue();
      readings[i] = m instanceof ObjectMetric ? MetricReading.objectAverageValue(usage, goal)
          : MetricReading.externalAverageValue(new long[] {usage}, goal);
    }
    return readings.length == 1 ? step(now, currentReplicas, readings[0])
        : step(now, currentReplicas, currentReplicas, Arrays.asList(readings));
  }

  /**
   * {@return one reconcile ({@code reconcileAutoscaler})}
   *
   * @param now the reconcile time; must not go backwards
   * @param specReplicas {@code scale.spec.replicas}
   * @param statusReplicas {@code scale.status.replicas} (AverageValue targets divide by it)
   * @param metrics one reading per {@code spec.metrics} entry, in order
   */
  public ScaleDecision step(Instant now, int specReplicas, int statusReplicas, List<? extends MetricReading> metrics) {
    if (metrics.isEmpty()) {
      throw new HpaValidationException("metrics must not be empty (was [])");
    }
    return reconcile(now.toEpochMilli(), specReplicas, statusReplicas, null, metrics);
  }

  /** One reconcile of either a single metric or a list of them. */
  private ScaleDecision reconcile(long t, int specReplicas, int statusReplicas, MetricReading single,
      List<? extends MetricReading> metrics) {
    if (specReplicas < 0) {
      throw new HpaValidationException("specReplicas must be >= 0 (was " + specReplicas + ")");
    }
    if (!seeded) {
      // the first sight of the HPA since controller start seeds the history: no scale-down right away
      addRecommendation(specReplicas, t);
      seeded = true;
    }
    if (specReplicas == 0 && minReplicas != 0) {
      return new ScaleDecision(0, 0, false, null, SUCCEEDED_GET_SCALE, SCALING_DISABLED, false, null, false);
    }
    if (specReplicas > maxReplicas || specReplicas < minReplicas) {
      int desired = specReplicas > maxReplicas ? maxReplicas : minReplicas;
      recordScaleEvent(specReplicas, desired, t);
      return new ScaleDecision(specReplicas, desired, true, null, SUCCEEDED_RESCALE, null, false, null, false);
    }
    if (single instanceof AverageValueReading) {
      // the Seldon case, on every sync of every Model and Server HPA: no proposal object needed
      AverageValueReading r = (AverageValueReading) single;
      return normalize(t, specReplicas, ReplicaCalculator.averageValueReplicas(r.usageMilli, r.targetMilli,
          statusReplicas, downTolerance, upTolerance), null);
    }
    if (single != null) {
      MetricProposal p = single.propose(specReplicas, statusReplicas, downTolerance, upTolerance);
      if (!p.valid()) {
        return new ScaleDecision(specReplicas, specReplicas, false, p.error().orElseThrow(), SUCCEEDED_GET_SCALE,
            p.reason().orElseThrow(), false, null, false);
      }
      return normalize(t, specReplicas, p.replicas(), null);
    }
    int proposal = 0;
    int invalid = 0;
    MetricProposal firstInvalid = null;
    for (MetricReading m : metrics) {
      MetricProposal p = m.propose(specReplicas, statusReplicas, downTolerance, upTolerance);
      if (!p.valid()) {
        if (invalid++ == 0) {
          firstInvalid = p;
        }
      } else if (proposal == 0 || p.replicas() > proposal) {
        proposal = p.replicas();
      }
    }
    String error = firstInvalid == null ? null : firstInvalid.error().orElseThrow();
    if (invalid >= metrics.size() || (invalid > 0 && proposal < specReplicas)) {
      return new ScaleDecision(specReplicas, specReplicas, false, error, SUCCEEDED_GET_SCALE,
          firstInvalid.reason().orElseThrow(), false, null, false);
    }
    return normalize(t, specReplicas, proposal, error);
  }

  private ScaleDecision normalize(long t, int current, int proposal, String error) {
    int desired = normalizeAndRescale(t, current, proposal);
    return new ScaleDecision(current, desired, desired != current, error, able, VALID_METRIC_FOUND, true,
        reasonName(reason), limited);
  }

  /**
   * The allocation-free reconcile of an HPA with one Object or External AverageValue metric (the Seldon
   * case) for the simulator: the same path as {@link #step}, returning the new replica count.
   */
  int stepAverageValue(long t, int specReplicas, long usageMilli, long targetAverageMilli) {
    if (!seeded) {
      addRecommendation(specReplicas, t);
      seeded = true;
    }
    if (specReplicas == 0 && minReplicas != 0) {
      return 0;
    }
    if (specReplicas > maxReplicas || specReplicas < minReplicas) {
      int desired = specReplicas > maxReplicas ? maxReplicas : minReplicas;
      recordScaleEvent(specReplicas, desired, t);
      return desired;
    }
    return normalizeAndRescale(t, specReplicas, ReplicaCalculator.averageValueReplicas(usageMilli,
        targetAverageMilli, specReplicas, downTolerance, upTolerance));
  }

  private int normalizeAndRescale(long t, int current, int proposal) {
    int stabilized;
    if (behavior) {
      stabilized = stabilizeWithBehaviors(proposal, current, t);
      able = stabilized == proposal ? READY_FOR_NEW_SCALE
          : proposal >= current ? SCALE_UP_STABILIZED : SCALE_DOWN_STABILIZED;
    } else {
      stabilized = stabilizeLegacy(proposal, t);
      able = stabilized == proposal ? READY_FOR_NEW_SCALE : SCALE_DOWN_STABILIZED;
    }
    int desired = behavior ? convertWithBehaviorRate(current, stabilized, t) : convertLegacy(current, stabilized);
    limited = desired != stabilized;
    if (desired != current) {
      recordScaleEvent(current, desired, t);
      able = SUCCEEDED_RESCALE;
    }
    return desired;
  }

  // ---- stabilization ----

  void addRecommendation(int value, long timeMillis) {
    if (recCount == recValue.length) {
      recValue = Arrays.copyOf(recValue, recCount * 2);
      recTime = Arrays.copyOf(recTime, recCount * 2);
    }
    recValue[recCount] = value;
    recTime[recCount] = timeMillis;
    recCount++;
    seeded = true;
  }

  /** An existing (possibly empty) history: the next step does not seed it. */
  void markSeeded() {
    seeded = true;
  }

  int[] recommendations() {
    return Arrays.copyOf(recValue, recCount);
  }

  /** Legacy: the highest proposal within the downscale window; the last stale entry is recycled. */
  int stabilizeLegacy(int proposal, long t) {
    long cutoff = t - legacyWindowMillis;
    int max = proposal;
    int old = -1;
    for (int i = 0; i < recCount; i++) {
      long ts = recTime[i];
      boolean stale = legacyInclusive ? ts < cutoff : ts <= cutoff;
      if (stale) {
        old = i;
      } else if (recValue[i] > max) {
        max = recValue[i];
      }
    }
    store(old, proposal, t);
    return max;
  }

  /** Behavior: clamp current into [min of the up window, max of the down window]. */
  int stabilizeWithBehaviors(int proposal, int current, long t) {
    long upCutoff = t - up.windowMillis;
    long downCutoff = t - down.windowMillis;
    int upRec = proposal;
    int downRec = proposal;
    int old = -1;
    for (int i = 0; i < recCount; i++) {
      long ts = recTime[i];
      int v = recValue[i];
      if (ts > upCutoff && v < upRec) {
        upRec = v;
      }
      if (ts > downCutoff && v > downRec) {
        downRec = v;
      }
      if (ts < upCutoff && ts < downCutoff) {
        old = i;
      }
    }
    store(old, proposal, t);
    int r = current;
    if (r < upRec) {
      r = upRec;
    }
    if (r > downRec) {
      r = downRec;
    }
    return r;
  }

  private void store(int old, int proposal, long t) {
    if (old >= 0) {
      recValue[old] = proposal;
      recTime[old] = t;
    } else {
      addRecommendation(proposal, t);
    }
  }

  // ---- rate limits ----

  private static final int R_WITHIN = 0;
  private static final int R_TOO_FEW = 1;
  private static final int R_TOO_MANY = 2;
  private static final int R_UP_LIMIT = 3;
  private static final int R_DOWN_LIMIT = 4;

  private static String reasonName(int r) {
    switch (r) {
      case R_TOO_FEW: return TOO_FEW_REPLICAS;
      case R_TOO_MANY: return TOO_MANY_REPLICAS;
      case R_UP_LIMIT: return SCALE_UP_LIMIT;
      case R_DOWN_LIMIT: return SCALE_DOWN_LIMIT;
      default: return DESIRED_WITHIN_RANGE;
    }
  }

  /** The ScalingLimited reason of the last conversion. */
  String lastReason() {
    return reasonName(reason);
  }

  /** Legacy clamp: [minReplicas, min(maxReplicas, max(factor * current, 4))]. */
  int convertLegacy(int current, int desired) {
    int scaleUpLimit = (int) Math.max(scaleUpLimitFactor * current, 4.0);
    int maxAllowed;
    int limiting;
    if (maxReplicas > scaleUpLimit) {
      maxAllowed = scaleUpLimit;
      limiting = R_UP_LIMIT;
    } else {
      maxAllowed = maxReplicas;
      limiting = R_TOO_MANY;
    }
    if (desired < minReplicas) {
      reason = R_TOO_FEW;
      return minReplicas;
    }
    if (desired > maxAllowed) {
      reason = limiting;
      return maxAllowed;
    }
    reason = R_WITHIN;
    return desired;
  }

  int convertWithBehaviorRate(int current, int desired, long t) {
    if (desired > current) {
      int limit = scaleUpLimit(current, t);
      if (limit < current) {
        limit = current;
      }
      int maxAllowed;
      int limiting;
      if (maxReplicas > limit) {
        maxAllowed = limit;
        limiting = R_UP_LIMIT;
      } else {
        maxAllowed = maxReplicas;
        limiting = R_TOO_MANY;
      }
      if (maxAllowed < desired) {
        reason = limiting;
        return maxAllowed;
      }
    } else if (desired < current) {
      int limit = scaleDownLimit(current, t);
      if (limit > current) {
        limit = current;
      }
      int minAllowed;
      int limiting;
      if (minReplicas < limit) {
        minAllowed = limit;
        limiting = R_DOWN_LIMIT;
      } else {
        minAllowed = minReplicas;
        limiting = R_TOO_FEW;
      }
      if (minAllowed > desired) {
        reason = limiting;
        return minAllowed;
      }
    }
    reason = R_WITHIN;
    return desired;
  }

  /** The raw scale-up limit of the policies (before the never-below-current clamp). */
  int scaleUpLimit(int current, long t) {
    if (up.select == SELECT_DISABLED) {
      return current;
    }
    boolean min = up.select == SELECT_MIN;
    int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (int i = 0; i < up.size; i++) {
      int start = current - upEvents.changeWithin(up.periodMillis[i], t)
          + downEvents.changeWithin(up.periodMillis[i], t);
      int proposed = up.pods[i] ? start + up.value[i]
          : (int) Math.ceil((double) start * (1 + (double) up.value[i] / 100));
      result = min ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  /** The raw scale-down limit of the policies (before the never-above-current clamp). */
  int scaleDownLimit(int current, long t) {
    if (down.select == SELECT_DISABLED) {
      return current;
    }
    boolean min = down.select == SELECT_MIN;
    int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (int i = 0; i < down.size; i++) {
      int start = current - upEvents.changeWithin(down.periodMillis[i], t)
          + downEvents.changeWithin(down.periodMillis[i], t);
      int proposed = down.pods[i] ? start - down.value[i]
          : (int) ((double) start * (1 - (double) down.value[i] / 100));
      result = min ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  // ---- scale events ----

  /** Records a rescale (only with a behavior): outdated entries of that direction are recycled. */
  void recordScaleEvent(int from, int to, long t) {
    if (!behavior || from == to) {
      return;
    }
    if (to > from) {
      upEvents.store(to - from, t, up.longestPeriodMillis);
    } else {
      downEvents.store(from - to, t, down.longestPeriodMillis);
    }
  }

  void addScaleEvent(boolean scaleUp, int change, long t) {
    (scaleUp ? upEvents : downEvents).append(change, t, false);
  }

  Events events(boolean scaleUp) {
    return scaleUp ? upEvents : downEvents;
  }

  /**
   * Takes over what {@code other} remembers between reconciles (recommendations, scale events, the last
   * reasons), so that a simulation can keep a controller's memory aside in a twin and take it back; both
   * must have been built from the same settings.
   */
  void copyMemoryFrom(HpaController other) {
    if (recValue.length < other.recCount) {
      recValue = new int[other.recValue.length];
      recTime = new long[other.recValue.length];
    }
    System.arraycopy(other.recValue, 0, recValue, 0, other.recCount);
    System.arraycopy(other.recTime, 0, recTime, 0, other.recCount);
    recCount = other.recCount;
    seeded = other.seeded;
    upEvents.copyFrom(other.upEvents);
    downEvents.copyFrom(other.downEvents);
    reason = other.reason;
    limited = other.limited;
    able = other.able;
  }

  /** The policies of one direction, unpacked for the hot loop. */
  private static final class Direction {
    final int select;
    final long windowMillis;
    final int size;
    final boolean[] pods;
    final int[] value;
    final long[] periodMillis;
    final long longestPeriodMillis;

    Direction(ScalingRules rules) {
      ScalingRules.SelectPolicy s = rules.selectPolicy().orElse(ScalingRules.SelectPolicy.MAX);
      select = s == ScalingRules.SelectPolicy.MIN ? SELECT_MIN
          : s == ScalingRules.SelectPolicy.DISABLED ? SELECT_DISABLED : SELECT_MAX;
      windowMillis = rules.stabilizationWindow().orElse(Duration.ZERO).toMillis();
      List<ScalingPolicy> policies = rules.policies();
      size = policies.size();
      pods = new boolean[size];
      value = new int[size];
      periodMillis = new long[size];
      long longest = 0;
      for (int i = 0; i < size; i++) {
        ScalingPolicy p = policies.get(i);
        pods[i] = p.type() == ScalingPolicy.Type.PODS;
        value[i] = p.value();
        periodMillis[i] = p.period().toMillis();
        longest = Math.max(longest, periodMillis[i]);
      }
      longestPeriodMillis = longest;
    }
  }

  /** One direction's scale events: {change, time, outdated}, recycled like the controller's list. */
  static final class Events {
    int[] change = new int[8];
    long[] time = new long[8];
    boolean[] outdated = new boolean[8];
    int count;

    int changeWithin(long periodMillis, long t) {
      long cutoff = t - periodMillis;
      int sum = 0;
      for (int i = 0; i < count; i++) {
        if (time[i] > cutoff) {
          sum += change[i];
        }
      }
      return sum;
    }

    void store(int delta, long t, long longestPeriodMillis) {
      long cutoff = t - longestPeriodMillis;
      int old = -1;
      for (int i = 0; i < count; i++) {
        if (time[i] < cutoff) {
          outdated[i] = true;
        }
        if (outdated[i]) {
          old = i;
        }
      }
      if (old >= 0) {
        change[old] = delta;
        time[old] = t;
        outdated[old] = false;
      } else {
        append(delta, t, false);
      }
    }

    void copyFrom(Events o) {
      if (change.length < o.count) {
        change = new int[o.change.length];
        time = new long[o.change.length];
        outdated = new boolean[o.change.length];
      }
      System.arraycopy(o.change, 0, change, 0, o.count);
      System.arraycopy(o.time, 0, time, 0, o.count);
      System.arraycopy(o.outdated, 0, outdated, 0, o.count);
      count = o.count;
    }

    void append(int delta, long t, boolean isOutdated) {
      if (count == change.length) {
        change = Arrays.copyOf(change, count * 2);
        time = Arrays.copyOf(time, count * 2);
        outdated = Arrays.copyOf(outdated, count * 2);
      }
      change[count] = delta;
      time[count] = t;
      outdated[count] = isOutdated;
      count++;
    }
  }

  /** Builds an {@link HpaController}. */
  public static final class Builder {
    private int minReplicas = 1;
    private int maxReplicas = -1;
    private boolean behavior;
    private Optional<ScalingRules> scaleUp = Optional.empty();
    private Optional<ScalingRules> scaleDown = Optional.empty();
    private double tolerance = ReplicaCalculator.DEFAULT_TOLERANCE;
    private boolean configurableTolerance = true;
    private Duration downscaleStabilization = DEFAULT_DOWNSCALE_STABILIZATION;
    private double scaleUpLimitFactor = 2.0;
    private Duration syncPeriod = DEFAULT_SYNC_PERIOD;
    private boolean legacyWindowInclusive;
    private List<Metric> metrics = List.of();

    private Builder() {}

    /**
     * Sets {@code spec.minReplicas}. Range: 0..maxReplicas (0 needs an Object or External metric). Default: 1.
     *
     * @param minReplicas the lower bound, 0 to {@code maxReplicas}
     * @return this builder
     */
    public Builder minReplicas(int minReplicas) {
      this.minReplicas = minReplicas;
      return this;
    }

    /**
     * Sets {@code spec.maxReplicas}. Range: &gt;= 1. Required.
     *
     * @param maxReplicas the upper bound, at least 1
     * @return this builder
     */
    public Builder maxReplicas(int maxReplicas) {
      this.maxReplicas = maxReplicas;
      return this;
    }

    /**
     * Sets {@code spec.behavior} (possibly {@code behavior: {}}): switches to the behavior path.
     *
     * @return this builder
     */
    public Builder behavior() {
      this.behavior = true;
      return this;
    }

    /**
     * Sets {@code spec.behavior.scaleUp}; implies {@link #behavior()}.
     *
     * @param rules the scale-up rules before API defaulting
     * @return this builder
     */
    public Builder scaleUp(ScalingRules rules) {
      this.scaleUp = Optional.of(Objects.requireNonNull(rules, "scaleUp"));
      this.behavior = true;
      return this;
    }

    /**
     * Sets {@code spec.behavior.scaleDown}; implies {@link #behavior()}.
     *
     * @param rules the scale-down rules before API defaulting
     * @return this builder
     */
    public Builder scaleDown(ScalingRules rules) {
      this.scaleDown = Optional.of(Objects.requireNonNull(rules, "scaleDown"));
      this.behavior = true;
      return this;
    }

    /**
     * Sets {@code --horizontal-pod-autoscaler-tolerance}. Range: &gt;= 0. Default: 0.1.
     *
     * @param tolerance the ratio distance from 1 within which no rescale happens, at least 0
     * @return this builder
     */
    public Builder tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Sets feature gate {@code HPAConfigurableTolerance}: whether {@code behavior.*.tolerance} is honoured.
     * Default: true (beta, on by default in current releases; alpha and off in 1.33).
     *
     * @param enabled true to honour {@code behavior.*.tolerance}, false to use the flag for both directions
     * @return this builder
     */
    public Builder configurableTolerance(boolean enabled) {
      this.configurableTolerance = enabled;
      return this;
    }

    /**
     * Sets {@code --horizontal-pod-autoscaler-downscale-stabilization}: the legacy window and the default
     * scale-down stabilization window. Default: 5 min.
     *
     * @param window the window, such as the flag's 5 min
     * @return this builder
     */
    public Builder downscaleStabilization(Duration window) {
      this.downscaleStabilization = Objects.requireNonNull(window, "downscaleStabilization");
      return this;
    }

    /**
     * Sets the legacy scale-up factor ({@code max(factor * current, 4)}). Default: 2 (the Go unit tests use 8).
     *
     * @param factor the scale-up limit relative to the current replicas, above 0 (the controller uses 2)
     * @return this builder
     */
    public Builder scaleUpLimitFactor(double factor) {
      this.scaleUpLimitFactor = factor;
      return this;
    }

    /**
     * Sets {@code --horizontal-pod-autoscaler-sync-period}. Default: 15 s.
     *
     * @param period the time between reconciles, above 0
     * @return this builder
     */
    public Builder syncPeriod(Duration period) {
      this.syncPeriod = Objects.requireNonNull(period, "syncPeriod");
      return this;
    }

    /**
     * Sets whether the legacy window counts an entry exactly as old as the window (Go's literal {@code <=}).
     * Default: false (strict, which matches the real controller's drifting intervals).
     *
     * @param inclusive true for Go's {@code <=}, false for the strict comparison
     * @return this builder
     */
    public Builder legacyWindowInclusive(boolean inclusive) {
      this.legacyWindowInclusive = inclusive;
      return this;
    }

    /**
     * {@return the controller}
     *
     * @throws io.github.seldonhpa.HpaValidationException for bounds out of range
     */
    public HpaController build() {
      return new HpaController(this);
    }
  }
}
