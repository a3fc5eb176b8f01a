package io.github.seldonhpa.scaling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link Fleet#run()}: one summary per model, the fleet's figures, the fleet timeline (one
 * row per tick) and, when kept, every model's timeline; as text, an SVG fleet view and an HTML report.
 */
public final class FleetResult {
  private final Fleet fleet;
  private final Recorder rec;
  private final List<FleetModelSummary> models;
  private final int peakNodes;
  private final double nodeSeconds;

  private FleetResult(Fleet fleet, Recorder rec, List<FleetModelSummary> models, int peakNodes, double nodeSeconds) {
    this.fleet = fleet;
    this.rec = rec;
    this.models = models;
    this.peakNodes = peakNodes;
    this.nodeSeconds = nodeSeconds;
  }

  /** {@return the fleet that ran} */
  public Fleet fleet() {
    return fleet;
  }

  /** {@return one summary per model, in the order of the servers and their models} */
  public List<FleetModelSummary> models() {
    return models;
  }

  /** {@return the models that never converged} */
  public List<FleetModelSummary> neverConverged() {
    List<FleetModelSummary> out = new ArrayList<>();
    for (FleetModelSummary m : models) {
      if (!m.converged()) {
        out.add(m);
      }
    }
    return out;
  }

  /** {@return model-seconds above saturation, over all models} */
  public double secondsAboveSaturation() {
    return models.stream().mapToDouble(FleetModelSummary::secondsAboveSaturation).sum();
  }

  /** {@return model-seconds ScheduleFailed, over all models} */
  public double scheduleFailedSeconds() {
    return models.stream().mapToDouble(FleetModelSummary::scheduleFailedSeconds).sum();
  }

  /** {@return bound server pod-seconds over all servers: the cost} */
  public double serverReplicaSeconds() {
    double sum = 0;
    for (int i = 0; i < rec.steps; i++) {
      sum += rec.bound[i];
    }
    return sum * rec.tickSec;
  }

  /** {@return pending pod-seconds over all servers} */
  public double pendingPodSeconds() {
    double sum = 0;
    for (int i = 0; i < rec.steps; i++) {
      sum += rec.pending[i];
    }
    return sum * rec.tickSec;
  }

  /** {@return the most Pending pods at once} */
  public int peakPendingPods() {
    int max = 0;
    for (int i = 0; i < rec.steps; i++) {
      max = Math.max(max, rec.pending[i]);
    }
    return max;
  }

  /** {@return the most bound server pods at once} */
  public int peakBoundPods() {
    int max = 0;
    for (int i = 0; i < rec.steps; i++) {
      max = Math.max(max, rec.bound[i]);
    }
    return max;
  }

  /** {@return the most nodes at once (ready or starting)} */
  public int peakNodes() {
    return peakNodes;
  }

  /** {@return node-seconds (ready or starting)} */
  public double nodeSeconds() {
    return nodeSeconds;
  }

  /** {@return the number of ticks of the fleet timeline} */
  public int steps() {
    return rec.steps;
  }

