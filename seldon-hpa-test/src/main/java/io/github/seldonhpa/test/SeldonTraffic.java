package io.github.seldonhpa.test;

import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.promql.Series;
import io.github.seldonhpa.scaling.RpsTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inference traffic of Seldon Core 2 agents as Prometheus scraped it: for each {@link AgentSeries} a load
 * in requests per second over time, written as the counters {@code seldon_model_infer_total} and
 * {@code seldon_model_infer_seconds_total} (requests times {@link AgentSeries#secondsPerRequest()}), and per
 * server replica and method the agent's sums over its models, {@code seldon_model_aggregate_infer_total} and
 * {@code seldon_model_aggregate_infer_seconds_total} (without {@code model}, {@code model_internal} and
 * {@code code}), one sample per scrape, as OpenMetrics text for
 * {@code promtool tsdb create-blocks-from openmetrics}.
 *
 * <p>Samples are at {@code end}, {@code end - scrapeInterval}, ... back to {@code end - history} (by default
 * 15 s, Seldon's PodMonitor interval, over one hour). Every counter is 0 at the first sample and grows by the
 * load integrated over each second (the load at the middle of the second), so constant loads, ramps and
 * steps with their corners on whole seconds give exact counters, and a rate that is a binary fraction
 * ({@code 2.5}, {@code 0.125}) gives counters, sums and {@code rate()} results that are exact doubles.
 *
 * <p>Immutable: every method returns a copy.
 *
 * <pre>{@code
 * AgentSeries irisa0 = AgentSeries.model("irisa0").namespace("seldon-mesh").server("mlserver");
 * SeldonTraffic traffic = SeldonTraffic.endingAt(Instant.parse("2026-01-01T00:00:00Z"))
 *     .constant(irisa0.replica(0), 2.5)
 *     .ramp(irisa0.replica(1), 0, 4, end.minusSeconds(1800), end.minusSeconds(600))
 *     .trace(irisa0.replica(2).methodType("grpc"), RpsTrace.readCsv(Path.of("load.csv")));
 * }</pre>
 */
public final class SeldonTraffic {
  /** One series and its load. */
  public static final class Load {
    private final AgentSeries series;
    private final RpsTrace trace;

    Load(AgentSeries series, RpsTrace trace) {
      this.series = series;
      this.trace = trace;
    }

    /** {@return the series} */
    public AgentSeries series() {
      return series;
    }

    /** {@return its requests per second, as a function of the seconds since the first sample} */
    public RpsTrace trace() {
      return trace;
    }
  }

  /** The labels of a model series that its server replica's aggregate series do not have. */
  private static final List<String> MODEL_ONLY_LABELS = List.of("model", "model_internal", "code");

  private final Instant end;
  private final Duration scrapeInterval;
  private final Duration history;
  private final List<Load> loads;

  private SeldonTraffic(Instant end, Duration scrapeInterval, Duration history, List<Load> loads) {
    this.end = end;
    this.scrapeInterval = scrapeInterval;
    this.history = history;
    this.loads = loads;
  }

  /**
   * {@return no traffic yet, with samples every 15 s over the hour before {@code end} (the last sample)}
   *
   * @param end the time of the last sample
   */
  public static SeldonTraffic endingAt(Instant end) {
    Validation.check(end != null, "end must be set (was null)");
    Validation.check(end.getNano() % 1_000_000 == 0, "end must be whole milliseconds, Prometheus' precision (was %s)",
        end);
    return new SeldonTraffic(end, Duration.ofSeconds(15), Duration.ofHours(1), List.of());
  }

  /** {@return the last sample: a scrape, and the natural evaluation time of the tests' queries} */
  public Instant end() {
    return end;
  }

  /** {@return the first sample, {@code end - history}} */
  public Instant start() {
    return end.minus(history);
  }

  /** {@return the time between samples} */
  public Duration scrapeInterval() {
    return scrapeInterval;
  }

  /**
   * {@return a copy with samples this far apart: whole seconds, at least 1 s, set before any series is added}
   *
   * @param interval the scrape interval
   */
  public SeldonTraffic scrapeInterval(Duration interval) {
    return new SeldonTraffic(end, checkTiming("scrapeInterval", interval), history, loads);
  }

  /** {@return how far back the samples go} */
  public Duration history() {
    return history;
  }

  /**
   * {@return a copy with samples this far back from {@code end}: whole seconds, a whole number of scrape intervals
   * (checked when the first series is added), set before any series is added}
   *
   * @param history how far back the samples go
   */
  public SeldonTraffic history(Duration history) {
    return new SeldonTraffic(end, scrapeInterval, checkTiming("history", history), loads);
  }

  /** {@return the series and their loads, in the order they were added} */
  public List<Load> loads() {
    return loads;
  }

  /** {@return samples per series: one per scrape from {@code start()} to {@code end()}, both included} */
  public int samplesPerSeries() {
    return (int) (history.getSeconds() / scrapeInterval.getSeconds()) + 1;
  }

  /**
   * {@return a copy with the series at a constant {@code rps}}
   *
   * @param series the agent series to add
   * @param rps the requests per second, finite and at least 0
   */
  public SeldonTraffic constant(AgentSeries series, double rps) {
    return trace(series, RpsTrace.constant(rps, history));
  }

  /**
   * {@return a copy with the series at {@code from} rps until {@code rampStart}, then linearly to {@code to} at
   * {@code rampEnd}, then {@code to}}
   *
   * @param series the agent series to add
   * @param from the requests per second before the ramp
   * @param to the requests per second after the ramp
   * @param rampStart when the ramp starts, at or after {@code start()}
   * @param rampEnd when the ramp ends: after {@code rampStart}, at or before the last sample
   */
  public SeldonTraffic ramp(AgentSeries series, double from, double to, Instant rampStart, Instant rampEnd) {
    Validation.check(rampStart != null && rampEnd != null && !rampStart.isBefore(start()) && rampEnd.isAfter(rampStart)
        && !rampEnd.isAfter(end),
        "ramp must lie within %s..%s and end after it starts (was %s..%s)", start(), end, rampStart, rampEnd);
    double a = Duration.between(start(), rampStart).toMillis() / 1000.0;
    double b = Duration.between(start(), rampEnd).toMillis() / 1000.0;
    // a ramp from the first sample on has no flat part before it
    return trace(series, a == 0 ? RpsTrace.points(new double[] {0, b}, new double[] {from, to}, history)
        : RpsTrace.points(new double[] {0, a, b}, new double[] {from, from, to}, history));
  }

  /**
   * {@return a copy with the series at {@code before} rps until {@code at}, then {@code after}}
   *
   * @param series the agent series to add
   * @param before the requests per second before {@code at}, finite and at least 0
   * @param after the requests per second from {@code at}, finite and at least 0
   * @param at when the rate changes: after {@code start()}, at or before the last sample
   */
  public SeldonTraffic step(AgentSeries series, double before, double after, Instant at) {
    Validation.check(at != null && at.isAfter(start()) && !at.isAfter(end),
        "step must be after %s and at or before %s (was %s)", start(), end, at);
    Validation.check(Double.isFinite(before) && before >= 0 && Double.isFinite(after) && after >= 0,
        "step rates must be finite numbers >= 0 (was %s and %s)", before, after);
    double atSeconds = Duration.between(start(), at).toMillis() / 1000.0;
    return trace(series, RpsTrace.of(t -> t < atSeconds ? before : after, history));
  }

  /**
   * {@return a copy with the series following the trace, its time 0 at {@code start()}: a recorded trace
   * ({@code RpsTrace.readCsv}, {@code time_seconds,rps}), or any {@code RpsTrace}} Past the trace's last
   * point the load stays at its last value.
   *
   * @param series the agent series to add
   * @param trace the offered requests per second over time
   * @throws io.github.seldonhpa.HpaValidationException when the series was already added
   */
  public SeldonTraffic trace(AgentSeries series, RpsTrace trace) {
    Validation.check(series != null && trace != null, "series and trace must be set (was %s and %s)", series, trace);
    Validation.check(history.getSeconds() % scrapeInterval.getSeconds() == 0,
        "history must be a whole number of scrape intervals (was history %s, scrapeInterval %s)", history,
        scrapeInterval);
    for (Load l : loads) {
      Validation.check(!l.series.labels().equals(series.labels()), "series must be added once (was %s twice)", series);
    }
    List<Load> copy = new ArrayList<>(loads);
    copy.add(new Load(series, trace));
    return new SeldonTraffic(end, scrapeInterval, history, List.copyOf(copy));
  }

  /**
   * {@return every series by name and labels, as {@code /api/v1/series} lists them: what
   * {@code AdapterConfig.explain(metric, namespace, knownSeries)} and {@code discover} take} The model
   * counters of every added series, then the aggregate counters of every server replica and method.
   */
  public List<Series> series() {
    List<Series> out = new ArrayList<>();
    for (String name : List.of(SeldonPresets.MODEL_INFER_TOTAL, SeldonPresets.MODEL_INFER_SECONDS_TOTAL)) {
      for (Load l : loads) {
        out.add(Series.of(name, l.series.labels()));
      }
    }
    Set<Map<String, String>> aggregates = new LinkedHashSet<>();
    for (Load l : loads) {
      Map<String, String> labels = new LinkedHashMap<>(l.series.labels());
      labels.keySet().removeAll(MODEL_ONLY_LABELS);
      aggregates.add(labels);
    }
    for (String name : List.of("seldon_model_aggregate_infer_total", "seldon_model_aggregate_infer_seconds_total")) {
      for (Map<String, String> labels : aggregates) {
        out.add(Series.of(name, labels));
      }
    }
    return out;
  }

  /** {@return the OpenMetrics text: the four counter families, every sample, {@code # EOF}} */
  public String toOpenMetrics() {
    StringBuilder out = new StringBuilder();
    try {
      write(out);
    } catch (IOException cannotHappen) {
      throw new UncheckedIOException(cannotHappen);
    }
    return out.toString();
  }

  /**
   * Writes {@link #toOpenMetrics()} to the file (UTF-8).
   *
   * @param file the file to write; replaced if it exists
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public void writeOpenMetrics(Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void write(Appendable out) throws IOException {
    // per load: the request counter and the seconds counter at every sample
    List<double[][]> counters = new ArrayList<>(loads.size());
    for (Load l : loads) {
      counters.add(counters(l));
    }
    // the agent's per-replica aggregates: the model series of one pod and method summed
    Map<Map<String, String>, double[][]> aggregates = new LinkedHashMap<>();
    for (int k = 0; k < loads.size(); k++) {
      Map<String, String> labels = new LinkedHashMap<>(loads.get(k).series.labels());
      labels.keySet().removeAll(MODEL_ONLY_LABELS);
      double[][] sum = aggregates.computeIfAbsent(labels, x -> new double[2][samplesPerSeries()]);
      for (int f = 0; f < 2; f++) {
        for (int i = 0; i < sum[f].length; i++) {
          sum[f][i] += counters.get(k)[f][i];
        }
      }
    }
    String[][] families = {
        {"seldon_model_infer", "requests served by a model replica"},
        {"seldon_model_infer_seconds", "inference time spent by a model replica"},
        {"seldon_model_aggregate_infer", "requests served by a server replica, all models"},
        {"seldon_model_aggregate_infer_seconds", "inference time spent by a server replica, all models"}};
    for (int f = 0; f < families.length; f++) {
      out.append("# TYPE ").append(families[f][0]).append(" counter\n");
      out.append("# HELP ").append(families[f][0]).append(' ').append(families[f][1]).append('\n');
      if (f < 2) {
        for (int k = 0; k < loads.size(); k++) {
          samples(out, families[f][0], loads.get(k).series.labels(), counters.get(k)[f]);
        }
      } else {
        for (Map.Entry<Map<String, String>, double[][]> a : aggregates.entrySet()) {
          samples(out, families[f][0], a.getKey(), a.getValue()[f - 2]);
        }
      }
    }
    out.append("# EOF\n");
  }

  /** The load's requests (row 0) and inference seconds (row 1) counted up to each sample. */
  private double[][] counters(Load l) {
    long step = scrapeInterval.getSeconds();
    double[][] out = new double[2][samplesPerSeries()];
    for (int i = 1; i < out[0].length; i++) {
      double requests = out[0][i - 1];
      double seconds = out[1][i - 1];
      // the load over each second of the interval, taken at the middle of the second
      for (long s = (i - 1) * step; s < i * step; s++) {
        double rps = l.trace.rps(s + 0.5);
        requests += rps;
        seconds += rps * l.series.secondsPerRequest();
      }
      out[0][i] = requests;
      out[1][i] = seconds;
    }
    return out;
  }

  private void samples(Appendable out, String family, Map<String, String> labels, double[] values)
      throws IOException {
    StringBuilder name = new StringBuilder(family).append("_total{");
    for (Map.Entry<String, String> e : labels.entrySet()) {
      name.append(name.charAt(name.length() - 1) == '{' ? "" : ",")
          .append(e.getKey()).append("=\"").append(OpenMetrics.escape(e.getValue())).append('"');
    }
    name.append("} ");
    long step = scrapeInterval.getSeconds();
    for (int i = 0; i < values.length; i++) {
      out.append(name).append(OpenMetrics.number(values[i])).append(' ')
          .append(OpenMetrics.timestamp(start().plusSeconds(i * step))).append('\n');
    }
  }

  private Duration checkTiming(String field, Duration value) {
    Validation.check(loads.isEmpty(), "%s must be set before series are added (was set after %d series)", field,
        loads.size());
    Validation.check(value != null && value.getNano() == 0 && value.getSeconds() >= 1,
        "%s must be whole seconds, at least 1 s (was %s)", field, value);
    return value;
  }
}
