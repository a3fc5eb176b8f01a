package io.github.seldonhpa.scaling;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

/** The outcome of {@link Simulation#run()}: the per-step timeline, its summary and renderings. */
public final class SimulationResult {
  private final Simulation simulation;
  private final Recorder rows;
  private final SimulationSummary summary;

  private SimulationResult(Simulation simulation, Recorder rows, SimulationSummary summary) {
    this.simulation = simulation;
    this.rows = rows;
    this.summary = summary;
  }

  /** {@return the simulation that produced this result} */
  public Simulation simulation() {
    return simulation;
  }

  /** {@return one step per tick, in time order (empty after {@link Simulation#summarize()})} */
  public List<TimelineStep> timeline() {
    return new AbstractList<TimelineStep>() {
      @Override
      public TimelineStep get(int i) {
        if (i < 0 || i >= rows.size) {
          throw new IndexOutOfBoundsException("step " + i + " of " + rows.size);
        }
        return new TimelineStep(rows.time[i], rows.rps[i], rows.metric[i], rows.modelDesired[i],
            rows.serving[i], rows.serverDesired[i], rows.serverReady[i], rows.failed[i], rows.saturation);
      }

      @Override
      public int size() {
        return rows.size;
      }
    };
  }

  /** {@return the summary figures} */
  public SimulationSummary summary() {
    return summary;
  }

  /**
   * {@return the timeline as CSV: {@code time_seconds,rps,metric_rps,model_desired,model_serving,server_desired,
   * server_ready,schedule_failed,load_per_serving_replica}}
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(64 * (rows.size + 1));
    sb.append("time_seconds,rps,metric_rps,model_desired,model_serving,server_desired,server_ready,"
        + "schedule_failed,load_per_serving_replica\n");
    for (TimelineStep s : timeline()) {
      sb.append(csvRow(s)).append('\n');
    }
    return sb.toString();
  }

  /**
   * {@return an SVG chart of the timeline titled {@code title}: load, load per serving replica, replicas}
   *
   * @param title the chart's title, escaped for XML
   */
  public String toSvg(String title) {
    return SvgChart.render(title, this);
  }

  static String csvRow(TimelineStep s) {
    return String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d,%b,%s", num(s.timeSeconds()), num(s.rps()),
        num(s.metricRps()), s.modelDesired(), s.modelServing(), s.serverDesired(), s.serverReady(),
        s.scheduleFailed(), num(s.loadPerServingReplica()));
  }

  static String num(double v) {
    if (Double.isInfinite(v)) {
      return "inf";
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static double load(double rps, int serving) {
    if (serving > 0) {
      return rps / serving;
    }
    return rps > 0 ? Double.POSITIVE_INFINITY : 0;
  }

  /** Collects rows (when kept) and the summary accumulators. */
  static final class Recorder {
    final double[] time;
    final double[] rps;
    final double[] metric;
    final int[] modelDesired;
    final int[] serving;
    final int[] serverDesired;
    final int[] serverReady;
    final boolean[] failed;
    final double saturation;
    final double tickSec;
    int size;

    double aboveSeconds;
    double streak;
    double longestStreak;
    double peakLoad;
    double failedSeconds;
    double serverPodSeconds;
    double servingSeconds;
    int peakModel;
    int peakServer;
    int steps;

    Recorder(int capacity, double tickSec, double saturation) {
      time = new double[capacity];
      rps = new double[capacity];
      metric = new double[capacity];
      modelDesired = new int[capacity];
      serving = new int[capacity];
      serverDesired = new int[capacity];
      serverReady = new int[capacity];
      failed = new boolean[capacity];
      this.tickSec = tickSec;
      this.saturation = saturation;
    }

    void record(int k, double t, double load, double metricRps, int modelSpec, int modelServing, int serverSpec,
        int ready, int pods, boolean scheduleFailed) {
      if (k < time.length) {
        time[k] = t;
        rps[k] = load;
        metric[k] = metricRps;
        modelDesired[k] = modelSpec;
        serving[k] = modelServing;
        serverDesired[k] = serverSpec;
        serverReady[k] = ready;
        failed[k] = scheduleFailed;
        size = k + 1;
      }
      steps++;
      double perReplica = load(load, modelServing);
      if (perReplica > saturation) {
        aboveSeconds += tickSec;
        streak += tickSec;
        longestStreak = Math.max(longestStreak, streak);
      } else {
        streak = 0;
      }
      peakLoad = Math.max(peakLoad, perReplica);
      if (scheduleFailed) {
        failedSeconds += tickSec;
      }
      serverPodSeconds += pods * tickSec;
      servingSeconds += modelServing * tickSec;
      peakModel = Math.max(peakModel, modelSpec);
      peakServer = Math.max(peakServer, serverSpec);
    }

    SimulationResult finish(Simulation sim) {
      SimulationSummary summary = new SimulationSummary(steps * tickSec, aboveSeconds, longestStreak, peakLoad,
          saturation, failedSeconds, serverPodSeconds, servingSeconds, peakModel, peakServer);
      return new SimulationResult(sim, this, summary);
    }
  }
}
