package io.github.seldonhpa.scaling;

import java.util.List;
import java.util.Locale;

/**
 * Renders a timeline as a self-contained SVG: offered load and serving capacity, load per serving replica
 * against the saturation line, and desired versus serving replicas, with ScheduleFailed time shaded.
 */
final class SvgChart {
  private static final int WIDTH = 1000;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int PLOT_W = WIDTH - LEFT - RIGHT;
  private static final int MAX_POINTS = 1500;
  private static final String FAILED_FILL = "#f6c9cc";

  private SvgChart() {}

  static String render(String title, SimulationResult result) {
    List<TimelineStep> steps = result.timeline();
    SimulationSummary sum = result.summary();
    int n = steps.size();
    double[] t = new double[n];
    double[] rps = new double[n];
    double[] metric = new double[n];
    double[] capacity = new double[n];
    double[] load = new double[n];
    double[] modelDesired = new double[n];
    double[] serving = new double[n];
    double[] serverDesired = new double[n];
    double[] serverReady = new double[n];
    boolean[] failed = new boolean[n];
    double sat = sum.saturationRps();
    for (int i = 0; i < n; i++) {
      TimelineStep s = steps.get(i);
      t[i] = s.timeSeconds();
      rps[i] = s.rps();
      metric[i] = s.metricRps();
      capacity[i] = s.modelServing() * sat;
      load[i] = s.loadPerServingReplica();
      modelDesired[i] = s.modelDesired();
      serving[i] = s.modelServing();
      serverDesired[i] = s.serverDesired();
      serverReady[i] = s.serverReady();
      failed[i] = s.scheduleFailed();
    }
    double tEnd = n == 0 ? 1 : Math.max(t[n - 1], 1);
    boolean minutes = tEnd > 600;
    StringBuilder svg = new StringBuilder(64 * 1024);
    int[] tops = {88, 318, 548};
    int[] heights = {170, 170, 190};
    int height = tops[2] + heights[2] + 60;
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n", WIDTH, height, WIDTH, height));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, height));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#222\">%s</text>\n", LEFT, esc(title)));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"52\" fill=\"#555\">above saturation %s s (longest %s s) · peak %s rps per replica ·"
            + " ScheduleFailed %s s · %s server replica-seconds</text>\n", LEFT,
        SimulationResult.num(sum.secondsAboveSaturation()), SimulationResult.num(sum.longestAboveSaturation()),
        SimulationResult.num(sum.peakLoadPerServingReplica()), SimulationResult.num(sum.scheduleFailedSeconds()),
        SimulationResult.num(sum.serverReplicaSeconds())));

    double maxRps = nice(1.05 * Math.max(max(rps), max(capacity)));
    double loadCap = Math.max(sat * 1.5, finiteMax(load));
    double maxLoad = nice(loadCap);
    double maxReplicas = nice(1.05 * Math.max(Math.max(max(modelDesired), max(serverDesired)), 1));

    panel(svg, tops[0], heights[0], "Offered load (RPS)", maxRps, t, tEnd, failed, minutes, false);
    area(svg, tops[0], heights[0], maxRps, t, tEnd, capacity, "#cfe8d5", 0.9);
    line(svg, tops[0], heights[0], maxRps, t, tEnd, metric, "#8c8c8c", "5,4", 1.5);
    line(svg, tops[0], heights[0], maxRps, t, tEnd, rps, "#1f5fbf", null, 2);
    legend(svg, tops[0], new String[] {"offered RPS", "mean RPS over the metric window (what the HPAs read)",
        "serving capacity (serving replicas × saturation)", "ScheduleFailed"},
        new String[] {"#1f5fbf", "#8c8c8c", "#cfe8d5", FAILED_FILL}, new boolean[] {false, true, false, false},
        new boolean[] {false, false, true, true});

    panel(svg, tops[1], heights[1], "Load per serving replica (RPS)", maxLoad, t, tEnd, failed, minutes, false);
    double satY = y(tops[1], heights[1], sat, maxLoad);
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#fdecea\"/>\n", LEFT, (double) tops[1],
        PLOT_W, satY - tops[1]));
    line(svg, tops[1], heights[1], maxLoad, t, tEnd, load, "#e07b00", null, 2);
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c62828\" stroke-width=\"1.5\""
            + " stroke-dasharray=\"6,4\"/>\n", LEFT, satY, LEFT + PLOT_W, satY));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#c62828\">saturation %s rps</text>\n",
        LEFT + PLOT_W - 4, satY - 4, SimulationResult.num(sat)));
    legend(svg, tops[1], new String[] {"load per serving replica", "saturation", "SLA breached above the line"},
        new String[] {"#e07b00", "#c62828", "#fdecea"}, new boolean[] {false, true, false},
        new boolean[] {false, false, true});

    panel(svg, tops[2], heights[2], "Replicas", maxReplicas, t, tEnd, failed, minutes, true);
    area(svg, tops[2], heights[2], maxReplicas, t, tEnd, serving, "#a5d6a7", 0.8);
    step(svg, tops[2], heights[2], maxReplicas, t, tEnd, serverReady, "#2e7d32", null, 2);
    step(svg, tops[2], heights[2], maxReplicas, t, tEnd, serverDesired, "#555555", "2,3", 1.5);
    step(svg, tops[2], heights[2], maxReplicas, t, tEnd, modelDesired, "#7b1fa2", "7,4", 2);
    legend(svg, tops[2], new String[] {"model serving", "server ready", "server desired", "model desired"},
        new String[] {"#a5d6a7", "#2e7d32", "#555555", "#7b1fa2"}, new boolean[] {false, false, true, true},
        new boolean[] {true, false, false, false});
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">time (%s)</text>\n", LEFT + PLOT_W / 2,
        tops[2] + heights[2] + 40, minutes ? "minutes" : "seconds"));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void panel(StringBuilder svg, int top, int h, String label, double max, double[] t, double tEnd,
      boolean[] failed, boolean minutes, boolean integers) {
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#cccccc\"/>\n", LEFT, top,
        PLOT_W, h));
    // ScheduleFailed bands behind the data
    int i = 0;
    while (i < t.length) {
      if (!failed[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < t.length && failed[j + 1]) {
        j++;
      }
      double x0 = x(t[i], tEnd);
      double x1 = j + 1 < t.length ? x(t[j + 1], tEnd) : LEFT + PLOT_W;
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.7\"/>\n", x0, top,
          Math.max(1, x1 - x0), h, FAILED_FILL));
      i = j + 1;
    }
    double stepY = niceStep(max / 4, integers);
    for (double v = 0; v <= max + 1e-9; v += stepY) {
      double yy = y(top, h, v, max);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>\n", LEFT, yy, LEFT + PLOT_W, yy));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444\">%s</text>\n", LEFT - 6, yy + 4,
          SimulationResult.num(v)));
    }
    double unit = minutes ? 60 : 1;
    double stepX = niceStep(tEnd / unit / 8, true);
    for (double v = 0; v <= tEnd / unit + 1e-9; v += stepX) {
      double xx = x(v * unit, tEnd);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>\n", xx, top + h, xx, top + h + 4));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">%s</text>\n", xx, top + h + 17,
          SimulationResult.num(v)));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 %d %d)\" fill=\"#333\">%s</text>\n",
        18, top + h / 2, 18, top + h / 2, esc(label)));
  }

  private static void legend(StringBuilder svg, int top, String[] names, String[] colors, boolean[] dashed,
      boolean[] filled) {
    double xx = LEFT;
    for (int i = 0; i < names.length; i++) {
      double yy = top - 9;
      if (filled[i]) {
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"18\" height=\"10\" fill=\"%s\"/>\n", xx, yy - 5, colors[i]));
      } else {
        svg.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"%s/>\n", xx, yy,
            xx + 18, yy, colors[i], dashed[i] ? " stroke-dasharray=\"4,3\"" : ""));
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#333\">%s</text>\n", xx + 23,
          yy + 4, esc(names[i])));
      xx += 23 + names[i].length() * 6.4 + 18;
    }
  }

  private static void line(StringBuilder svg, int top, int h, double max, double[] t, double tEnd, double[] v,
      String color, String dash, double width) {
    svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(width)
        .append('"');
    if (dash != null) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append(" stroke-linejoin=\"round\" points=\"");
    int stride = Math.max(1, t.length / MAX_POINTS);
    for (int i = 0; i < t.length; i += stride) {
      double peak = 0;
      for (int j = i; j < Math.min(t.length, i + stride); j++) {
        peak = Math.max(peak, v[j]);
      }
      svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t[i], tEnd), y(top, h, Math.min(peak, max), max)));
    }
    svg.append("\"/>\n");
  }

  private static void step(StringBuilder svg, int top, int h, double max, double[] t, double tEnd, double[] v,
      String color, String dash, double width) {
    svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(width)
        .append('"');
    if (dash != null) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append(" points=\"").append(stepPoints(top, h, max, t, tEnd, v)).append("\"/>\n");
  }

  private static void area(StringBuilder svg, int top, int h, double max, double[] t, double tEnd, double[] v,
      String color, double opacity) {
    if (t.length == 0) {
      return;
    }
    String base = String.format(Locale.ROOT, "%.1f,%.1f", (double) LEFT, (double) top + h);
    svg.append(String.format(Locale.ROOT, "<polygon fill=\"%s\" opacity=\"%s\" points=\"%s %s %.1f,%.1f\"/>\n",
        color, opacity, base, stepPoints(top, h, max, t, tEnd, v), (double) LEFT + PLOT_W, (double) top + h));
  }

  private static String stepPoints(int top, int h, double max, double[] t, double tEnd, double[] v) {
    StringBuilder sb = new StringBuilder();
    double prev = Double.NaN;
    for (int i = 0; i < t.length; i++) {
      if (v[i] == prev && i != t.length - 1) {
        continue;
      }
      double xx = x(t[i], tEnd);
      if (!Double.isNaN(prev)) {
        sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", xx, y(top, h, prev, max)));
      }
      sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", xx, y(top, h, v[i], max)));
      prev = v[i];
    }
    if (t.length > 0) {
      sb.append(String.format(Locale.ROOT, "%.1f,%.1f", (double) LEFT + PLOT_W, y(top, h, prev, max)));
    }
    return sb.toString();
  }

  private static double x(double t, double tEnd) {
    return LEFT + PLOT_W * t / tEnd;
  }

  private static double y(int top, int h, double v, double max) {
    return top + h - h * v / max;
  }

  private static double max(double[] v) {
    double m = 0;
    for (double d : v) {
      m = Math.max(m, d);
    }
    return m;
  }

  private static double finiteMax(double[] v) {
    double m = 0;
    for (double d : v) {
      if (Double.isFinite(d)) {
        m = Math.max(m, d);
      }
    }
    return m;
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}. */
  private static double nice(double v) {
    if (v <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (m * p >= v - 1e-9) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static double niceStep(double raw, boolean integers) {
    if (raw <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double s = 10 * p;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        s = m * p;
        break;
      }
    }
    return integers ? Math.max(1, Math.round(s)) : s;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
