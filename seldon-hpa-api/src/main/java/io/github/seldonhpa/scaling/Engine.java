package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.NativeScaling;

/** The simulation loop of {@link Simulation}; one instance per run. */
final class Engine {
  private final Simulation sim;
  private final boolean keepTimeline;
  // KEDA in place of the plain HPAs (KedaSimulation), with the replicas at the start
  private final KedaScaler modelKeda;
  private final KedaScaler serverKeda;
  private final int kedaInitial;

  Engine(Simulation sim, boolean keepTimeline) {
    this(sim, keepTimeline, null, null, -1);
  }

  Engine(Simulation sim, boolean keepTimeline, KedaScaler modelKeda, KedaScaler serverKeda, int kedaInitial) {
    this.sim = sim;
    this.keepTimeline = keepTimeline;
    this.modelKeda = modelKeda;
    this.serverKeda = serverKeda;
    this.kedaInitial = kedaInitial;
  }

  SimulationResult run() {
    RpsTrace trace = sim.trace();
    long tickMs = sim.tick().toMillis();
    double tickSec = tickMs / 1000.0;
    int steps = (int) Math.max(1, (sim.duration().toMillis() + tickMs - 1) / tickMs);
    long syncMs = sim.syncPeriod().toMillis();
    Hpa modelHpa = sim.modelHpa();
    int modelMin = modelHpa.effectiveMinReplicas();
    int modelMax = modelHpa.maxReplicas();
    HpaController model = HpaController.of(modelHpa);
    long modelTarget = Simulation.targetMilli("modelHpa", modelHpa);
    HpaController server = sim.serverHpa().map(HpaController::of).orElse(null);
    long serverTarget = sim.serverHpa().map(h -> Simulation.targetMilli("serverHpa", h)).orElse(0L);
    int serverMax = sim.serverHpa().map(Hpa::maxReplicas).orElse(modelMax);
    StartupDelay startup = sim.serverStartup().fresh();
    NativeScaling lag = sim.nativeScaling().orElse(null);

    int window = (int) Math.max(1, sim.metricWindow().toMillis() / tickMs);
    double[] ring = new double[window];
    double ringSum = 0;
    int filled = 0;

    int initial = kedaInitial >= 0 ? kedaInitial : sim.initialReplicas().orElse(modelMin);
    int fixedServer = sim.fixedServerReplicas().orElse(-1);
    int serverInitial = fixedServer >= 0 ? fixedServer : initial;
    int modelSpec = initial;
    int serving = Math.min(initial, serverInitial);
    int serverSpec = serverInitial;
    long[] readyAt = new long[Math.max(serverMax, serverInitial) + 1];
    boolean[] started = new boolean[readyAt.length];
    java.util.Arrays.fill(started, 0, serverInitial, true);
    int maxStarting = sim.maxStartingPods().orElse(Integer.MAX_VALUE);
    int ready = serverInitial;
    long nextReady = Long.MAX_VALUE;
    boolean waiting = false;
    int pods = serverInitial;
    boolean failed = serving < initial;
    long nextModelSync = sim.modelHpaOffset().toMillis();
    long nextServerSync = sim.serverHpaOffset().toMillis();

    // native lag scaling: in-flight requests, last use, stats timer, last state change
    double queue = 0;
    long lastUsedMs = 0;
    long statsMs = lag == null ? 0 : lag.scalingStatsPeriod().toMillis();
    long nextStats = statsMs;
    long lastChangeMs = 0;
    long stableMs = sim.nativeStablePeriod().toMillis();

    SimulationResult.Recorder rec =
        new SimulationResult.Recorder(keepTimeline ? steps : 0, tickSec, sim.saturationRps());
    for (int k = 0; k < steps; k++) {
      long t = k * tickMs;
      double rps = trace.rps(t / 1000.0);
      if (!(rps >= 0 && rps < Double.POSITIVE_INFINITY)) {
        throw new HpaValidationException("trace rps must be a finite number >= 0 (was " + rps + " at "
            + SimulationResult.num(t / 1000.0) + " s)");
      }
      ringSum += rps - ring[k % window];
      ring[k % window] = rps;
      filled = Math.min(filled + 1, window);
      double metricRps = ringSum / filled;
      long metricMilli = (long) Math.ceil(metricRps * 1000);
      int oldSpec = modelSpec;
      int oldServing = serving;
      boolean oldFailed = failed;

      if (modelKeda != null) {
        boolean sync = t >= nextModelSync;
        modelSpec = modelKeda.step(t, modelSpec, metricRps, metricMilli, sync);
        nextModelSync = sync ? next(nextModelSync, t, syncMs) : nextModelSync;
      } else if (lag == null) {
        if (t >= nextModelSync) {
          modelSpec = model.stepAverageValue(t, modelSpec, metricMilli, modelTarget);
          nextModelSync = next(nextModelSync, t, syncMs);
        }
      } else {
        double capacity = serving * sim.saturationRps() * tickSec;
        queue = Math.max(0, queue + rps * tickSec - capacity);
        if (rps > 0) {
          lastUsedMs = t;
        }
        if (t >= nextStats && lag.autoscalingModelEnabled() && !sim.seldonVersion().nativeModelScalingInert()) {
          nextStats = next(nextStats, t, statsMs);
          int want = modelSpec;
          if (queue / Math.max(1, serving) >= lag.modelInferenceLagThreshold()) {
            want = modelSpec + 1;
          } else if (t - lastUsedMs >= lag.modelInactiveThreshold().toMillis()) {
            want = modelSpec - 1;
          }
          boolean stable = t - lastChangeMs >= stableMs;
          // without server autoscaling the scheduler scales up only onto server replicas that can load it
          boolean loadable = want <= modelSpec || fixedServer < 0 || want <= ready;
          if (want != modelSpec && stable && !failed && serving >= 1 && want >= Math.max(1, modelMin)
              && want <= modelMax && loadable) {
            modelSpec = want;
          }
        }
      }
      if (serverKeda != null) {
        boolean sync = t >= nextServerSync;
        serverSpec = serverKeda.step(t, serverSpec, metricRps, metricMilli, sync);
        nextServerSync = sync ? next(nextServerSync, t, syncMs) : nextServerSync;
      } else if (server != null) {
        if (t >= nextServerSync) {
          serverSpec = server.stepAverageValue(t, serverSpec, metricMilli, serverTarget);
          nextServerSync = next(nextServerSync, t, syncMs);
        }
      } else if (fixedServer < 0) {
        serverSpec = Math.min(modelSpec, serverMax);
      }
      // StatefulSet: new pods get the next ordinals, a scale-down removes the highest ones
      boolean changed = pods != serverSpec;
      while (pods < serverSpec) {
        started[pods++] = false;
      }
      if (pods > serverSpec) {
        pods = serverSpec;
      }
      // pods only change state when created or removed, when one serves, or while some wait to start
      if (changed || t >= nextReady || waiting) {
        int starting = 0;
        for (int i = 0; i < pods; i++) {
          if (started[i] && readyAt[i] > t) {
            starting++;
          }
        }
        ready = 0;
        waiting = false;
        nextReady = Long.MAX_VALUE;
        for (int i = 0; i < pods; i++) {
          if (!started[i]) {
            if (starting < maxStarting) {
              started[i] = true;
              readyAt[i] = t + startup.nextMillis();
              starting++;
            } else {
              waiting = true;
              continue;
            }
          }
          if (readyAt[i] <= t) {
            ready++;
          } else if (readyAt[i] < nextReady) {
            nextReady = readyAt[i];
          }
        }
      }
      // all-or-nothing placement, one model replica per server replica
      if (modelSpec <= ready) {
        serving = modelSpec;
        failed = false;
      } else {
        failed = true;
        serving = Math.min(serving, ready);
      }
      if (modelSpec != oldSpec || serving != oldServing || failed != oldFailed) {
        lastChangeMs = t;
      }
      rec.record(k, t / 1000.0, rps, metricRps, modelSpec, serving, serverSpec, ready, pods, failed);
    }
    return rec.finish(sim);
  }

  private static long next(long due, long t, long period) {
    long n = due + period;
    while (n <= t) {
      n += period;
    }
    return n;
  }
}
