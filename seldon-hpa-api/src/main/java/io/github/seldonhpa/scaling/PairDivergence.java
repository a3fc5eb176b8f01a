package io.github.seldonhpa.scaling;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Where the Model HPA and the Server HPA of a single-model-serving pair can settle on different replica
 * counts for good. An AverageValue HPA at {@code n} replicas keeps {@code n} while
 * {@code usage / (target * n)} lies within {@code [1 - down, 1 + up]} (k8s-hpa.md §4, §5.2), so at a steady
 * load in {@code [(1 - down)(n + 1) t, (1 + up) n t]} an HPA at {@code n} and one at {@code n + 1} both stay
 * where they are. The two HPAs sync at different times (seed 002), so on a ramp one of them can stop a
 * replica short: Model above Server leaves the model {@code ScheduleFailed}, Server above Model leaves
 * server pods idle. With the default tolerance 0.1 the bands start at 5 replicas. A tolerance below
 * {@code 1 / (2 maxReplicas - 1)} in both directions of both HPAs closes them all.
 */
public final class PairDivergence {
  /** A range of steady loads, in the metric's units, where the two HPAs can rest at different counts. */
  public static final class Band {
    private final double fromLoad;
    private final double toLoad;
    private final int modelReplicas;
    private final int serverReplicas;

    Band(double fromLoad, double toLoad, int modelReplicas, int serverReplicas) {
      this.fromLoad = fromLoad;
      this.toLoad = toLoad;
      this.modelReplicas = modelReplicas;
      this.serverReplicas = serverReplicas;
    }

    /** {@return the lowest such load} */
    public double fromLoad() {
      return fromLoad;
    }

    /** {@return the highest such load} */
    public double toLoad() {
      return toLoad;
    }

    /** {@return the Model HPA's count} */
    public int modelReplicas() {
      return modelReplicas;
    }

