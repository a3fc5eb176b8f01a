package io.github.seldonhpa.scaling;

import java.util.Locale;

/**
 * The fleet's HTML report: one self-contained page (inline CSS and SVG, no script, no network) with the
 * fleet view, the fleet's figures, and one row per model with its figures and a strip of its serving
 * replicas against its load (when model timelines were kept).
 */
final class FleetReport {
  private static final int STRIP_W = 300;
  private static final int STRIP_H = 36;

  private FleetReport() {}

  static String html(String title, FleetResult r) {
    StringBuilder h = new StringBuilder(128 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(FleetChart.esc(title)).append("</title>\n<style>\n")
        .append("body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#222;background:#fff}\n")
        .append("table{border-collapse:collapse;margin-top:16px}\n")
        .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:right;font-size:13px}\n")
        .append("th{background:#eef1f5}td.name{text-align:left}\n")
        .append("tr.stuck td{background:#fdecea}\n.summary{margin:8px 0;font-size:14px}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(FleetChart.esc(title)).append("</h1>\n");
    h.append("<pre class=\"summary\">").append(FleetChart.esc(fleetLines(r))).append("</pre>\n");
    h.append(r.toSvg(title + ": fleet view"));
    h.append("<table>\n<tr><th>model</th><th>server</th><th>above saturation s</th><th>ScheduleFailed s</th>"
        + "<th>serving replica-s</th><th>server pod-s</th><th>pending pod-s</th><th>metric error s</th>"
        + "<th>peak model/server</th><th>converged</th>");
    if (r.hasModelTimelines()) {
      h.append("<th>serving capacity vs load</th>");
    }
    h.append("</tr>\n");
    for (int m = 0; m < r.models().size(); m++) {
      FleetModelSummary s = r.models().get(m);
      h.append(s.converged() ? "<tr>" : "<tr class=\"stuck\">")
          .append("<td class=\"name\">").append(FleetChart.esc(s.modelName())).append("</td><td class=\"name\">")
          .append(FleetChart.esc(s.serverName())).append("</td>");
      for (double v : new double[] {s.secondsAboveSaturation(), s.scheduleFailedSeconds(), s.servingReplicaSeconds(),
          s.serverReplicaSeconds(), s.pendingPodSeconds(), s.metricErrorSeconds()}) {
        h.append("<td>").append(SimulationResult.num(v)).append("</td>");
      }
      h.append("<td>").append(s.peakModelReplicas()).append('/').append(s.peakServerReplicas()).append("</td><td>")
          .append(s.converged() ? "yes" : "no: " + FleetChart.esc(s.notConvergedReason().orElse(""))).append("</td>");
      if (r.hasModelTimelines()) {
        h.append("<td>").append(strip(r, m)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String fleetLines(FleetResult r) {
    String report = r.report();
    StringBuilder sb = new StringBuilder();
    for (String line : report.split("\n")) {
      if (!line.contains(" | ")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  /** The model's serving capacity (green) against its load in replicas' worth (blue), ScheduleFailed in red. */
  private static String strip(FleetResult r, int m) {
    int n = r.steps();
    double sat = r.fleet().servers().stream().flatMap(s -> s.models().stream())
        .filter(x -> x.name().equals(r.models().get(m).modelName())).findFirst().orElseThrow().saturationRps();
    double max = 1;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(r.servingReplicas(m, i), r.rps(m, i) / sat));
    }
    int stride = Math.max(1, n / STRIP_W);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
        STRIP_W, STRIP_H));
    StringBuilder cap = new StringBuilder();
    StringBuilder load = new StringBuilder();
    for (int i = 0; i < n; i += stride) {
      double x = STRIP_W * (double) i / Math.max(1, n - 1);
      if (r.scheduleFailed(m, i)) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"#f6c9cc\"/>",
            x, Math.max(1.0, STRIP_W * (double) stride / n), STRIP_H));
      }
      cap.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, STRIP_H - STRIP_H * r.servingReplicas(m, i) / max));
      load.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, STRIP_H - STRIP_H * r.rps(m, i) / sat / max));
    }
    svg.append("<polyline points=\"").append(cap.toString().trim())
        .append("\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\"/>");
    svg.append("<polyline points=\"").append(load.toString().trim())
        .append("\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.5\"/></svg>");
    return svg.toString();
  }
}
