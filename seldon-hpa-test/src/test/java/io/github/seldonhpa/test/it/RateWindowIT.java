package io.github.seldonhpa.test.it;

import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.PrometheusException;
import io.github.seldonhpa.test.PrometheusExtension;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seeds' warning, for real: with a sample every 15 s, {@code rate()} over a window shorter than two
 * scrape intervals has fewer than two samples between scrapes and returns nothing, while a window of two
 * intervals or more always has a rate. Real scrapes are never exactly on the evaluation time, so every
 * offset after a scrape is tried; the client's empty-result error names the window.
 */
class RateWindowIT {
  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = SyntheticSeldonSeries.prometheus();

  /** A scrape time well inside the backfilled hour. */
  private static final Instant SCRAPE = END.minusSeconds(600);

  private static String irisa0Rps(String window) {
    return "sum by (model) (\n  rate (\n    seldon_model_infer_total{namespace=\"seldon-mesh\",model=\"irisa0\"}["
        + window + "]\n  )\n)\n";
  }

  @TestFactory
  Stream<DynamicTest> aWindowOfOneScrapeIntervalReturnsNothingBetweenScrapes() {
    return IntStream.rangeClosed(1, 14).mapToObj(offset -> DynamicTest.dynamicTest(
        "[15s] at " + offset + "s after a scrape", () -> {
          PrometheusClient prometheus = PROMETHEUS.client();
          assertThatThrownBy(() -> prometheus.query(irisa0Rps("15s"), SCRAPE.plusSeconds(offset)))
              .isInstanceOf(PrometheusException.EmptyResult.class)
              .hasMessageContaining("(2) a rate window shorter than two scrape intervals: this query uses [15s],"
                  + " and a rate needs two samples inside the window");
        }));
  }

  @TestFactory
  Stream<DynamicTest> windowsOfTwoScrapeIntervalsOrMoreAlwaysHaveTheRate() {
    return Stream.of("30s", "2m").flatMap(window -> IntStream.range(0, 15).mapToObj(offset ->
        DynamicTest.dynamicTest("[" + window + "] at " + offset + "s after a scrape", () -> {
          double value = PROMETHEUS.client().query(irisa0Rps(window), SCRAPE.plusSeconds(offset))
              .valueOf("model", "irisa0").orElseThrow();
          assertThat(Math.abs(value - 7.5)).as("rate %s", value).isLessThan(1e-9 * 7.5);
        })));
  }
}