    /** {@return the Server HPA's count} */
    public int serverReplicas() {
      return serverReplicas;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s..%s: Model %d, Server %d", SimulationResult.num(fromLoad),
          SimulationResult.num(toLoad), modelReplicas, serverReplicas);
    }
  }

  private final List<Band> bands;
  private final int maxReplicas;

  private PairDivergence(List<Band> bands, int maxReplicas) {
    this.bands = bands;
    this.maxReplicas = maxReplicas;
  }

  /**
   * {@return the bands of a Model HPA and its Server HPA, both with an Object or External AverageValue metric}
   *
   * @param modelHpa the Model HPA
   * @param serverHpa the Server HPA of the Server that hosts only that Model
   */
  public static PairDivergence of(Hpa modelHpa, Hpa serverHpa) {
    HpaController model = HpaController.of(modelHpa);
    HpaController server = HpaController.of(serverHpa);
    double tm = Simulation.targetMilli("modelHpa", modelHpa) / 1000.0;
    double ts = Simulation.targetMilli("serverHpa", serverHpa) / 1000.0;
    return of(model.minReplicas(), model.maxReplicas(), tm, model.downTolerance(), model.upTolerance(),
        server.minReplicas(), server.maxReplicas(), ts, server.downTolerance(), server.upTolerance());
  }

  /**
   * {@return the bands from the raw settings: each HPA's replica bounds, its target per replica and its down and up
   * tolerances}
   *
   * @param modelMin the Model HPA's {@code minReplicas}
   * @param modelMax the Model HPA's {@code maxReplicas}
   * @param modelTarget the Model HPA's target per replica, in metric units
   * @param modelDown the Model HPA's scale-down tolerance, such as 0.1
   * @param modelUp the Model HPA's scale-up tolerance, such as 0.1
   * @param serverMin the Server HPA's {@code minReplicas}
   * @param serverMax the Server HPA's {@code maxReplicas}
   * @param serverTarget the Server HPA's target per replica, in metric units
   * @param serverDown the Server HPA's scale-down tolerance
   * @param serverUp the Server HPA's scale-up tolerance
   */
  public static PairDivergence of(int modelMin, int modelMax, double modelTarget, double modelDown, double modelUp,
      int serverMin, int serverMax, double serverTarget, double serverDown, double serverUp) {
    List<Band> bands = new ArrayList<>();
    int lo = Math.max(1, Math.min(modelMin, serverMin));
    // the counts are bounded by the HPAs' maxReplicas; beyond a few thousand a pair is no Seldon pair
    int hi = Math.min(Math.max(modelMax, serverMax), 5000);
    for (int a = Math.max(1, modelMin); a <= Math.min(modelMax, hi); a++) {
      double aLo = (1 - modelDown) * a * modelTarget;
      double aHi = a == modelMax ? Double.POSITIVE_INFINITY : (1 + modelUp) * a * modelTarget;
      if (a == Math.max(lo, modelMin)) {
        aLo = 0;
      }
      // only nearby counts can overlap: the bands grow with n, so scan outward until they stop meeting
      for (int b = Math.max(lo, serverMin); b <= Math.min(serverMax, hi); b++) {
        if (b == a) {
          continue;
        }
        double bLo = b == Math.max(lo, serverMin) ? 0 : (1 - serverDown) * b * serverTarget;
        double bHi = b == serverMax ? Double.POSITIVE_INFINITY : (1 + serverUp) * b * serverTarget;
        double from = Math.max(aLo, bLo);
        double to = Math.min(aHi, bHi);
        if (from <= to && to < Double.POSITIVE_INFINITY) {
          bands.add(new Band(from, to, a, b));
        }
      }
    }
    return new PairDivergence(Collections.unmodifiableList(bands), Math.max(modelMax, serverMax));
  }

  /** {@return every band, by Model count then Server count} */
  public List<Band> bands() {
    return bands;
  }

  /** {@return the bands where the Model asks for more than the Server gives: the model stays {@code ScheduleFailed}} */
  public List<Band> scheduleFailedBands() {
    List<Band> out = new ArrayList<>();
    for (Band b : bands) {
      if (b.modelReplicas > b.serverReplicas) {
        out.add(b);
      }
    }
    return out;
  }

  /** {@return whether the pair can rest apart at some steady load} */
  public boolean possible() {
    return !bands.isEmpty();
  }

  /**
   * {@return a tolerance for both directions of both HPAs ({@code behavior.scaleUp/scaleDown.tolerance}) that
   * closes every band: {@code 1 / (2 maxReplicas - 1)} rounded down to a milli-unit, less one milli-unit}
   */
  public Quantity suggestedTolerance() {
    BigDecimal t = BigDecimal.ONE.divide(BigDecimal.valueOf(2L * maxReplicas - 1), 3, RoundingMode.DOWN)
        .subtract(new BigDecimal("0.001"));
    return Quantity.of(t.max(BigDecimal.ZERO));
  }

  /** {@return a one-line description: the ScheduleFailed load ranges (merged) and the suggested tolerance} */
  public String describe() {
    List<Band> failed = scheduleFailedBands();
    if (failed.isEmpty()) {
      return bands.isEmpty() ? "the Model and Server HPAs settle on the same count at every steady load"
          : "the Server HPA can rest above the Model HPA (idle server pods) at loads " + ranges(bands);
    }
    return "the Model HPA can rest above the Server HPA (the model stays ScheduleFailed) at steady loads "
        + ranges(failed) + "; a tolerance of " + suggestedTolerance() + " on both HPAs, both directions, avoids it";
  }

  private static String ranges(List<Band> bands) {
    List<double[]> merged = new ArrayList<>();
    List<Band> sorted = new ArrayList<>(bands);
    sorted.sort((x, y) -> Double.compare(x.fromLoad, y.fromLoad));
    for (Band b : sorted) {
      double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && b.fromLoad <= last[1]) {
        last[1] = Math.max(last[1], b.toLoad);
      } else {
        merged.add(new double[] {b.fromLoad, b.toLoad});
      }
    }
    StringBuilder sb = new StringBuilder();
    for (double[] r : merged) {
      sb.append(sb.length() > 0 ? ", " : "").append(SimulationResult.num(r[0])).append("..")
          .append(SimulationResult.num(r[1]));
    }
    return sb.toString();
  }
}
