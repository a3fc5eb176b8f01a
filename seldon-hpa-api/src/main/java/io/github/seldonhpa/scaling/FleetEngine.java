package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.NativeScaling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The loop of {@link Fleet#run()}. Each tick has two phases: the servers (with their models) step in
 * parallel, each touching only its own state (metrics, HPAs or native scaling, pod counts, placement); then
 * one thread binds Pending pods to the cluster's free room (round robin over the servers, from a rotating
 * start, so no server always wins) and runs the cluster autoscaler. Results do not depend on the thread
 * count.
 */
final class FleetEngine {
  private final Fleet fleet;
  private final FleetServer[] servers;
  private final FleetModel[] models;
  private final int[] firstModel;
  private final Fault[][] modelFaults;
  private final Fault[][] podFaults;
  private final long tickMs;
  private final double tickSec;
  private final int steps;
  private final int window;
  private final int needSamples;

  // model state
  private final double[] curRps;
  private final double[] ring;
  private final boolean[] ringPresent;
  private final double[] ringSum;
  private final int[] present;
  private final int[] modelSpec;
  private final int[] serving;
  private final boolean[] failed;
  private final boolean[] hpaActive;
  private final long[] nextModelSync;
  private final HpaController[] modelCtl;
  private final long[] modelTarget;
  private final double[] lagQueue;
  private final long[] lastUsed;
  private final long[] nextStats;
  private final long[] lastChange;
  private final long[] notConvergedSince;
  // model accumulators
  private final double[] above;
  private final double[] streak;
  private final double[] longest;
  private final double[] failedSec;
  private final double[] servingSec;
  private final double[] errorSec;
  private final int[] peakModel;

  // server state
  private final int[] serverSpec;
  private final int[] cap;
  private final int[] ready;
  private final int[] pending;
  private final long[][] startingAt;
  private final int[] starting;
  private final long[] nextReady;
  private final HpaController[] serverCtl;
  private final long[] serverTarget;
  private final long[] nextServerSync;
  private final StartupDelay[] startup;
  private final double[] podSec;
  private final double[] pendingSec;
  private final int[] peakPending;
  private final int[] peakServer;

  private final FleetResult.Recorder rec;

  FleetEngine(Fleet fleet) {
    this.fleet = fleet;
    List<FleetServer> ss = fleet.servers();
    servers = ss.toArray(new FleetServer[0]);
    int s = servers.length;
    firstModel = new int[s + 1];
    List<FleetModel> ms = new ArrayList<>();
    for (int i = 0; i < s; i++) {
      firstModel[i] = ms.size();
      ms.addAll(servers[i].models());
    }
    firstModel[s] = ms.size();
    models = ms.toArray(new FleetModel[0]);
    int m = models.length;
    tickMs = fleet.tick().toMillis();
    tickSec = tickMs / 1000.0;
    steps = (int) Math.max(1, (fleet.duration().toMillis() + tickMs - 1) / tickMs);
    window = (int) Math.max(1, fleet.metricWindow().toMillis() / tickMs);
    long needMs = Math.min(2 * fleet.scrapeInterval().toMillis(), fleet.metricWindow().toMillis());
    needSamples = (int) Math.max(1, Math.min(window, (needMs + tickMs - 1) / tickMs));
    modelFaults = new Fault[m][];
    for (int i = 0; i < m; i++) {
      String name = models[i].name();
      modelFaults[i] = fleet.faults().stream()
          .filter(f -> f.kind() != Fault.Kind.POD_START_FAILURE && f.hits(name)).toArray(Fault[]::new);
    }
    podFaults = new Fault[s][];
    for (int i = 0; i < s; i++) {
      String name = servers[i].name();
      podFaults[i] = fleet.faults().stream()
          .filter(f -> f.kind() == Fault.Kind.POD_START_FAILURE && f.hits(name)).toArray(Fault[]::new);
    }
    curRps = new double[m];
    ring = new double[m * window];
    ringPresent = new boolean[m * window];
    ringSum = new double[m];
    present = new int[m];
    modelSpec = new int[m];
    serving = new int[m];
    failed = new boolean[m];
    hpaActive = new boolean[m];
    nextModelSync = new long[m];
    modelCtl = new HpaController[m];
    modelTarget = new long[m];
    lagQueue = new double[m];
    lastUsed = new long[m];
    nextStats = new long[m];
    lastChange = new long[m];
    notConvergedSince = new long[m];
    above = new double[m];
    streak = new double[m];
    longest = new double[m];
    failedSec = new double[m];
    servingSec = new double[m];
    errorSec = new double[m];
    peakModel = new int[m];
    serverSpec = new int[s];
    cap = new int[s];
    ready = new int[s];
    pending = new int[s];
    startingAt = new long[s][];
    starting = new int[s];
    nextReady = new long[s];
    serverCtl = new HpaController[s];
    serverTarget = new long[s];
    nextServerSync = new long[s];
    startup = new StartupDelay[s];
    podSec = new double[s];
    pendingSec = new double[s];
    peakPending = new int[s];
    peakServer = new int[s];
    rec = new FleetResult.Recorder(fleet, servers, models, firstModel, steps);
  }

