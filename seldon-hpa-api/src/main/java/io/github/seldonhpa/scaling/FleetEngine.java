package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.NativeScaling;
import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * The loop of {@link Fleet#run()}. Each tick has two phases: every server (with its models) steps, touching
 * only its own state (metrics, HPAs or native scaling, pod counts, placement); then one thread binds Pending
 * pods to the cluster's free room (round robin over the servers, from a rotating start, so no server always
 * wins) and runs the cluster autoscaler.
 *
 * <p>A server depends on the rest of the fleet only through the pods bound to it, and none are while it has
 * no Pending pod. So within a block of ticks each server runs ahead on its own (its state stays in the
 * cache) until a step leaves it a Pending pod; it then waits for that tick's scheduling pass and resumes
 * after it. The result is the lockstep loop's, tick for tick ({@code FleetBlockPropertyTest} compares it
 * with blocks of one tick), whatever the thread count: sums per tick are in whole milli-units.
 */
final class FleetEngine {
  private final Fleet fleet;
  private final FleetServer[] servers;
  private final FleetModel[] models;
  private final int[] firstModel;
  private final Fault[][] modelFaults;
  private final Fault[][] podFaults;
  private final long tickMs;
  private final long syncMs;
  private final double tickSec;
  private final int steps;
  private final int window;
  private final int needSamples;

  // what a step reads of the servers' and models' settings, unpacked so that a step touches few objects
  private final RpsTrace[] trace;
  private final double[] saturation;
  private final NativeScaling[] lag;
  private final boolean[] lagActive;
  private final boolean[] serverFixed;
  private final boolean[] followsModels;

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

  /** The next tick each server steps. */
  private final int[] at;
  private final int block;
  private final FleetResult.Recorder rec;

  // a server that still waits after a pass runs ahead as if no pod were bound to it, and is taken back
  // (from its state saved after that pass) to the pass that binds one
  private final Object[] modelState;
  private final Object[] serverState;
  private final boolean[] ahead;
  private final int[] aheadFrom;
  private final Saved[] saved;
  private final Saved[] takenBack;
  private final int[][] pendingSeen;
  private final Lane scratch;
  private Lane[] lanes;
  private int blockStart;

  FleetEngine(Fleet fleet) {
    this(fleet, BLOCK);
  }

