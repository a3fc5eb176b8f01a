package io.github.seldonhpa.test.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.PrometheusException;
import io.github.seldonhpa.k8s.RangeResult;
import io.github.seldonhpa.scaling.RpsTrace;
import io.github.seldonhpa.test.AgentSeries;
import io.github.seldonhpa.test.PrometheusExtension;
import io.github.seldonhpa.test.SeldonTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Traces from a real Prometheus (the {@link PrometheusExtension}) with backfilled
 * {@code seldon_model_infer_total} counters of known shape, scraped every 15 s for two hours: {@code steady}
 * at 4 RPS, {@code step} at 2 RPS then 6 RPS from the hour, {@code ramp} rising by 1 RPS every 10 minutes.
 * The range query the adapter's rule makes ({@code sum by (model) (rate(...[1m]))}) comes back as one trace
 * per model with those rates.
 */
class RangeTracesIT {
  private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  private static final long HOURS = 2;
  private static final String QUERY = "sum by (model) (rate(seldon_model_infer_total{namespace=\"seldon-mesh\"}[1m]))";

  static final SeldonTraffic TRAFFIC = SeldonTraffic.endingAt(END).history(Duration.ofHours(HOURS))
      .constant(AgentSeries.model("steady"), 4)
      .step(AgentSeries.model("step"), 2, 6, END.minus(Duration.ofHours(1)))
      .trace(AgentSeries.model("ramp"), RpsTrace.of(s -> 1 + Math.floor(s / 600), Duration.ofHours(HOURS)));

  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = PrometheusExtension.backfilling(TRAFFIC);

  private static PrometheusClient client() {
    return PROMETHEUS.client();
  }

  @Test
  void aRangeQueryGivesOneTracePerModelWithTheBackfilledRates() {
    Instant start = END.minus(Duration.ofMinutes(90));
    RangeResult r = client().queryRange(QUERY, start, END.minus(Duration.ofMinutes(10)), Duration.ofMinutes(1));
    assertThat(r.series()).hasSize(3);
    assertThat(r.series().get(0).size()).isEqualTo(81);
    Map<String, RpsTrace> traces = r.tracesBy("model");
    assertThat(traces).containsOnlyKeys("steady", "step", "ramp");
    // start is 30 min into the history: the step is at 30 min of the trace, the ramp climbs 1 per 10 minutes
    assertThat(traces.get("steady").rps(0)).isEqualTo(4.0);
    assertThat(traces.get("steady").rps(4800)).isEqualTo(4.0);
    assertThat(traces.get("step").rps(25 * 60)).isEqualTo(2.0);
    assertThat(traces.get("step").rps(35 * 60)).isEqualTo(6.0);
    assertThat(traces.get("ramp").rps(5 * 60)).isEqualTo(4.0);
    assertThat(traces.get("ramp").rps(45 * 60)).isEqualTo(8.0);
    assertThat(traces.get("ramp").length()).isEqualTo(Duration.ofMinutes(80));
    // CSV out and back in: the same rates at the step
    RpsTrace back = RpsTrace.parseCsv(traces.get("ramp").toCsv(Duration.ofMinutes(1)));
    assertThat(back.rps(45 * 60)).isEqualTo(8.0);
  }

  @Test
  void theElevenThousandPointLimitIsCheckedBeforeTheRequest() {
    assertThatThrownBy(() -> client().queryRange(QUERY, END.minus(Duration.ofHours(2)), END, Duration.ofMillis(500)))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("step must give at most 11000 points per series over 2025-12-31T22:00:00Z..2026-01-01T00:00:00Z,"
            + " Prometheus' limit (was PT0.5S: 14401 points); use a step of at least PT0.655S");
    // the suggested step works
    assertThat(client().queryRange(QUERY, END.minus(Duration.ofHours(2)), END, Duration.ofMillis(655)).series())
        .hasSize(3);
  }

  @Test
  void prometheusErrorsAndEmptyRangesAreNamed() {
    assertThatThrownBy(() -> client().queryRange("sum by (model) (rate(x[1m])", END.minusSeconds(600), END,
        Duration.ofMinutes(1))).isInstanceOf(PrometheusException.QueryError.class)
        .hasMessageContaining("bad_data");
    assertThatThrownBy(() -> client().queryRange(QUERY.replace("seldon-mesh", "elsewhere"), END.minusSeconds(600), END,
        Duration.ofMinutes(1))).isInstanceOf(PrometheusException.EmptyResult.class)
        .hasMessageStartingWith("prometheus returned no samples for the query over 2025-12-31T23:50:00Z..");
  }
}
