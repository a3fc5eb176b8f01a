package io.github.seldonhpa.test.it;

import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.END;
import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.SERIES;
import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.TRAFFIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.PrometheusException;
import io.github.seldonhpa.k8s.QueryResult;
import io.github.seldonhpa.test.PrometheusExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PrometheusClient} against the real server: the backfill is all there, and each error path. */
class PrometheusClientIT {
  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = SyntheticSeldonSeries.prometheus();

  @Test
  void theWholeBackfilledHourIsQueryableFromTheOldestBlock() {
    PrometheusClient prometheus = PROMETHEUS.client();
    for (String metric : new String[] {"seldon_model_infer_total", "seldon_model_infer_seconds_total"}) {
      assertThat(prometheus.query("count(" + metric + ")", TRAFFIC.start()).samples().get(0).value())
          .isEqualTo(SERIES.size());
      assertThat(prometheus.query("count(" + metric + ")", END).samples().get(0).value())
          .isEqualTo(SERIES.size());
    }
    String series = "seldon_model_infer_total{namespace=\"seldon-mesh\",pod=\"mlserver-0\",model=\"irisa0\","
        + "code=\"200\"}";
    assertThat(prometheus.query(series, TRAFFIC.start()).samples().get(0).value()).isEqualTo(0.0);
    assertThat(prometheus.query(series, END).samples().get(0).value()).isEqualTo(2.5 * 3600);
  }

  @Test
  void returnsEverySampleWithItsLabels() {
    PrometheusClient prometheus = PROMETHEUS.client();
    QueryResult result = prometheus.query("""
        sum by (pod) (
          rate (
            seldon_model_infer_total{namespace="seldon-mesh",pod=~"mlserver-0|mlserver-1|mlserver-2"}[2m]
          )
        )
        """, END);

    assertThat(result.samples()).hasSize(3)
        .allSatisfy(s -> assertThat(s.timestamp()).isEqualTo(END));
    assertThat(result.samples()).extracting(s -> s.labels()).containsExactlyInAnyOrder(
        Map.of("pod", "mlserver-0"), Map.of("pod", "mlserver-1"), Map.of("pod", "mlserver-2"));
    assertThat(result.valueOf("pod", "mlserver-0")).hasValue(3.75);
    assertThat(result.valueOf("pod", "mlserver-1")).hasValue(5.75);
    assertThat(result.valueOf("pod", "mlserver-2")).hasValue(2.0625);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void theAgentsAggregatesSumTheModelsOfEachPodAndMethod() {
    PrometheusClient prometheus = PROMETHEUS.client();
    QueryResult pods = prometheus.query("sum by (pod) (rate(seldon_model_aggregate_infer_total{namespace=\"seldon-mesh\","
        + "server=\"mlserver\"}[2m]))", END);
    assertThat(pods.valueOf("pod", "mlserver-0")).hasValue(3.75);
    assertThat(pods.valueOf("pod", "mlserver-1")).hasValue(5.75);
    assertThat(pods.valueOf("pod", "mlserver-2")).hasValue(2.0625);
    long podsAndMethods = SERIES.stream().map(s -> s.labels().get("namespace") + "/" + s.labels().get("pod") + "/"
        + s.labels().get("method_type")).distinct().count();
    assertThat(prometheus.query("count(seldon_model_aggregate_infer_seconds_total)", END).samples().get(0).value())
        .isEqualTo(podsAndMethods);
  }

  @Test
  void aWrongNamespaceGivesAnEmptyResultWithTheLikelyCauses() {
    PrometheusClient prometheus = PROMETHEUS.client();
    String promql = "sum by (model) (\n  rate (\n"
        + "    seldon_model_infer_total{namespace=\"seldon\",model=\"irisa0\"}[2m]\n  )\n)\n";

    assertThatThrownBy(() -> prometheus.query(promql, END))
        .isInstanceOf(PrometheusException.EmptyResult.class)
        .hasMessageStartingWith("prometheus returned no samples for the query at 2026-01-01T00:00:00Z;"
            + " likely causes: (1) no inference traffic yet")
        .hasMessageContaining("(2) a rate window shorter than two scrape intervals: this query uses [2m],")
        .hasMessageContaining("(3) label matchers or namespace that match no series")
        .hasMessageEndingWith("; query: " + promql);
  }

  @Test
  void beforeTheFirstInferenceThereIsNoSeries() {
    PrometheusClient prometheus = PROMETHEUS.client();
    assertThatThrownBy(() -> prometheus.query("sum by (model) (rate(seldon_model_infer_total[2m]))",
        TRAFFIC.start().minusSeconds(600)))
        .isInstanceOf(PrometheusException.EmptyResult.class)
        .hasMessageContaining("(1) no inference traffic yet");
  }

  @Test
  void aPromqlSyntaxErrorIsAQueryErrorWithPrometheusText() {
    PrometheusClient prometheus = PROMETHEUS.client();
    assertThatThrownBy(() -> prometheus.query("sum by (model) (rate(seldon_model_infer_total[2m])", END))
        .isInstanceOfSatisfying(PrometheusException.QueryError.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.errorType()).isEqualTo("bad_data");
          assertThat(e.error()).contains("parse error");
        })
        .hasMessageStartingWith("prometheus rejected the query (HTTP 400, bad_data): ")
        .hasMessageEndingWith("; query: sum by (model) (rate(seldon_model_infer_total[2m])");
  }

  @Test
  void aScalarResultIsRefusedAsTheAdapterDoes() {
    PrometheusClient prometheus = PROMETHEUS.client();
    assertThatThrownBy(() -> prometheus.query("scalar(sum(rate(seldon_model_infer_total[2m])))", END))
        .isInstanceOf(PrometheusException.BadResponse.class)
        .hasMessageContaining("returned a \"scalar\" result, but prometheus-adapter needs a vector");
  }
}
