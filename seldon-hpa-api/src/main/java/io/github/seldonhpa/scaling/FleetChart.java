package io.github.seldonhpa.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The fleet view as self-contained SVG: serving replicas stacked per model (the largest six, the rest as
 * "other models"; one area when model timelines were not kept) under the bound pods, the demanded pods and the
 * cluster's room, with Pending pods on top; below, a band per tick shaded by the share of models above
 * saturation and a band marking metric errors (faults).
 */
final class FleetChart {
  static final int WIDTH = 1000;
  private static final int LEFT = 70;
  private static final int PLOT_W = WIDTH - LEFT - 30;
  private static final int TOP = 80;
  private static final int PLOT_H = 300;
  private static final int BAND_H = 22;
  private static final int MAX_POINTS = 1000;
  private static final String[] COLORS = {"#4e79a7", "#59a14f", "#edc948", "#b07aa1", "#76b7b2", "#ff9da7",
      "#bab0ac"};

  private FleetChart() {}

  static String render(String title, FleetResult r) {
    int n = r.steps();
    int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    double tEnd = Math.max(1, r.timeSeconds(n - 1));
    double max = 1;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(r.capacityPods(i) > Integer.MAX_VALUE ? 0 : r.capacityPods(i),
          Math.max(r.demandedPods(i), r.boundPods(i) + r.pendingPods(i))));
    }
    max = nice(max * 1.05);
    StringBuilder svg = new StringBuilder(64 * 1024);
    int height = TOP + PLOT_H + 2 * BAND_H + 110;
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n", WIDTH, height,
        WIDTH, height));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, height));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"18\" font-weight=\"bold\""
        + " fill=\"#222\">%s</text>\n", LEFT, esc(title)));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"50\" fill=\"#555\">%d models · above saturation %s"
            + " model-s · ScheduleFailed %s model-s · %s server pod-s · peak Pending %d · never converge %d</text>\n",
        LEFT, r.models().size(), SimulationResult.num(r.secondsAboveSaturation()),
        SimulationResult.num(r.scheduleFailedSeconds()), SimulationResult.num(r.serverReplicaSeconds()),
        r.peakPendingPods(), r.neverConverged().size()));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\""
        + " stroke=\"#cccccc\"/>\n", LEFT, TOP, PLOT_W, PLOT_H));
    for (int g = 0; g <= 4; g++) {
      double v = max * g / 4;
      double yy = y(v, max);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>\n"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>\n", LEFT, yy, LEFT + PLOT_W, yy,
          LEFT - 6, yy + 4, SimulationResult.num(v)));
    }
    List<String> labels = new ArrayList<>();
    List<String> colors = new ArrayList<>();
    double[] base = new double[n];
    if (r.hasModelTimelines()) {
      List<Integer> order = new ArrayList<>();
      for (int m = 0; m < r.models().size(); m++) {
        order.add(m);
      }
      order.sort(Comparator.comparingInt((Integer m) -> -r.models().get(m).peakModelReplicas()).thenComparing(m -> m));
      int shown = Math.min(order.size(), COLORS.length - 1);
      for (int c = 0; c <= shown; c++) {
        double[] top = base.clone();
        boolean any = false;
        for (int idx = c; idx < (c < shown ? c + 1 : order.size()); idx++) {
          int m = order.get(idx);
          any = true;
          for (int i = 0; i < n; i++) {
            top[i] += r.servingReplicas(m, i);
          }
        }
        if (!any) {
          continue;
        }
        band(svg, r, base, top, max, tEnd, stride, COLORS[c]);
        labels.add(c < shown ? r.models().get(order.get(c)).modelName() : "other models");
        colors.add(COLORS[c]);
        base = top;
      }
    } else {
      double[] top = new double[n];
      for (int i = 0; i < n; i++) {
        top[i] = r.boundPods(i);
      }
      band(svg, r, base, top, max, tEnd, stride, COLORS[0]);
      labels.add("bound server pods");
      colors.add(COLORS[0]);
    }
    double[] pendingTop = new double[n];
    double[] boundLine = new double[n];
    double[] demanded = new double[n];
    double[] room = new double[n];
    for (int i = 0; i < n; i++) {
      boundLine[i] = r.boundPods(i);
      pendingTop[i] = r.boundPods(i) + r.pendingPods(i);
      demanded[i] = r.demandedPods(i);
      room[i] = Math.min(r.capacityPods(i), max);
    }
    band(svg, r, boundLine, pendingTop, max, tEnd, stride, "#e15759");
    labels.add("Pending pods");
    colors.add("#e15759");
    step(svg, r, boundLine, max, tEnd, stride, "#333333", null);
    labels.add("bound pods");
    colors.add("#333333");
    step(svg, r, demanded, max, tEnd, stride, "#7b1fa2", "6,4");
    labels.add("demanded (spec.replicas)");
    colors.add("#7b1fa2");
    step(svg, r, room, max, tEnd, stride, "#c62828", "2,3");
    labels.add("cluster room");
    colors.add("#c62828");
    for (int l = 0; l < labels.size(); l++) {
      int x = LEFT + (l % 5) * 180;
      int yy = TOP - 14 - 14 * (1 - l / 5);
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s</text>\n", x, yy - 9, colors.get(l), x + 16, yy, esc(labels.get(l))));
    }
    int bandTop = TOP + PLOT_H + 14;
    shade(svg, r, bandTop, tEnd, true);
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">saturated</text>\n",
        LEFT - 6, bandTop + 15));
    shade(svg, r, bandTop + BAND_H + 6, tEnd, false);
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">metric err</text>\n",
        LEFT - 6, bandTop + BAND_H + 21));
    boolean minutes = tEnd > 600;
    for (int g = 0; g <= 5; g++) {
      double tt = tEnd * g / 5;
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
          x(tt, tEnd), bandTop + 2 * BAND_H + 24, SimulationResult.num(minutes ? tt / 60 : tt)));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">time (%s)"
        + "</text>\n</svg>\n", LEFT + PLOT_W / 2, bandTop + 2 * BAND_H + 44, minutes ? "minutes" : "seconds"));
    return svg.toString();
  }

  private static void band(StringBuilder svg, FleetResult r, double[] lo, double[] hi, double max, double tEnd,
      int stride, String color) {
    StringBuilder pts = new StringBuilder();
    int n = lo.length;
    for (int i = 0; i < n; i += stride) {
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(r.timeSeconds(i), tEnd), y(hi[i], max)));
    }
    for (int i = (n - 1) / stride * stride; i >= 0; i -= stride) {
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(r.timeSeconds(i), tEnd), y(lo[i], max)));
    }
    svg.append("<polygon points=\"").append(pts.toString().trim()).append("\" fill=\"").append(color)
        .append("\" opacity=\"0.85\"/>\n");
  }

  private static void step(StringBuilder svg, FleetResult r, double[] v, double max, double tEnd, int stride,
      String color, String dash) {
    StringBuilder pts = new StringBuilder();
    double last = Double.NaN;
    for (int i = 0; i < v.length; i += stride) {
      double xx = x(r.timeSeconds(i), tEnd);
      if (!Double.isNaN(last)) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xx, y(last, max)));
      }
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xx, y(v[i], max)));
      last = v[i];
    }
    svg.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
        .append(color).append("\" stroke-width=\"2\"").append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
        .append("/>\n");
  }

  /** One strip of cells: the share of models above saturation (red) or with a metric error (grey). */
  private static void shade(StringBuilder svg, FleetResult r, int top, double tEnd, boolean saturation) {
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f4f4\"/>\n",
        LEFT, top, PLOT_W, BAND_H));
    int n = r.steps();
    int models = Math.max(1, r.models().size());
    int i = 0;
    while (i < n) {
      int count = saturation ? r.modelsAboveSaturation(i) : r.modelsWithMetricError(i);
      int j = i;
      while (j + 1 < n && (saturation ? r.modelsAboveSaturation(j + 1) : r.modelsWithMetricError(j + 1)) == count) {
        j++;
      }
      if (count > 0) {
        double x0 = x(r.timeSeconds(i), tEnd);
        double x1 = j + 1 < n ? x(r.timeSeconds(j + 1), tEnd) : LEFT + PLOT_W;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\""
            + " opacity=\"%.2f\"/>\n", x0, top, Math.max(1, x1 - x0), BAND_H, saturation ? "#c62828" : "#555555",
            0.25 + 0.75 * count / models));
      }
      i = j + 1;
    }
  }

  private static double x(double t, double tEnd) {
    return LEFT + PLOT_W * t / tEnd;
  }

  private static double y(double v, double max) {
    return TOP + PLOT_H - PLOT_H * Math.min(v, max) / max;
  }

  static double nice(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1e-9))));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