  FleetResult run() {
    init();
    ClusterState cluster = new ClusterState(fleet.cluster(), fleet.tick());
    long bound = 0;
    for (int i = 0; i < servers.length; i++) {
      bound += ready[i];
    }
    int threads = Math.min(fleet.threads(), servers.length);
    Chunk[] chunks = chunks(threads);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread th = new Thread(r, "seldon-hpa-fleet");
      th.setDaemon(true);
      return th;
    }) : null;
    try {
      long pendingNow = 0;
      for (int k = 0; k < steps; ) {
        // while every server could grow to its maxReplicas within the room left, no pod can wait: the servers
        // then run a block of ticks each (their state stays in cache), binding their pods at once
        int len = pendingNow == 0 && roomForEveryServer(cluster, bound) ? Math.min(BLOCK, steps - k) : 1;
        for (Chunk c : chunks) {
          c.reset(k, len);
        }
        if (pool == null) {
          chunks[0].call();
        } else {
          for (Future<Void> f : pool.invokeAll(Arrays.asList(chunks))) {
            f.get();
          }
        }
        for (int j = 0; j < len; j++, k++) {
          pendingNow = 0;
          for (Chunk c : chunks) {
            bound += c.boundDelta[j];
            pendingNow += c.pending[j];
          }
          long before = bound;
          bound = cluster.schedule(this, k * tickMs, bound, pendingNow);
          pendingNow -= bound - before;
          rec.recordFleet(k, j, chunks, cluster, bound, pendingNow);
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HpaValidationException("fleet run was interrupted (was at its tick loop)");
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return rec.finish(this, cluster);
  }

  private void init() {
    long syncMs = fleet.syncPeriod().toMillis();
    for (int s = 0; s < servers.length; s++) {
      FleetServer srv = servers[s];
      int initial = srv.initial();
      cap[s] = srv.cap();
      serverSpec[s] = initial;
      ready[s] = initial;
      startingAt[s] = new long[4];
      nextReady[s] = Long.MAX_VALUE;
      startup[s] = srv.startup().fresh();
      peakServer[s] = initial;
      if (srv.hpa().isPresent()) {
        Hpa h = srv.hpa().get();
        serverCtl[s] = HpaController.builder(h).syncPeriod(fleet.syncPeriod()).build();
        serverTarget[s] = Simulation.targetMilli("servers[" + srv.name() + "].hpa", h);
        nextServerSync[s] = srv.hpaOffset().toMillis() % syncMs;
      }
      NativeScaling lag = srv.nativeScaling().orElse(null);
      for (int m = firstModel[s]; m < firstModel[s + 1]; m++) {
        FleetModel model = models[m];
        modelSpec[m] = model.initial();
        serving[m] = Math.min(modelSpec[m], initial);
        failed[m] = serving[m] < modelSpec[m];
        hpaActive[m] = true;
        notConvergedSince[m] = -1;
        peakModel[m] = modelSpec[m];
        double rps0 = checkedRps(model, 0);
        for (int w = 0; w < window; w++) {
          ring[m * window + w] = rps0;
          ringPresent[m * window + w] = true;
        }
        ringSum[m] = rps0 * window;
        present[m] = window;
        if (lag == null) {
          modelCtl[m] = HpaController.builder(model.hpa()).syncPeriod(fleet.syncPeriod()).build();
          modelTarget[m] = Simulation.targetMilli("models[" + model.name() + "].hpa", model.hpa());
          nextModelSync[m] = model.hpaOffset().toMillis() % syncMs;
        } else {
          nextStats[m] = lag.scalingStatsPeriod().toMillis();
        }
      }
    }
  }

  private static double checkedRps(FleetModel model, long t) {
    double rps = model.trace().rps(t / 1000.0);
    if (!(rps >= 0 && rps < Double.POSITIVE_INFINITY)) {
      throw new HpaValidationException("models[" + model.name() + "].trace rps must be a finite number >= 0 (was "
          + rps + " at " + SimulationResult.num(t / 1000.0) + " s)");
    }
    return rps;
  }

  private Chunk[] chunks(int threads) {
    Chunk[] chunks = new Chunk[threads];
    int total = models.length;
    int from = 0;
    for (int c = 0; c < threads; c++) {
      int to = from;
      long want = (long) total * (c + 1) / threads;
      while (to < servers.length && (c == threads - 1 || firstModel[to] < want)) {
        to++;
      }
      chunks[c] = new Chunk(from, Math.max(to, from));
      from = chunks[c].to;
    }
    return chunks;
  }

  /**
   * Whether the room left fits every server growing to its maxReplicas, at the fewest nodes the cluster can
   * have during a block (the autoscaler removes at most one node per unneeded period): then no pod of the
   * block waits, whatever the order the servers run in.
   */
  private boolean roomForEveryServer(ClusterState cluster, long bound) {
    Cluster c = fleet.cluster();
    long blockMs = BLOCK * tickMs;
    long removable = c.maxNodes().isPresent()
        ? blockMs / Math.max(1, c.scaleDownUnneeded().toMillis()) + 1 : 0;
    long room = Math.max(c.nodes(), cluster.readyNodes - removable) * (long) c.podsPerNode() - bound;
    for (int s = 0; s < servers.length && room >= 0; s++) {
      if (serverCtl[s] != null || servers[s].serverAutoscaling()) {
        room -= Math.max(0, cap[s] - ready[s] - starting[s] - pending[s]);
      }
    }
    return room >= 0;
  }

  /** Ticks a server runs on its own while the cluster has room for everyone. */
  static final int BLOCK = 240;

  /**
   * A contiguous range of servers stepped by one thread for {@code len} ticks from tick {@code k0}, with its
   * share of the fleet's sums per tick.
   */
  final class Chunk implements Callable<Void> {
    final int from;
    final int to;
    int k0;
    int len;
    final long[] boundDelta = new long[BLOCK];
    final long[] pending = new long[BLOCK];
    final long[] demanded = new long[BLOCK];
    final long[] readyPods = new long[BLOCK];
    final double[] load = new double[BLOCK];
    final double[] capacityRps = new double[BLOCK];
    final int[] modelsAbove = new int[BLOCK];
    final int[] modelsFailed = new int[BLOCK];
    final int[] modelsMetricError = new int[BLOCK];

    Chunk(int from, int to) {
      this.from = from;
      this.to = to;
    }

    void reset(int firstStep, int ticks) {
      k0 = firstStep;
      len = ticks;
      Arrays.fill(boundDelta, 0);
      Arrays.fill(pending, 0);
      Arrays.fill(demanded, 0);
      Arrays.fill(readyPods, 0);
      Arrays.fill(load, 0);
      Arrays.fill(capacityRps, 0);
      Arrays.fill(modelsAbove, 0);
      Arrays.fill(modelsFailed, 0);
      Arrays.fill(modelsMetricError, 0);
    }

    @Override
    public Void call() {
      for (int s = from; s < to; s++) {
        for (int j = 0; j < len; j++) {
          stepServer(s, this, j, len > 1);
        }
      }
      return null;
    }
  }

  private void stepServer(int s, Chunk acc, int j, boolean bindAtOnce) {
    int k = acc.k0 + j;
    long t = k * tickMs;
    FleetServer srv = servers[s];
    NativeScaling lag = srv.nativeScaling().orElse(null);
    boolean lagActive = lag != null && lag.autoscalingModelEnabled() && !fleet.seldonVersion().nativeModelScalingInert();
    boolean serverFixed = serverCtl[s] == null && !srv.serverAutoscaling();
    long syncMs = fleet.syncPeriod().toMillis();
    int first = firstModel[s];
    int end = firstModel[s + 1];
    boolean pairMetricOk = true;
    long pairMetric = 0;
    int maxModel = 0;
    for (int m = first; m < end; m++) {
      FleetModel model = models[m];
      double rps = checkedRps(model, t);
      curRps[m] = rps;
      boolean stale = false;
      boolean gap = false;
      boolean outage = false;
      for (Fault f : modelFaults[m]) {
        if (f.active(t)) {
          stale |= f.kind() == Fault.Kind.STALE_SERIES;
          gap |= f.kind() == Fault.Kind.SCRAPE_GAP;
          outage |= f.kind() == Fault.Kind.METRIC_OUTAGE;
        }
      }
      int slot = m * window + k % window;
      if (ringPresent[slot]) {
        ringSum[m] -= ring[slot];
        present[m]--;
      }
      ringPresent[slot] = !gap;
      if (!gap) {
        double v = stale ? 0 : rps;
        ring[slot] = v;
        ringSum[m] += v;
        present[m]++;
      }
      boolean metricOk = !outage && present[m] >= needSamples;
      long metricMilli = metricOk ? (long) Math.ceil(Math.max(0, ringSum[m]) / present[m] * 1000) : 0;
      if (!metricOk) {
        acc.modelsMetricError[j]++;
      }
      int oldSpec = modelSpec[m];
      int oldServing = serving[m];
      boolean oldFailed = failed[m];
      if (lag == null) {
        if (t >= nextModelSync[m]) {
          hpaActive[m] = metricOk;
          if (metricOk) {
            modelSpec[m] = modelCtl[m].stepAverageValue(t, modelSpec[m], metricMilli, modelTarget[m]);
          }
          nextModelSync[m] = next(nextModelSync[m], t, syncMs);
        }
      } else {
        nativeStep(m, s, lag, lagActive, serverFixed, rps, t);
      }
      if (!hpaActive[m]) {
        errorSec[m] += tickSec;
      }
      pairMetricOk = metricOk;
      pairMetric = metricMilli;
      maxModel = Math.max(maxModel, modelSpec[m]);
      if (modelSpec[m] != oldSpec || serving[m] != oldServing || failed[m] != oldFailed) {
        lastChange[m] = t;
      }
      acc.load[j] += rps;
    }
    // the Server's replicas
    if (serverCtl[s] != null) {
      if (t >= nextServerSync[s]) {
        if (pairMetricOk) {
          serverSpec[s] = serverCtl[s].stepAverageValue(t, serverSpec[s], pairMetric, serverTarget[s]);
        }
        nextServerSync[s] = next(nextServerSync[s], t, syncMs);
      }
    } else if (srv.serverAutoscaling()) {
      serverSpec[s] = Math.max(1, Math.min(maxModel, cap[s]));
    }
    // pods left Pending by the last scheduling pass
    pendingSec[s] += pending[s] * tickSec;
    peakPending[s] = Math.max(peakPending[s], pending[s]);
    reconcilePods(s, t, acc, j);
    // all-or-nothing placement, one model replica per server replica, and the figures
    for (int m = first; m < end; m++) {
      int oldServing = serving[m];
      boolean oldFailed = failed[m];
      if (modelSpec[m] <= ready[s]) {
        serving[m] = modelSpec[m];
        failed[m] = false;
      } else {
        failed[m] = true;
        serving[m] = Math.min(serving[m], ready[s]);
      }
      if (serving[m] != oldServing || failed[m] != oldFailed) {
        lastChange[m] = t;
      }
      record(m, s, k, acc, j);
    }
    podSec[s] += (ready[s] + starting[s]) * tickSec;
    peakServer[s] = Math.max(peakServer[s], serverSpec[s]);
    // what the scheduling pass would do after this phase when the room fits everyone
    while (bindAtOnce && pending[s] > 0) {
      bind(s, t);
      acc.boundDelta[j]++;
    }
    acc.pending[j] += pending[s];
    acc.demanded[j] += serverSpec[s];
    acc.readyPods[j] += ready[s];
  }

  /** Seldon's native lag-based model scaling with the scheduler's gates (seed 003, reference §3.3). */
  private void nativeStep(int m, int s, NativeScaling lag, boolean active, boolean serverFixed, double rps, long t) {
    FleetModel model = models[m];
    double capacity = serving[m] * model.saturationRps() * tickSec;
    lagQueue[m] = Math.max(0, lagQueue[m] + rps * tickSec - capacity);
    if (rps > 0) {
      lastUsed[m] = t;
    }
    if (!active || t < nextStats[m]) {
      return;
    }
    nextStats[m] = next(nextStats[m], t, lag.scalingStatsPeriod().toMillis());
    int want = modelSpec[m];
    if (lagQueue[m] / Math.max(1, serving[m]) >= lag.modelInferenceLagThreshold()) {
      want++;
    } else if (t - lastUsed[m] >= lag.modelInactiveThreshold().toMillis()) {
      want--;
    }
    boolean stable = t - lastChange[m] >= fleet.nativeStablePeriod().toMillis();
    boolean loadable = want <= modelSpec[m] || !serverFixed || want <= ready[s];
    int min = Math.max(1, model.hpa().effectiveMinReplicas());
    if (want != modelSpec[m] && stable && !failed[m] && serving[m] >= 1 && want >= min
        && want <= model.hpa().maxReplicas() && loadable) {
      modelSpec[m] = want;
    }
  }

  /** Creates Pending pods up to the Server's replicas, or removes the newest pods (Pending first) down to them. */
  private void reconcilePods(int s, long t, Chunk acc, int j) {
    int total = ready[s] + starting[s] + pending[s];
    int spec = serverSpec[s];
    if (spec > total) {
      pending[s] += spec - total;
    } else if (spec < total) {
      int remove = total - spec;
      int p = Math.min(remove, pending[s]);
      pending[s] -= p;
      remove -= p;
      while (remove > 0 && starting[s] > 0) {
        // the newest pod has the latest ordinal: the one bound last, i.e. the latest start
        int latest = 0;
        for (int i = 1; i < starting[s]; i++) {
          if (startingAt[s][i] > startingAt[s][latest]) {
            latest = i;
          }
        }
        startingAt[s][latest] = startingAt[s][--starting[s]];
        remove--;
        acc.boundDelta[j]--;
      }
      ready[s] -= remove;
      acc.boundDelta[j] -= remove;
      nextReady[s] = earliest(s);
    }
    if (t >= nextReady[s]) {
      int n = 0;
      for (int i = 0; i < starting[s]; i++) {
        if (startingAt[s][i] <= t) {
          ready[s]++;
        } else {
          startingAt[s][n++] = startingAt[s][i];
        }
      }
      starting[s] = n;
      nextReady[s] = earliest(s);
    }
  }

  private long earliest(int s) {
    long e = Long.MAX_VALUE;
    for (int i = 0; i < starting[s]; i++) {
      e = Math.min(e, startingAt[s][i]);
    }
    return e;
  }

  /** Binds one Pending pod of server {@code s} at {@code t}: it serves after its start-up delay. */
  void bind(int s, long t) {
    long at = t + startup[s].nextMillis();
    for (Fault f : podFaults[s]) {
      if (f.active(t)) {
        // crash-looping until the fault ends, then a fresh start
        at = Math.max(at, f.toMillis() + startup[s].nextMillis());
      }
    }
    if (starting[s] == startingAt[s].length) {
      startingAt[s] = Arrays.copyOf(startingAt[s], starting[s] * 2);
    }
    startingAt[s][starting[s]++] = at;
    pending[s]--;
    // a bound pod costs from the tick it is bound in (phase 1 of this tick counted it as Pending)
    podSec[s] += tickSec;
    nextReady[s] = Math.min(nextReady[s], at);
  }

  Fleet fleet() {
    return fleet;
  }

  int serverCount() {
    return servers.length;
  }

  int pendingOf(int s) {
    return pending[s];
  }

  private void record(int m, int s, int k, Chunk acc, int j) {
    long t = k * tickMs;
    FleetModel model = models[m];
    double rps = curRps[m];
    double perReplica = SimulationResult.load(rps, serving[m]);
    if (perReplica > model.saturationRps()) {
      above[m] += tickSec;
      streak[m] += tickSec;
      longest[m] = Math.max(longest[m], streak[m]);
      acc.modelsAbove[j]++;
    } else {
      streak[m] = 0;
    }
    if (failed[m]) {
      failedSec[m] += tickSec;
      acc.modelsFailed[j]++;
    }
    servingSec[m] += serving[m] * tickSec;
    acc.capacityRps[j] += serving[m] * model.saturationRps();
    peakModel[m] = Math.max(peakModel[m], modelSpec[m]);
    boolean paired = serverCtl[s] != null;
    boolean converged = !failed[m] && pending[s] == 0 && (!paired || serverSpec[s] == modelSpec[m]);
    if (converged) {
      notConvergedSince[m] = -1;
    } else if (notConvergedSince[m] < 0) {
      notConvergedSince[m] = t;
    }
    rec.recordModel(m, k, rps, modelSpec[m], serving[m], failed[m], !hpaActive[m]);
  }

  private static long next(long due, long t, long period) {
    long n = due + period;
    while (n <= t) {
      n += period;
    }
    return n;
  }

  // ---- read by the recorder at the end ----

  FleetModelSummary summary(int m, int s, long endMs) {
    FleetModel model = models[m];
    // phase 1 counts the pods the previous pass left Pending; the last pass's are counted here
    double pendingSeconds = pendingSec[s] + pending[s] * tickSec;
    String reason = "";
    long since = notConvergedSince[m];
    if (since >= 0 && endMs - since >= fleet.convergenceWindow().toMillis()) {
      StringBuilder why = new StringBuilder();
      if (failed[m]) {
        why.append("ScheduleFailed: Model ").append(modelSpec[m]).append(" replicas, ").append(ready[s])
            .append(" server replicas ready");
      }
      if (serverCtl[s] != null && serverSpec[s] != modelSpec[m]) {
        why.append(why.length() > 0 ? "; " : "").append("Model HPA ").append(modelSpec[m]).append(" vs Server HPA ")
            .append(serverSpec[s]).append(" (within each other's tolerance band)");
      }
      if (pending[s] > 0) {
        why.append(why.length() > 0 ? "; " : "").append(pending[s]).append(" server pods Pending (cluster full)");
      }
      reason = why.append(" since ").append(SimulationResult.num(since / 1000.0)).append(" s").toString();
    }
    return new FleetModelSummary(model.name(), servers[s].name(), above[m], longest[m], failedSec[m], servingSec[m],
        podSec[s], pendingSeconds, Math.max(peakPending[s], pending[s]), errorSec[m], peakModel[m], peakServer[s], modelSpec[m],
        serverSpec[s], reason);
  }

  /** The cluster's nodes and the scheduler's binding of Pending pods; used by one thread between the phases. */
  static final class ClusterState {
    final Cluster cluster;
    final double tickSec;
    int readyNodes;
    long[] startingNodes = new long[8];
    int startingCount;
    long unneededSince = -1;
    int cursor;
    int[] waiting = new int[0];
    int peakNodes;
    double nodeSeconds;

    ClusterState(Cluster cluster, java.time.Duration tick) {
      this.cluster = cluster;
      this.tickSec = tick.toMillis() / 1000.0;
      this.readyNodes = cluster.nodes();
      this.peakNodes = readyNodes;
    }

    long capacity() {
      return (long) readyNodes * cluster.podsPerNode();
    }

    int nodes() {
      return readyNodes + startingCount;
    }

    /** Binds Pending pods into free room, runs the autoscaler; returns the bound pod count. */
    long schedule(FleetEngine engine, long t, long bound, long pendingNow) {
      int n = 0;
      for (int i = 0; i < startingCount; i++) {
        if (startingNodes[i] <= t) {
          readyNodes++;
        } else {
          startingNodes[n++] = startingNodes[i];
        }
      }
      startingCount = n;
      long free = capacity() - bound;
      long left = pendingNow;
      if (left > 0 && free > 0) {
        int servers = engine.serverCount();
        if (waiting.length < servers) {
          waiting = new int[servers];
        }
        int w = 0;
        for (int i = 0; i < servers; i++) {
          int s = (cursor + i) % servers;
          if (engine.pendingOf(s) > 0) {
            waiting[w++] = s;
          }
        }
        cursor = (cursor + 1) % servers;
        while (free > 0 && w > 0) {
          int kept = 0;
          for (int i = 0; i < w && free > 0; i++) {
            int s = waiting[i];
            engine.bind(s, t);
            free--;
            bound++;
            left--;
            if (engine.pendingOf(s) > 0) {
              waiting[kept++] = s;
            }
          }
          w = free > 0 ? kept : 0;
        }
      }
      if (cluster.maxNodes().isPresent()) {
        int max = cluster.maxNodes().getAsInt();
        int per = cluster.podsPerNode();
        long wanted = (left + per - 1) / per - startingCount;
        for (long i = 0; i < wanted && nodes() < max; i++) {
          if (startingCount == startingNodes.length) {
            startingNodes = Arrays.copyOf(startingNodes, startingCount * 2);
          }
          startingNodes[startingCount++] = t + cluster.nodeStartup().toMillis();
        }
        boolean unneeded = left == 0 && startingCount == 0 && free >= per && readyNodes > cluster.nodes();
        if (!unneeded) {
          unneededSince = -1;
        } else if (unneededSince < 0) {
          unneededSince = t;
        } else if (t - unneededSince >= cluster.scaleDownUnneeded().toMillis()) {
          readyNodes--;
          unneededSince = t;
        }
      }
      peakNodes = Math.max(peakNodes, nodes());
      nodeSeconds += nodes() * tickSec;
      return bound;
    }
  }
}
