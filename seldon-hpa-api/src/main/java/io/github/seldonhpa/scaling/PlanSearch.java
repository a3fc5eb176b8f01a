package io.github.seldonhpa.scaling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The outcome of {@link Planner#search()}: every candidate replayed, the cost/risk front and the chosen plan. */
public final class PlanSearch {
  private final Planner planner;
  private final List<PlanCandidate> evaluated;
  private final List<PlanCandidate> front;

  PlanSearch(Planner planner, List<PlanCandidate> all) {
    this.planner = planner;
    List<PlanCandidate> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingDouble(PlanCandidate::replicaSeconds)
        .thenComparingDouble(PlanCandidate::secondsAboveSaturation).thenComparing(c -> c.plan().toString()));
    this.evaluated = Collections.unmodifiableList(sorted);
    List<PlanCandidate> f = new ArrayList<>();
    double bestRisk = Double.POSITIVE_INFINITY;
    for (PlanCandidate c : sorted) {
      // cheapest first: a candidate is on the front when it is less risky than everything cheaper
      if (c.neverConverged() == 0 && c.secondsAboveSaturation() < bestRisk) {
        f.add(c);
        bestRisk = c.secondsAboveSaturation();
      }
    }
    this.front = Collections.unmodifiableList(f);
  }

  /** {@return every candidate replayed, cheapest first: the search's cost is their number of fleet replays} */
  public List<PlanCandidate> evaluated() {
    return evaluated;
  }

  /** {@return the Pareto front of converging candidates: cheapest first, each less risky than every cheaper one} */
  public List<PlanCandidate> front() {
    return front;
  }

  /**
   * {@return the chosen plan: the fewest replica-seconds within the planner's bound above saturation (with a cost
   * budget: the least time above saturation within it), every model converging; empty when no candidate
   * meets the bound}
   */
  public Optional<PlanCandidate> chosen() {
    return Planner.best(evaluated, planner).filter(PlanCandidate::feasible);
  }

  /**
   * {@return the least time above saturation at no more than {@code replicaSeconds}, strictly less than
   * {@code baseline}'s: a plan that beats the baseline on risk at no extra cost, if the search found one}
   *
   * @param baseline the candidate to beat, typically {@link Planner#evaluate} of the plan in use
   */
  public Optional<PlanCandidate> improveOn(PlanCandidate baseline) {
    PlanCandidate best = null;
    for (PlanCandidate c : front) {
      if (c.replicaSeconds() <= baseline.replicaSeconds()
          && c.secondsAboveSaturation() < baseline.secondsAboveSaturation()
          && (best == null || c.secondsAboveSaturation() < best.secondsAboveSaturation())) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@return the front and the chosen plan as a text table} */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "search: %d candidates replayed (seed %d, %d sampled, then coordinate"
        + " descent), saturation %s rps, %s\n", evaluated.size(), planner.seed(), planner.samples(),
        SimulationResult.num(planner.saturationRps()), bound()));
    sb.append("replica-s | above saturation s | ScheduleFailed s | settings\n");
    for (PlanCandidate c : front) {
      sb.append(String.format(Locale.ROOT, "%s | %s | %s | %s\n", SimulationResult.num(c.replicaSeconds()),
          SimulationResult.num(c.secondsAboveSaturation()), SimulationResult.num(c.scheduleFailedSeconds()),
          c.settings()));
    }
    Optional<PlanCandidate> chosen = chosen();
    sb.append(chosen.map(c -> "chosen: " + c + "\n").orElse("chosen: none; no candidate has " + bound()
        + " with every model converging" + (front.isEmpty() ? "" : "; the least risky is " + front.get(front.size() - 1))
        + "\n"));
    return sb.toString();
  }

  private String bound() {
    return planner.maxReplicaSeconds().isPresent()
        ? "at most " + SimulationResult.num(planner.maxReplicaSeconds().getAsDouble()) + " replica-s"
        : "at most " + SimulationResult.num(planner.maxSecondsAboveSaturation()) + " s above saturation";
  }

  /**
   * {@return the candidates as an SVG scatter of cost against risk, the front joined, the chosen plan ringed}
   *
   * @param title the chart's title, escaped for XML
   */
  public String toSvg(String title) {
    int w = 900;
    int h = 480;
    int left = 80;
    int top = 60;
    int pw = w - left - 30;
    int ph = h - top - 60;
    double maxCost = 1;
    double maxRisk = 1;
    for (PlanCandidate c : evaluated) {
      maxCost = Math.max(maxCost, c.replicaSeconds());
      maxRisk = Math.max(maxRisk, c.secondsAboveSaturation());
    }
    final double costAxis = FleetChart.nice(maxCost * 1.05);
    final double riskAxis = FleetChart.nice(maxRisk * 1.05);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        + "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n"
        + "<text x=\"%d\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#222\">%s</text>\n"
        + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#cccccc\"/>\n",
        w, h, w, h, w, h, left, FleetChart.esc(title), left, top, pw, ph));
    for (int g = 0; g <= 4; g++) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>\n", left + pw * g / 4.0, top + ph + 18,
          SimulationResult.num(costAxis * g / 4), left - 6, top + ph - ph * g / 4.0 + 4, SimulationResult.num(riskAxis * g / 4)));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">server"
        + " replica-seconds (cost)</text>\n<text x=\"20\" y=\"%d\" fill=\"#333\" transform=\"rotate(-90 20 %d)\""
        + " text-anchor=\"middle\">seconds above saturation (risk)</text>\n", left + pw / 2, h - 14, top + ph / 2,
        top + ph / 2));
    for (PlanCandidate c : evaluated) {
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\" opacity=\"0.6\"/>\n",
          left + pw * c.replicaSeconds() / costAxis, top + ph - ph * c.secondsAboveSaturation() / riskAxis,
          c.neverConverged() > 0 ? "#e15759" : "#9aa5b1"));
    }
    StringBuilder pts = new StringBuilder();
    for (PlanCandidate c : front) {
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + pw * c.replicaSeconds() / costAxis,
          top + ph - ph * c.secondsAboveSaturation() / riskAxis));
    }
    svg.append("<polyline points=\"").append(pts.toString().trim())
        .append("\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\"/>\n");
    chosen().ifPresent(c -> svg.append(String.format(Locale.ROOT,
        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"3\"/>\n"
            + "<text x=\"%.1f\" y=\"%.1f\" fill=\"#2e7d32\">chosen</text>\n",
        left + pw * c.replicaSeconds() / costAxis, top + ph - ph * c.secondsAboveSaturation() / riskAxis,
        left + pw * c.replicaSeconds() / costAxis + 10, top + ph - ph * c.secondsAboveSaturation() / riskAxis - 8)));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"48\" fill=\"#555\">grey: candidates · red: a model"
        + " never converges · blue: the front · green: chosen</text>\n</svg>\n", left));
    return svg.toString();
  }
}