  /**
   * {@return seconds since the start at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public double timeSeconds(int i) {
    return i * rec.tickSec;
  }

  /**
   * {@return bound (starting or ready) server pods at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int boundPods(int i) {
    return rec.bound[i];
  }

  /**
   * {@return pending server pods at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int pendingPods(int i) {
    return rec.pending[i];
  }

  /**
   * {@return Server pods the ready nodes fit at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public long capacityPods(int i) {
    return rec.capacity[i];
  }

  /**
   * {@return Server {@code spec.replicas} summed at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int demandedPods(int i) {
    return rec.demanded[i];
  }

  /**
   * {@return ready server pods at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int readyPods(int i) {
    return rec.readyPods[i];
  }

  /**
   * {@return the offered load of all models at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public double loadRps(int i) {
    return rec.load[i];
  }

  /**
   * {@return what the serving replicas can take at tick {@code i}: serving replicas times their saturation RPS}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public double servingCapacityRps(int i) {
    return rec.capacityRps[i];
  }

  /**
   * {@return models ScheduleFailed at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int modelsScheduleFailed(int i) {
    return rec.failed[i];
  }

  /**
   * {@return models above saturation at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int modelsAboveSaturation(int i) {
    return rec.above[i];
  }

  /**
   * {@return models whose HPA metric read failed at tick {@code i}}
   *
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int modelsWithMetricError(int i) {
    return rec.metricError[i];
  }

  /**
   * {@return serving replicas of model {@code m} at tick {@code i}, when model timelines are kept}
   *
   * @param m the model's index, in the order the fleet declares its models
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int servingReplicas(int m, int i) {
    return rec.modelServing[m][i];
  }

  /**
   * {@return Model {@code spec.replicas} of model {@code m} at tick {@code i}, when model timelines are kept}
   *
   * @param m the model's index, in the order the fleet declares its models
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public int desiredReplicas(int m, int i) {
    return rec.modelDesired[m][i];
  }

  /**
   * {@return the offered load of model {@code m} at tick {@code i}, when model timelines are kept}
   *
   * @param m the model's index, in the order the fleet declares its models
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public double rps(int m, int i) {
    return rec.modelRps[m][i];
  }

  /**
   * {@return whether model {@code m} was ScheduleFailed at tick {@code i}, when model timelines are kept}
   *
   * @param m the model's index, in the order the fleet declares its models
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public boolean scheduleFailed(int m, int i) {
    return rec.modelFailed[m][i];
  }

  /**
   * {@return whether model {@code m}'s HPA metric read failed at tick {@code i}, when model timelines are kept}
   *
   * @param m the model's index, in the order the fleet declares its models
   * @param i the tick, from 0 to {@code steps() - 1}
   */
  public boolean metricError(int m, int i) {
    return rec.modelError[m][i];
  }

  /** {@return whether per-model timelines were kept ({@link Fleet#keepModelTimelines()})} */
  public boolean hasModelTimelines() {
    return rec.modelServing.length > 0;
  }

  /** {@return the report: the setup, one row per model, the fleet's figures and the models that never converge} */
  public String report() {
    Cluster c = fleet.cluster();
    StringBuilder sb = new StringBuilder();
    int servers = fleet.servers().size();
    sb.append(String.format(Locale.ROOT, "fleet: %d models on %d servers, cluster %d nodes x %d pods%s, %s s\n",
        models.size(), servers, c.nodes(), c.podsPerNode(),
        c.maxNodes().isPresent() ? " (autoscaler up to " + c.maxNodes().getAsInt() + " nodes, node start-up "
            + c.nodeStartup().getSeconds() + " s)" : "", SimulationResult.num(rec.steps * rec.tickSec)));
    if (!fleet.faults().isEmpty()) {
      sb.append("faults: ");
      for (int i = 0; i < fleet.faults().size(); i++) {
        sb.append(i > 0 ? ", " : "").append(fleet.faults().get(i));
      }
      sb.append('\n');
    }
    sb.append("model | server | above saturation s | ScheduleFailed s | serving replica-s | server pod-s |"
        + " pending pod-s | peak pending | metric error s | peak model/server | converged\n");
    for (FleetModelSummary m : models) {
      sb.append(String.format(Locale.ROOT, "%s | %s | %s | %s | %s | %s | %s | %d | %s | %d/%d | %s\n", m.modelName(),
          m.serverName(), SimulationResult.num(m.secondsAboveSaturation()), SimulationResult.num(m.scheduleFailedSeconds()),
          SimulationResult.num(m.servingReplicaSeconds()), SimulationResult.num(m.serverReplicaSeconds()),
          SimulationResult.num(m.pendingPodSeconds()), m.peakPendingPods(), SimulationResult.num(m.metricErrorSeconds()),
          m.peakModelReplicas(), m.peakServerReplicas(), m.converged() ? "yes" : "no"));
    }
    sb.append(String.format(Locale.ROOT, "fleet: above saturation %s model-s, ScheduleFailed %s model-s,"
            + " server pod-s %s, pending pod-s %s, peak pending %d, peak bound pods %d, peak nodes %d, node-s %s\n",
        SimulationResult.num(secondsAboveSaturation()), SimulationResult.num(scheduleFailedSeconds()),
        SimulationResult.num(serverReplicaSeconds()), SimulationResult.num(pendingPodSeconds()), peakPendingPods(),
        peakBoundPods(), peakNodes, SimulationResult.num(nodeSeconds)));
    List<FleetModelSummary> stuck = neverConverged();
    if (stuck.isEmpty()) {
      sb.append("never converge: none\n");
    } else {
      for (FleetModelSummary m : stuck) {
        sb.append("never converges: ").append(m.modelName()).append(" (").append(m.notConvergedReason().orElse(""))
            .append(")\n");
      }
    }
    return sb.toString();
  }

