package io.github.seldonhpa.scaling;

import java.util.Locale;

/** The same trace on HPA + prometheus-adapter and on KEDA ({@link KedaSimulation#compare()}). */
public final class KedaComparison {
  private final SimulationResult hpa;
  private final SimulationResult keda;

  KedaComparison(SimulationResult hpa, SimulationResult keda) {
    this.hpa = hpa;
    this.keda = keda;
  }

  /** {@return the HPA + adapter run} */
  public SimulationResult hpa() {
    return hpa;
  }

  /** {@return the KEDA run} */
  public SimulationResult keda() {
    return keda;
  }

  /**
   * {@return the Model's cold starts in {@code result}: how often it went from no replica serving to serving (after
   * its server pods started and loaded it), a run that starts at zero included}
   *
   * @param result a simulation run with model timelines
   */
  public static int coldStarts(SimulationResult result) {
    int starts = 0;
    int last = result.timeline().isEmpty() ? -1 : result.timeline().get(0).modelServing() == 0 ? 0 : -1;
    for (TimelineStep s : result.timeline()) {
      if (last == 0 && s.modelServing() > 0) {
        starts++;
      }
      last = s.modelServing();
    }
    return starts;
  }

  /** {@return the figures of both runs and their difference (KEDA - HPA), one per line} */
  public String report() {
    SimulationSummary h = hpa.summary();
    SimulationSummary k = keda.summary();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-32s %12s %12s %12s%n", "", "HPA+adapter", "KEDA", "KEDA-HPA"));
    row(sb, "above saturation (s)", h.secondsAboveSaturation(), k.secondsAboveSaturation());
    row(sb, "longest above saturation (s)", h.longestAboveSaturation(), k.longestAboveSaturation());
    row(sb, "ScheduleFailed (s)", h.scheduleFailedSeconds(), k.scheduleFailedSeconds());
    row(sb, "server replica-seconds", h.serverReplicaSeconds(), k.serverReplicaSeconds());
    row(sb, "serving model replica-seconds", h.servingReplicaSeconds(), k.servingReplicaSeconds());
    row(sb, "cold starts from zero", coldStarts(hpa), coldStarts(keda));
    row(sb, "peak model replicas", h.peakModelReplicas(), k.peakModelReplicas());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, double hpa, double keda) {
    sb.append(String.format(Locale.ROOT, "%-32s %12s %12s %12s%n", name, SimulationResult.num(hpa),
        SimulationResult.num(keda), (keda - hpa > 0 ? "+" : "") + SimulationResult.num(keda - hpa)));
  }
}
