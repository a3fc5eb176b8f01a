package io.github.seldonhpa.test.it;

import static io.github.seldonhpa.test.SeldonHpaAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seldonhpa.scaling.RpsTrace;
import io.github.seldonhpa.test.AgentSeries;
import io.github.seldonhpa.test.PrometheusExtension;
import io.github.seldonhpa.test.SeldonTraffic;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The series builders' shapes as Prometheus' {@code rate()} sees them after the backfill, and the Prometheus
 * assertions' messages against the real server. Every corner is on a scrape, so a window of whole scrape
 * intervals on one straight piece of a ramp averages its two ends, exactly where the rates are binary
 * fractions.
 */
class TrafficShapesIT {
  static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  static final AgentSeries MODEL = AgentSeries.model("shapes").namespace("seldon-mesh").server("mlserver");

  static final SeldonTraffic TRAFFIC = SeldonTraffic.endingAt(END)
      .constant(MODEL.replica(0), 2.5)
      .ramp(MODEL.replica(1), 0, 16, END.minus(ofMinutes(40)), END.minus(ofMinutes(20)))
      .step(MODEL.replica(2), 1, 4, END.minus(ofMinutes(10)))
      .trace(MODEL.replica(3), RpsTrace.parseCsv("time_seconds,rps\n0,8\n1800,8\n1801,0.5\n"));

  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = PrometheusExtension.backfilling(TRAFFIC);

  private static String podRate(int replica) {
    return "sum by (pod) (rate(seldon_model_infer_total{pod=\"mlserver-" + replica + "\"}[2m]))";
  }

  @Test
  void aConstantRate() {
    assertThat(PROMETHEUS).query(podRate(0)).hasValue("pod", "mlserver-0", 2.5);
    assertThat(PROMETHEUS).query("sum(rate(seldon_model_infer_seconds_total{pod=\"mlserver-0\"}[2m]))")
        .hasValue(2.5 / 32);
  }

  @Test
  void aRampBeforeDuringAndAfter() {
    assertThat(PROMETHEUS).query(podRate(1), END.minus(ofMinutes(45))).hasValue("pod", "mlserver-1", 0);
    // halfway up (0.8 rps more per minute), at 8 rps: the [2m] window averages 6.4 and 8; 0.8 is no binary
    // fraction, so the counters carry rounding
    assertThat(PROMETHEUS).query(podRate(1), END.minus(ofMinutes(30))).hasValueWithin("pod", "mlserver-1", 7.2, 1e-9);
    assertThat(PROMETHEUS).query(podRate(1), END.minus(ofMinutes(10))).hasValue("pod", "mlserver-1", 16);
  }

  @Test
  void aStepAtItsInstantAndAWindowLater() {
    assertThat(PROMETHEUS).query(podRate(2), END.minus(ofMinutes(10))).hasValue("pod", "mlserver-2", 1);
    assertThat(PROMETHEUS).query(podRate(2), END.minus(ofMinutes(8))).hasValue("pod", "mlserver-2", 4);
  }

  @Test
  void aRecordedTraceFromItsFirstSample() {
    assertThat(PROMETHEUS).query(podRate(3), END.minus(ofMinutes(31))).hasValue("pod", "mlserver-3", 8);
    assertThat(PROMETHEUS).query(podRate(3), END).hasValue("pod", "mlserver-3", 0.5);
  }

  @Test
  void theAssertionsOnTheRealServer() {
    Instant before = TRAFFIC.start().minus(ofMinutes(10));
    assertThat(PROMETHEUS).returnsNothingFor(podRate(0), before);

    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).query(podRate(0), before))).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected prometheus to return samples at 2025-12-31T22:50:00Z, but prometheus returned"
            + " no samples for the query at 2025-12-31T22:50:00Z; likely causes: (1) no inference traffic yet");
    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).query("sum(", END))).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected prometheus to return samples at 2026-01-01T00:00:00Z, but prometheus"
            + " rejected the query (HTTP 400, bad_data): ")
        .hasMessageEndingWith("; query: sum(");
    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).returnsNothingFor(podRate(0), END)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected the query to return no samples at 2026-01-01T00:00:00Z, but it returned"
            + " {pod=\"mlserver-0\"} 2.5; query: " + podRate(0));
    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).returnsNothingFor("sum(", END)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected the query to return no samples at 2026-01-01T00:00:00Z, but prometheus"
            + " rejected the query (HTTP 400, bad_data): ");
  }
}
