package io.github.seldonhpa.scaling;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The inference load offered to one model over time, in requests per second: a function of the seconds
 * since the start, with a length. Built programmatically ({@link #of}, {@link #constant}, {@link #ramp},
 * {@link #points}) or read from CSV ({@code time_seconds,rps}, linear between points).
 */
public final class RpsTrace {
  private final DoubleUnaryOperator rps;
  private final Duration length;
  private final String description;

  private RpsTrace(DoubleUnaryOperator rps, Duration length, String description) {
    this.rps = rps;
    this.length = length;
    this.description = description;
  }

  /**
   * {@return a trace from a function of the seconds since the start}
   *
   * @param rpsAtSecond the offered RPS at a number of seconds since the start; finite and at least 0
   * @param length how long the trace lasts, above 0
   * @throws HpaValidationException when the length is not positive
   */
  public static RpsTrace of(DoubleUnaryOperator rpsAtSecond, Duration length) {
    Objects.requireNonNull(rpsAtSecond, "rpsAtSecond");
    Checks.check(!length.isNegative() && !length.isZero(), "length must be > 0 (was %s)", length);
    return new RpsTrace(rpsAtSecond, length, "function over " + length.getSeconds() + " s");
  }

  /**
   * {@return a constant load}
   *
   * @param rps the offered RPS, finite and at least 0
   * @param length how long the trace lasts, above 0
   */
  public static RpsTrace constant(double rps, Duration length) {
    checkRps("rps", rps);
    return of(t -> rps, length);
  }

  /**
   * {@return {@code from} RPS until {@code start}, then a straight ramp to {@code to} RPS at {@code end}, then
   * {@code to} until {@code length}}
   *
   * @param from the RPS before the ramp
   * @param to the RPS after the ramp
   * @param start when the ramp starts, since the start of the trace; at least 0
   * @param end when the ramp ends, after {@code start}
   * @param length how long the trace lasts, above 0
   */
  public static RpsTrace ramp(double from, double to, Duration start, Duration end, Duration length) {
    Checks.check(!start.isNegative(), "start must be >= 0 (was %s)", start);
    Checks.check(end.compareTo(start) > 0, "end must be after start %s (was %s)", start, end);
    double s = start.toMillis() / 1000.0;
    double e = end.toMillis() / 1000.0;
    // a ramp from t = 0 has no flat lead-in: its first point is the ramp's start
    return s == 0 ? points(new double[] {0, e}, new double[] {from, to}, length)
        : points(new double[] {0, s, e}, new double[] {from, from, to}, length);
  }

  /**
   * {@return a piecewise-linear trace through ({@code seconds[i]}, {@code rps[i]}), constant before the first and
   * after the last point}
   *
   * @param seconds the points' times in seconds since the start, increasing
   * @param rps the RPS at each point, finite and at least 0
   * @param length how long the trace lasts, above 0
   * @throws HpaValidationException when times do not increase or a rate is negative or not finite
   */
  public static RpsTrace points(double[] seconds, double[] rps, Duration length) {
    Checks.check(seconds.length == rps.length && seconds.length > 0,
        "points must be non-empty pairs of time and rps (was %d times, %d rates)", seconds.length, rps.length);
    double[] ts = seconds.clone();
    double[] vs = rps.clone();
    for (int i = 0; i < ts.length; i++) {
      checkRps("rps[" + i + "]", vs[i]);
      Checks.check(Double.isFinite(ts[i]) && ts[i] >= 0, "time_seconds[%d] must be >= 0 (was %s)", i, ts[i]);
      if (i > 0) {
        Checks.check(ts[i] > ts[i - 1], "time_seconds[%d] must be greater than the previous time %s (was %s)",
            i, ts[i - 1], ts[i]);
      }
    }
    return new RpsTrace(t -> interpolate(ts, vs, t), length,
        ts.length + " points over " + length.getSeconds() + " s");
  }

  private static double interpolate(double[] ts, double[] vs, double t) {
    if (t <= ts[0]) {
      return vs[0];
    }
    int last = ts.length - 1;
    if (t >= ts[last]) {
      return vs[last];
    }
    int i = Arrays.binarySearch(ts, t);
    if (i >= 0) {
      return vs[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    return vs[lo] + (vs[hi] - vs[lo]) * (t - ts[lo]) / (ts[hi] - ts[lo]);
  }

  /**
   * Parses CSV text with the header {@code time_seconds,rps} and one point per line; the trace lasts until
   * the last time.
   *
   * @param csv the CSV text
   * @return the trace through the points, linear between them
   * @throws HpaValidationException naming the line of any malformed row
   */
  public static RpsTrace parseCsv(String csv) {
    String[] lines = csv.split("\r?\n", -1);
    Checks.check(lines.length > 0 && lines[0].trim().equals("time_seconds,rps"),
        "csv line 1 must be the header time_seconds,rps (was \"%s\")", lines.length > 0 ? lines[0] : "");
    double[] ts = new double[lines.length];
    double[] vs = new double[lines.length];
    int n = 0;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Checks.check(cells.length == 2, "csv line %d must have 2 cells time_seconds,rps (was \"%s\")", i + 1, line);
      ts[n] = number(cells[0], "time_seconds", i + 1);
      vs[n] = number(cells[1], "rps", i + 1);
      checkRps("csv line " + (i + 1) + " rps", vs[n]);
      Checks.check(ts[n] >= 0, "csv line %d time_seconds must be >= 0 (was %s)", i + 1, cells[0]);
      Checks.check(n == 0 || ts[n] > ts[n - 1],
          "csv line %d time_seconds must be greater than the previous time %s (was %s)", i + 1, ts[Math.max(0, n - 1)],
          cells[0]);
      n++;
    }
    Checks.check(n >= 2, "csv must have at least 2 points (was %d)", n);
    double end = ts[n - 1];
    Checks.check(end > 0, "csv last time_seconds must be > 0 (was %s)", end);
    RpsTrace t = points(Arrays.copyOf(ts, n), Arrays.copyOf(vs, n), Duration.ofMillis((long) Math.ceil(end * 1000)));
    return new RpsTrace(t.rps, t.length, "CSV, " + n + " points over " + (long) Math.ceil(end) + " s");
  }

  /**
   * Reads a CSV trace file (UTF-8), as {@link #parseCsv}.
   *
   * @param file the CSV file
   * @return the trace through the file's points, linear between them
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static RpsTrace readCsv(Path file) {
    try {
      return parseCsv(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + file, e);
    }
  }

  private static double number(String cell, String field, int line) {
    try {
      return Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      throw new HpaValidationException(
          String.format("csv line %d %s must be a number (was \"%s\")", line, field, cell));
    }
  }

  private static void checkRps(String field, double rps) {
    Checks.check(Double.isFinite(rps) && rps >= 0, "%s must be a finite number >= 0 (was %s)", field, rps);
  }

  /**
   * {@return the trace as CSV ({@code time_seconds,rps}, {@link #parseCsv}'s format), sampled every {@code step}
   * from 0 to its length inclusive; reading it back gives the same rates at those times}
   *
   * @param step the sampling interval, above 0
   * @throws HpaValidationException when the step is not positive or makes more than 1,000,000 rows
   */
  public String toCsv(Duration step) {
    Checks.check(!step.isNegative() && !step.isZero(), "step must be > 0 (was %s)", step);
    long stepMs = step.toMillis();
    long endMs = length.toMillis();
    Checks.check(stepMs > 0 && endMs / stepMs < 1_000_000, "step must make at most 1000000 rows over %s (was %s)",
        length, step);
    StringBuilder sb = new StringBuilder(24 * (int) (endMs / stepMs + 2)).append("time_seconds,rps\n");
    for (long t = 0; ; t = Math.min(t + stepMs, endMs)) {
      sb.append(SimulationResult.num(t / 1000.0)).append(',').append(exact(rps(t / 1000.0))).append('\n');
      if (t == endMs) {
        return sb.toString();
      }
    }
  }

  /** The shortest decimal that reads back as the same double. */
  private static String exact(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * {@return the offered load at {@code seconds} since the start}
   *
   * @param seconds the time since the start, in seconds
   */
  public double rps(double seconds) {
    return rps.applyAsDouble(seconds);
  }

  /** {@return how long the trace lasts} */
  public Duration length() {
    return length;
  }

  @Override
  public String toString() {
    return "RpsTrace{" + description + "}";
  }
}