  /**
   * {@return the fleet view as SVG: stacked serving replicas against the cluster's room, saturation and fault bands}
   *
   * @param title the chart's title, escaped for XML
   */
  public String toSvg(String title) {
    return FleetChart.render(title, this);
  }

  /**
   * {@return a self-contained HTML report (inline SVG and CSS, no network): the fleet view and one row per model}
   *
   * @param title the page's title and heading, escaped for HTML
   */
  public String toHtml(String title) {
    return FleetReport.html(title, this);
  }

  @Override
  public String toString() {
    return report();
  }

  /** The fleet timeline and, when kept, the model timelines; written by the engine. */
  static final class Recorder {
    final double tickSec;
    final int steps;
    final int[] bound;
    final int[] pending;
    final long[] capacity;
    final int[] demanded;
    final int[] readyPods;
    final int[] above;
    final int[] failed;
    final int[] metricError;
    final double[] load;
    final double[] capacityRps;
    final float[][] modelRps;
    final int[][] modelDesired;
    final int[][] modelServing;
    final boolean[][] modelFailed;
    final boolean[][] modelError;
    final FleetServer[] servers;
    final int[] firstModel;

    Recorder(Fleet fleet, FleetServer[] servers, FleetModel[] models, int[] firstModel, int steps) {
      this.tickSec = fleet.tick().toMillis() / 1000.0;
      this.steps = steps;
      this.servers = servers;
      this.firstModel = firstModel;
      bound = new int[steps];
      pending = new int[steps];
      capacity = new long[steps];
      demanded = new int[steps];
      readyPods = new int[steps];
      above = new int[steps];
      failed = new int[steps];
      metricError = new int[steps];
      load = new double[steps];
      capacityRps = new double[steps];
      int kept = fleet.keepModelTimelines() ? models.length : 0;
      int len = kept > 0 ? steps : 0;
      modelRps = new float[kept][len];
      modelDesired = new int[kept][len];
      modelServing = new int[kept][len];
      modelFailed = new boolean[kept][len];
      modelError = new boolean[kept][len];
    }

    void recordModel(int m, int k, double rps, int desired, int serving, boolean scheduleFailed, boolean error) {
      if (m < modelRps.length) {
        modelRps[m][k] = (float) rps;
        modelDesired[m][k] = desired;
        modelServing[m][k] = serving;
        modelFailed[m][k] = scheduleFailed;
        modelError[m][k] = error;
      }
    }

    void recordFleet(int k, int j, FleetEngine.Lane[] lanes, FleetEngine.ClusterState cluster, long boundPods,
        long pendingAfter) {
      int a = 0;
      int f = 0;
      int e = 0;
      long d = 0;
      long r = 0;
      double l = 0;
      double c = 0;
      for (FleetEngine.Lane ch : lanes) {
        a += ch.modelsAbove[j];
        f += ch.modelsFailed[j];
        e += ch.modelsMetricError[j];
        d += ch.demanded[j];
        r += ch.readyPods[j];
        l += ch.loadMilli[j];
        c += ch.capacityMilli[j];
      }
      bound[k] = (int) Math.min(Integer.MAX_VALUE, boundPods);
      pending[k] = (int) Math.min(Integer.MAX_VALUE, pendingAfter);
      capacity[k] = cluster.capacity();
      demanded[k] = (int) Math.min(Integer.MAX_VALUE, d);
      readyPods[k] = (int) Math.min(Integer.MAX_VALUE, r);
      above[k] = a;
      failed[k] = f;
      metricError[k] = e;
      load[k] = l / 1000.0;
      capacityRps[k] = c / 1000.0;
    }

    FleetResult finish(FleetEngine engine, FleetEngine.ClusterState cluster) {
      List<FleetModelSummary> out = new ArrayList<>();
      long endMs = Math.round(steps * tickSec * 1000);
      for (int s = 0; s < servers.length; s++) {
        for (int m = firstModel[s]; m < firstModel[s + 1]; m++) {
          out.add(engine.summary(m, s, endMs));
        }
      }
      return new FleetResult(engine.fleet(), this, Collections.unmodifiableList(out), cluster.peakNodes,
          cluster.nodeSeconds);
    }
  }
}
