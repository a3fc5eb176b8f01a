package io.github.seldonhpa.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counters the builders write, read back from the OpenMetrics text, against the load integrated in closed
 * form: exact for constant binary-fraction rates, to 1e-12 for ramps and steps with corners on whole seconds.
 */
class SeldonTrafficPropertyTest {
  private static final long SEED = Long.getLong("QT_SEED", 0x7e57_2026L);
  private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  private static final AgentSeries SERIES = AgentSeries.model("m");

  static {
    System.out.println("SeldonTrafficPropertyTest QuickTheories seed " + SEED + " (rerun with -DQT_SEED=" + SEED + ")");
  }

  /** The values of one counter family, in sample order. */
  private static List<Double> counters(SeldonTraffic traffic, String family) {
    List<Double> out = new ArrayList<>();
    for (String line : traffic.toOpenMetrics().split("\n")) {
      if (line.startsWith(family + "{")) {
        out.add(Double.parseDouble(line.split(" ")[1]));
      }
    }
    return out;
  }

  @Test
  void constantBinaryFractionRatesGiveExactCounters() {
    qt().withExamples(2000).withFixedSeed(SEED)
        .forAll(integers().between(0, 64 * 500), integers().between(1, 60), integers().between(1, 40),
            integers().between(0, 64))
        .checkAssert((rate64, scrape, intervals, seconds64) -> {
          double rate = rate64 / 64.0;
          double secondsPerRequest = seconds64 / 64.0;
          SeldonTraffic traffic = SeldonTraffic.endingAt(END).scrapeInterval(Duration.ofSeconds(scrape))
              .history(Duration.ofSeconds((long) scrape * intervals))
              .constant(SERIES.secondsPerRequest(secondsPerRequest), rate);

          List<Double> requests = counters(traffic, "seldon_model_infer_total");
          List<Double> seconds = counters(traffic, "seldon_model_infer_seconds_total");
          assertThat(requests).hasSize(intervals + 1);
          for (int i = 0; i <= intervals; i++) {
            assertThat(requests.get(i)).isEqualTo(rate * scrape * i);
            assertThat(seconds.get(i)).isEqualTo(rate * secondsPerRequest * scrape * i);
          }
          // one series on its pod: the aggregates are the same counters
          assertThat(counters(traffic, "seldon_model_aggregate_infer_total")).isEqualTo(requests);
          assertThat(counters(traffic, "seldon_model_aggregate_infer_seconds_total")).isEqualTo(seconds);
        });
  }

  @Test
  void rampsAreIntegratedBetweenScrapes() {
    qt().withExamples(2000).withFixedSeed(SEED)
        .forAll(integers().between(0, 200), integers().between(0, 200), integers().between(0, 600),
            integers().between(1, 600))
        .checkAssert((from, to, startSecond, length) -> {
          int history = 1200;
          int endSecond = Math.min(history, startSecond + length);
          SeldonTraffic traffic = SeldonTraffic.endingAt(END).history(Duration.ofSeconds(history))
              .ramp(SERIES, from, to, END.minusSeconds(history - startSecond), END.minusSeconds(history - endSecond));

          List<Double> requests = counters(traffic, "seldon_model_infer_total");
          for (int i = 0; i < requests.size(); i++) {
            double expected = rampArea(from, to, startSecond, endSecond, 15.0 * i);
            assertThat(requests.get(i)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * (1 + expected)));
          }
        });
  }

  @Test
  void stepsChangeTheRateAtTheirSecond() {
    qt().withExamples(2000).withFixedSeed(SEED)
        .forAll(integers().between(0, 64 * 100), integers().between(0, 64 * 100), integers().between(1, 600))
        .checkAssert((before64, after64, atSecond) -> {
          double before = before64 / 64.0;
          double after = after64 / 64.0;
          SeldonTraffic traffic = SeldonTraffic.endingAt(END).history(Duration.ofSeconds(600))
              .step(SERIES, before, after, END.minusSeconds(600 - atSecond));

          List<Double> requests = counters(traffic, "seldon_model_infer_total");
          for (int i = 0; i < requests.size(); i++) {
            int t = 15 * i;
            assertThat(requests.get(i)).isEqualTo(before * Math.min(t, atSecond) + after * Math.max(0, t - atSecond));
          }
        });
  }

  /** The integral from 0 to {@code t} of: {@code from} until {@code a}, linear to {@code to} at {@code b}, then {@code to}. */
  private static double rampArea(double from, double to, double a, double b, double t) {
    double area = from * Math.min(t, a);
    if (t > a) {
      double u = Math.min(t, b);
      double atU = from + (to - from) * (u - a) / (b - a);
      area += (from + atU) / 2 * (u - a);
    }
    if (t > b) {
      area += to * (t - b);
    }
    return area;
  }
}