  /** An engine whose blocks last {@code block} ticks (1: every server steps in lockstep). */
  FleetEngine(Fleet fleet, int block) {
    this.fleet = fleet;
    this.block = block;
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
    syncMs = fleet.syncPeriod().toMillis();
    steps = (int) Math.max(1, (fleet.duration().toMillis() + tickMs - 1) / tickMs);
    window = (int) Math.max(1, fleet.metricWindow().toMillis() / tickMs);
    long needMs = Math.min(2 * fleet.scrapeInterval().toMillis(), fleet.metricWindow().toMillis());
    needSamples = (int) Math.max(1, Math.min(window, (needMs + tickMs - 1) / tickMs));
    modelFaults = new Fault[m][];
    trace = new RpsTrace[m];
    saturation = new double[m];
    for (int i = 0; i < m; i++) {
      String name = models[i].name();
      modelFaults[i] = faults(f -> f.kind() != Fault.Kind.POD_START_FAILURE && f.hits(name));
      trace[i] = models[i].trace();
      saturation[i] = models[i].saturationRps();
    }
    podFaults = new Fault[s][];
    lag = new NativeScaling[s];
    lagActive = new boolean[s];
    serverFixed = new boolean[s];
    followsModels = new boolean[s];
    for (int i = 0; i < s; i++) {
      FleetServer srv = servers[i];
      podFaults[i] = faults(f -> f.kind() == Fault.Kind.POD_START_FAILURE && f.hits(srv.name()));
      lag[i] = srv.nativeScaling().orElse(null);
      lagActive[i] = lag[i] != null && lag[i].autoscalingModelEnabled()
          && !fleet.seldonVersion().nativeModelScalingInert();
      serverFixed[i] = srv.hpa().isEmpty() && !srv.serverAutoscaling();
      followsModels[i] = srv.hpa().isEmpty() && srv.serverAutoscaling();
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
    at = new int[s];
    modelState = new Object[] {curRps, ringSum, present, modelSpec, serving, failed, hpaActive, nextModelSync,
        lagQueue, lastUsed, nextStats, lastChange, notConvergedSince, above, streak, longest, failedSec, servingSec,
        errorSec, peakModel};
    serverState = new Object[] {serverSpec, ready, pending, starting, nextReady, nextServerSync, podSec, pendingSec,
        peakPending, peakServer};
    ahead = new boolean[s];
    aheadFrom = new int[s];
    saved = new Saved[s];
    takenBack = new Saved[s];
    pendingSeen = new int[s][];
    scratch = new Lane(block);
    rec = new FleetResult.Recorder(fleet, servers, models, firstModel, steps);
  }

  /** The faults that {@code hit}, sharing one empty array for the usual case of none. */
  private Fault[] faults(Predicate<Fault> hit) {
    Fault[] hits = fleet.faults().stream().filter(hit).toArray(Fault[]::new);
    return hits.length == 0 ? NO_FAULTS : hits;
  }

  private static final Fault[] NO_FAULTS = new Fault[0];

  FleetResult run() {
    init();
    ClusterState cluster = new ClusterState(fleet.cluster(), fleet.tick());
    long bound = 0;
    for (int i = 0; i < servers.length; i++) {
      bound += ready[i];
    }
    int threads = Math.max(1, Math.min(fleet.threads(), servers.length));
    lanes = new Lane[threads];
    for (int i = 0; i < threads; i++) {
      lanes[i] = new Lane(block);
    }
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread th = new Thread(r, "seldon-hpa-fleet");
      th.setDaemon(true);
      return th;
    }) : null;
    int[] resumed = new int[servers.length];
    try {
      for (int k0 = 0; k0 < steps; k0 += block) {
        int end = Math.min(steps, k0 + block);
        blockStart = k0;
        Arrays.fill(ahead, false);
        for (Lane lane : lanes) {
          lane.k0 = k0;
          lane.clear(end - k0);
        }
        // every server runs from the block's first tick until it has a Pending pod (or, waiting, to its end)
        runAhead(pool, lanes, evenByModels(threads), end);
        for (int k = k0; k < end; k++) {
          int j = k - k0;
          long pendingNow = 0;
          for (Lane lane : lanes) {
            bound += lane.boundDelta[j];
            pendingNow += lane.pending[j];
          }
          long before = bound;
          bound = cluster.schedule(this, k, bound, pendingNow);
          pendingNow -= bound - before;
          rec.recordFleet(k, j, lanes, cluster, bound, pendingNow);
          // the servers that waited for this pass run on until their next Pending pod, or ahead if still waiting
          int n = 0;
          for (int s = 0; s < servers.length && k + 1 < end; s++) {
            if (at[s] == k + 1) {
              resumed[n++] = s;
            }
          }
          if (n > 0) {
            runAhead(n >= PARALLEL_RESUME ? pool : null, lanes, split(resumed, n, threads), end);
          }
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

  /** Runs each part's servers ahead on its own lane: on the pool, or on this thread when it is null. */
  private void runAhead(ExecutorService pool, Lane[] lanes, int[][] parts, int end)
      throws InterruptedException, ExecutionException {
    if (pool == null) {
      for (int p = 0; p < parts.length; p++) {
        runAhead(parts[p], lanes[p], end);
      }
      return;
    }
    List<Callable<Void>> work = new ArrayList<>(parts.length);
    for (int p = 0; p < parts.length; p++) {
      int[] part = parts[p];
      Lane lane = lanes[p];
      work.add(() -> {
        runAhead(part, lane, end);
        return null;
      });
    }
    for (Future<Void> f : pool.invokeAll(work)) {
      f.get();
    }
  }

  private void runAhead(int[] part, Lane lane, int end) {
    for (int s : part) {
      // every pass up to here is done: what it ran ahead stands
      ahead[s] = false;
      if (pending[s] > 0) {
        runWaiting(s, lane, end);
        continue;
      }
      while (at[s] < end) {
        stepServer(s, lane, at[s]++);
        if (pending[s] > 0) {
          break;
        }
      }
    }
  }

  /**
   * Runs a server that waits for room up to {@link #HORIZON} ticks ahead as if none came, noting its Pending
   * pods per tick for the passes; {@link #bind} takes it back if one binds a pod to it.
   */
  private void runWaiting(int s, Lane lane, int end) {
    if (saved[s] == null) {
      saved[s] = new Saved(s);
      takenBack[s] = new Saved(s);
      pendingSeen[s] = new int[block];
    }
    save(s, saved[s]);
    ahead[s] = true;
    aheadFrom[s] = at[s] - 1;
    int[] seen = pendingSeen[s];
    int stop = Math.min(end, at[s] + HORIZON);
    while (at[s] < stop) {
      int k = at[s]++;
      stepServer(s, lane, k);
      seen[k - lane.k0] = pending[s];
    }
  }

  /**
   * Takes server {@code s}, which ran ahead as if no pod would be bound to it, back to its state after its
   * step of tick {@code k}, and takes what it added to the sums of the later ticks out of them.
   */
  private void takeBack(int s, int k) {
    int last = at[s] - 1;
    restore(s, saved[s]);
    scratch.k0 = blockStart;
    for (int i = aheadFrom[s] + 1; i <= k; i++) {
      stepServer(s, scratch, i);
    }
    save(s, takenBack[s]);
    scratch.clear(block);
    for (int i = k + 1; i <= last; i++) {
      stepServer(s, scratch, i);
    }
    lanes[0].subtract(scratch, k + 1 - blockStart, last + 1 - blockStart);
    scratch.clear(block);
    restore(s, takenBack[s]);
    at[s] = k + 1;
    ahead[s] = false;
  }

  /** One server's and its models' state between steps. */
  private final class Saved {
    final Object[] models = new Object[modelState.length];
    final Object[] server = new Object[serverState.length];
    final double[] ring;
    final boolean[] ringPresent;
    long[] startingAt = new long[4];
    final HpaController serverTwin;
    final HpaController[] modelTwins;

    Saved(int s) {
      int count = firstModel[s + 1] - firstModel[s];
      for (int i = 0; i < models.length; i++) {
        models[i] = Array.newInstance(modelState[i].getClass().getComponentType(), count);
      }
      for (int i = 0; i < server.length; i++) {
        server[i] = Array.newInstance(serverState[i].getClass().getComponentType(), 1);
      }
      ring = new double[count * window];
      ringPresent = new boolean[count * window];
      serverTwin = serverCtl[s] == null ? null : serverController(s);
      modelTwins = new HpaController[count];
      for (int i = 0; i < count; i++) {
        modelTwins[i] = modelCtl[firstModel[s] + i] == null ? null : modelController(firstModel[s] + i);
      }
    }
  }

  private void save(int s, Saved v) {
    int first = firstModel[s];
    int count = firstModel[s + 1] - first;
    for (int i = 0; i < modelState.length; i++) {
      System.arraycopy(modelState[i], first, v.models[i], 0, count);
    }
    for (int i = 0; i < serverState.length; i++) {
      System.arraycopy(serverState[i], s, v.server[i], 0, 1);
    }
    System.arraycopy(ring, first * window, v.ring, 0, count * window);
    System.arraycopy(ringPresent, first * window, v.ringPresent, 0, count * window);
    if (v.startingAt.length < starting[s]) {
      v.startingAt = new long[startingAt[s].length];
    }
    System.arraycopy(startingAt[s], 0, v.startingAt, 0, starting[s]);
    if (serverCtl[s] != null) {
      v.serverTwin.copyMemoryFrom(serverCtl[s]);
    }
    for (int m = first; m < first + count; m++) {
      if (modelCtl[m] != null) {
        v.modelTwins[m - first].copyMemoryFrom(modelCtl[m]);
      }
    }
  }

  private void restore(int s, Saved v) {
    int first = firstModel[s];
    int count = firstModel[s + 1] - first;
    for (int i = 0; i < modelState.length; i++) {
      System.arraycopy(v.models[i], 0, modelState[i], first, count);
    }
    for (int i = 0; i < serverState.length; i++) {
      System.arraycopy(v.server[i], 0, serverState[i], s, 1);
    }
    System.arraycopy(v.ring, 0, ring, first * window, count * window);
    System.arraycopy(v.ringPresent, 0, ringPresent, first * window, count * window);
    if (startingAt[s].length < starting[s]) {
      startingAt[s] = new long[v.startingAt.length];
    }
    System.arraycopy(v.startingAt, 0, startingAt[s], 0, starting[s]);
    if (serverCtl[s] != null) {
      serverCtl[s].copyMemoryFrom(v.serverTwin);
    }
    for (int m = first; m < first + count; m++) {
      if (modelCtl[m] != null) {
        modelCtl[m].copyMemoryFrom(v.modelTwins[m - first]);
      }
    }
  }

  /** All servers in {@code threads} contiguous parts of about as many models each. */
  private int[][] evenByModels(int threads) {
    int[][] parts = new int[threads][];
    int total = models.length;
    int from = 0;
    for (int c = 0; c < threads; c++) {
      int to = from;
      long want = (long) total * (c + 1) / threads;
      while (to < servers.length && (c == threads - 1 || firstModel[to] < want)) {
        to++;
      }
      parts[c] = new int[to - from];
      for (int i = from; i < to; i++) {
        parts[c][i - from] = i;
      }
      from = to;
    }
    return parts;
  }

  /** The first {@code n} servers dealt out in turn to the parts, so that long and short runs mix. */
  private static int[][] split(int[] servers, int n, int threads) {
    int parts = n >= PARALLEL_RESUME ? threads : 1;
    int[][] out = new int[parts][];
    for (int p = 0; p < parts; p++) {
      out[p] = new int[(n - p + parts - 1) / parts];
      for (int i = p, o = 0; i < n; i += parts) {
        out[p][o++] = servers[i];
      }
    }
    return out;
  }

  private void init() {
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
        serverCtl[s] = serverController(s);
        serverTarget[s] = Simulation.targetMilli("servers[" + srv.name() + "].hpa", h);
        nextServerSync[s] = srv.hpaOffset().toMillis() % syncMs;
      }
      for (int m = firstModel[s]; m < firstModel[s + 1]; m++) {
        FleetModel model = models[m];
        modelSpec[m] = model.initial();
        serving[m] = Math.min(modelSpec[m], initial);
        failed[m] = serving[m] < modelSpec[m];
        hpaActive[m] = true;
        notConvergedSince[m] = -1;
        peakModel[m] = modelSpec[m];
        double rps0 = checkedRps(m, 0);
        for (int w = 0; w < window; w++) {
          ring[m * window + w] = rps0;
          ringPresent[m * window + w] = true;
        }
        ringSum[m] = rps0 * window;
        present[m] = window;
        if (lag[s] == null) {
          modelCtl[m] = modelController(m);
          modelTarget[m] = Simulation.targetMilli("models[" + model.name() + "].hpa", model.hpa());
          nextModelSync[m] = model.hpaOffset().toMillis() % syncMs;
        } else {
          nextStats[m] = lag[s].scalingStatsPeriod().toMillis();
        }
      }
    }
  }

  private HpaController serverController(int s) {
    return HpaController.builder(servers[s].hpa().orElseThrow()).syncPeriod(fleet.syncPeriod()).build();
  }

  private HpaController modelController(int m) {
    return HpaController.builder(models[m].hpa()).syncPeriod(fleet.syncPeriod()).build();
  }

  private double checkedRps(int m, long t) {
    double rps = trace[m].rps(t / 1000.0);
    if (!(rps >= 0 && rps < Double.POSITIVE_INFINITY)) {
      throw new HpaValidationException("models[" + models[m].name() + "].trace rps must be a finite number >= 0 (was "
          + rps + " at " + SimulationResult.num(t / 1000.0) + " s)");
    }
    return rps;
  }

  /** Ticks per block: the longest a server runs ahead; bounds the per-tick sums kept per thread. */
  static final int BLOCK = 480;

  /**
   * Ticks a waiting server runs ahead at a time: taking it back replays up to twice as many steps, and it
   * runs on after the pass at the horizon.
   */
  static final int HORIZON = 64;

  /** Servers resumed after one pass at which the resumption is shared between the threads. */
  private static final int PARALLEL_RESUME = 4;

  /** One thread's share of the fleet's sums for each tick of a block; loads in milli-rps. */
  static final class Lane {
    int k0;
    final long[] boundDelta;
    final long[] pending;
    final long[] demanded;
    final long[] readyPods;
    final double[] loadMilli;
    final double[] capacityMilli;
    final int[] modelsAbove;
    final int[] modelsFailed;
    final int[] modelsMetricError;

    Lane(int block) {
      boundDelta = new long[block];
      pending = new long[block];
      demanded = new long[block];
      readyPods = new long[block];
      loadMilli = new double[block];
      capacityMilli = new double[block];
      modelsAbove = new int[block];
      modelsFailed = new int[block];
      modelsMetricError = new int[block];
    }

    /** Takes {@code o}'s sums of ticks {@code from} (inclusive) to {@code to} (exclusive) out of these. */
    void subtract(Lane o, int from, int to) {
      for (int j = from; j < to; j++) {
        boundDelta[j] -= o.boundDelta[j];
        pending[j] -= o.pending[j];
        demanded[j] -= o.demanded[j];
        readyPods[j] -= o.readyPods[j];
        loadMilli[j] -= o.loadMilli[j];
        capacityMilli[j] -= o.capacityMilli[j];
        modelsAbove[j] -= o.modelsAbove[j];
        modelsFailed[j] -= o.modelsFailed[j];
        modelsMetricError[j] -= o.modelsMetricError[j];
      }
    }

    void clear(int ticks) {
      Arrays.fill(boundDelta, 0, ticks, 0);
      Arrays.fill(pending, 0, ticks, 0);
      Arrays.fill(demanded, 0, ticks, 0);
      Arrays.fill(readyPods, 0, ticks, 0);
      Arrays.fill(loadMilli, 0, ticks, 0);
      Arrays.fill(capacityMilli, 0, ticks, 0);
      Arrays.fill(modelsAbove, 0, ticks, 0);
      Arrays.fill(modelsFailed, 0, ticks, 0);
      Arrays.fill(modelsMetricError, 0, ticks, 0);
    }
  }

  /**
   * {@code x} in whole milli-units: sums of whole numbers are exact (below 2^53) and so do not depend on
   * the order of their terms.
   */
  static double milli(double x) {
    return Math.rint(x * 1000);
  }

  private void stepServer(int s, Lane acc, int k) {
    int j = k - acc.k0;
    long t = k * tickMs;
    int first = firstModel[s];
    int end = firstModel[s + 1];
    boolean pairMetricOk = true;
    long pairMetric = 0;
    int maxModel = 0;
    for (int m = first; m < end; m++) {
      double rps = checkedRps(m, t);
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
      if (lag[s] == null) {
        if (t >= nextModelSync[m]) {
          hpaActive[m] = metricOk;
          if (metricOk) {
            modelSpec[m] = modelCtl[m].stepAverageValue(t, modelSpec[m], metricMilli, modelTarget[m]);
          }
          nextModelSync[m] = next(nextModelSync[m], t, syncMs);
        }
      } else {
        nativeStep(m, s, lag[s], lagActive[s], serverFixed[s], rps, t);
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
      acc.loadMilli[j] += milli(rps);
    }
    // the Server's replicas
    if (serverCtl[s] != null) {
      if (t >= nextServerSync[s]) {
        if (pairMetricOk) {
          serverSpec[s] = serverCtl[s].stepAverageValue(t, serverSpec[s], pairMetric, serverTarget[s]);
        }
        nextServerSync[s] = next(nextServerSync[s], t, syncMs);
      }
    } else if (followsModels[s]) {
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
    acc.pending[j] += pending[s];
    acc.demanded[j] += serverSpec[s];
    acc.readyPods[j] += ready[s];
  }

  /** Seldon's native lag-based model scaling with the scheduler's gates (seed 003, reference §3.3). */
  private void nativeStep(int m, int s, NativeScaling lag, boolean active, boolean serverFixed, double rps, long t) {
    FleetModel model = models[m];
    double capacity = serving[m] * saturation[m] * tickSec;
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
  private void reconcilePods(int s, long t, Lane acc, int j) {
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

  /** Binds one Pending pod of server {@code s} in the pass after tick {@code k}; it serves after its start-up. */
  void bind(int s, int k) {
    if (ahead[s]) {
      takeBack(s, k);
    }
    long t = k * tickMs;
    long readyAt = t + startup[s].nextMillis();
    for (Fault f : podFaults[s]) {
      if (f.active(t)) {
        // crash-looping until the fault ends, then a fresh start
        readyAt = Math.max(readyAt, f.toMillis() + startup[s].nextMillis());
      }
    }
    if (starting[s] == startingAt[s].length) {
      startingAt[s] = Arrays.copyOf(startingAt[s], starting[s] * 2);
    }
    startingAt[s][starting[s]++] = readyAt;
    pending[s]--;
    // a bound pod costs from the tick it is bound in (phase 1 of this tick counted it as Pending)
    podSec[s] += tickSec;
    nextReady[s] = Math.min(nextReady[s], readyAt);
  }

  Fleet fleet() {
    return fleet;
  }

  int serverCount() {
    return servers.length;
  }

  /**
   * Server {@code s}'s Pending pods after its step of tick {@code k}: a server that runs ahead while waiting
   * noted them; otherwise only one that stopped at {@code k} has any (one that ran ahead may already wait at a
   * later tick).
   */
  int pendingAt(int s, int k) {
    if (ahead[s]) {
      return pendingSeen[s][k - blockStart];
    }
    return at[s] == k + 1 ? pending[s] : 0;
  }

  private void record(int m, int s, int k, Lane acc, int j) {
    long t = k * tickMs;
    double rps = curRps[m];
    double perReplica = SimulationResult.load(rps, serving[m]);
    if (perReplica > saturation[m]) {
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
    acc.capacityMilli[j] += milli(serving[m] * saturation[m]);
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

    ClusterState(Cluster cluster, Duration tick) {
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

    /** The pass after tick {@code k}: binds Pending pods into free room, runs the autoscaler; returns the bound pods. */
    long schedule(FleetEngine engine, int k, long bound, long pendingNow) {
      long t = k * engine.tickMs;
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
          if (engine.pendingAt(s, k) > 0) {
            waiting[w++] = s;
          }
        }
        cursor = (cursor + 1) % servers;
        while (free > 0 && w > 0) {
          int kept = 0;
          for (int i = 0; i < w && free > 0; i++) {
            int s = waiting[i];
            engine.bind(s, k);
            free--;
            bound++;
            left--;
            if (engine.pendingAt(s, k) > 0) {
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
