package io.github.seldonhpa.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.Series;
import io.github.seldonhpa.scaling.RpsTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeldonTrafficTest {
  private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  private static final AgentSeries IRISA0 = AgentSeries.model("irisa0");

  @Test
  void anAgentSeriesHasTheLabelsOfSeldonsExample() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("code", "200");
    expected.put("container", "agent");
    expected.put("endpoint", "metrics");
    expected.put("instance", IRISA0.labels().get("instance"));
    expected.put("job", "seldon-mesh/agent");
    expected.put("method_type", "rest");
    expected.put("model", "irisa0");
    expected.put("model_internal", "irisa0_1");
    expected.put("namespace", "seldon-mesh");
    expected.put("pod", "mlserver-0");
    expected.put("server", "mlserver");
    expected.put("server_replica", "0");

    assertThat(IRISA0.labels()).containsExactlyEntriesOf(expected);
    assertThat(IRISA0.labels().get("instance")).matches("10\\.244\\.\\d{1,3}\\.\\d{1,3}:9006");
  }

  @Test
  void settersReturnCopiesAndAddedLabelsComeLastOrReplace() {
    AgentSeries grpc = IRISA0.namespace("seldon-prod").server("triton").replica(2).modelVersion(3)
        .methodType("grpc").code("OK").label("canary", "true").label("instance", "10.0.0.1:9006");

    assertThat(IRISA0.code()).isEqualTo("200");
    assertThat(grpc.labels()).containsExactly(Map.entry("code", "OK"), Map.entry("container", "agent"),
        Map.entry("endpoint", "metrics"), Map.entry("instance", "10.0.0.1:9006"), Map.entry("job", "seldon-prod/agent"),
        Map.entry("method_type", "grpc"), Map.entry("model", "irisa0"), Map.entry("model_internal", "irisa0_3"),
        Map.entry("namespace", "seldon-prod"), Map.entry("pod", "triton-2"), Map.entry("server", "triton"),
        Map.entry("server_replica", "2"), Map.entry("canary", "true"));
    assertThat(grpc.toString()).startsWith("{code=\"OK\",container=\"agent\",");
  }

  @Test
  void aPodKeepsItsInstanceAcrossSeriesAndPodsDiffer() {
    assertThat(IRISA0.code("500").labels().get("instance")).isEqualTo(IRISA0.labels().get("instance"));
    assertThat(IRISA0.replica(1).labels().get("instance")).isNotEqualTo(IRISA0.labels().get("instance"));
  }

  @Test
  void invalidValuesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> IRISA0.replica(-1)).isInstanceOf(HpaValidationException.class)
        .hasMessage("replica must be >= 0 (was -1)");
    assertThatThrownBy(() -> IRISA0.modelVersion(0)).hasMessage("modelVersion must be >= 1 (was 0)");
    assertThatThrownBy(() -> AgentSeries.model("")).hasMessage("model must not be empty (was \"\")");
    assertThatThrownBy(() -> IRISA0.label("canary", null)).hasMessage("label canary must have a value (was null)");
    assertThatThrownBy(() -> IRISA0.label(null, "x"))
        .hasMessage("label name must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __ (was null)");
    assertThatThrownBy(() -> AgentSeries.model(null)).hasMessage("model must not be empty (was null)");
    assertThatThrownBy(() -> SeldonTraffic.endingAt(null)).hasMessage("end must be set (was null)");
    assertThatThrownBy(() -> SeldonTraffic.endingAt(END).trace(IRISA0, null))
        .hasMessage("series and trace must be set (was " + IRISA0 + " and null)");
    assertThatThrownBy(() -> IRISA0.label("model-name", "x"))
        .hasMessage("label name must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __ (was \"model-name\")");
    assertThatThrownBy(() -> IRISA0.label("__name__", "x"))
        .hasMessage("label name must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __ (was \"__name__\")");
    assertThatThrownBy(() -> IRISA0.secondsPerRequest(Double.NaN))
        .hasMessage("secondsPerRequest must be a finite number >= 0 (was NaN)");
  }

  @Test
  void constantRateCountersInOpenMetrics() {
    SeldonTraffic traffic = SeldonTraffic.endingAt(END).history(Duration.ofSeconds(30))
        .constant(IRISA0.label("instance", "10.244.0.39:9006"), 2.5);

    assertThat(traffic.toOpenMetrics()).isEqualTo("""
        # TYPE seldon_model_infer counter
        # HELP seldon_model_infer requests served by a model replica
        seldon_model_infer_total{code="200",container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",model="irisa0",model_internal="irisa0_1",namespace="seldon-mesh",\
        pod="mlserver-0",server="mlserver",server_replica="0"} 0 1767225570
        seldon_model_infer_total{code="200",container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",model="irisa0",model_internal="irisa0_1",namespace="seldon-mesh",\
        pod="mlserver-0",server="mlserver",server_replica="0"} 37.5 1767225585
        seldon_model_infer_total{code="200",container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",model="irisa0",model_internal="irisa0_1",namespace="seldon-mesh",\
        pod="mlserver-0",server="mlserver",server_replica="0"} 75 1767225600
        # TYPE seldon_model_infer_seconds counter
        # HELP seldon_model_infer_seconds inference time spent by a model replica
        seldon_model_infer_seconds_total{code="200",container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",model="irisa0",model_internal="irisa0_1",namespace="seldon-mesh",\
        pod="mlserver-0",server="mlserver",server_replica="0"} 0 1767225570
        seldon_model_infer_seconds_total{code="200",container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",model="irisa0",model_internal="irisa0_1",namespace="seldon-mesh",\
        pod="mlserver-0",server="mlserver",server_replica="0"} 1.171875 1767225585
        seldon_model_infer_seconds_total{code="200",container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",model="irisa0",model_internal="irisa0_1",namespace="seldon-mesh",\
        pod="mlserver-0",server="mlserver",server_replica="0"} 2.34375 1767225600
        # TYPE seldon_model_aggregate_infer counter
        # HELP seldon_model_aggregate_infer requests served by a server replica, all models
        seldon_model_aggregate_infer_total{container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",namespace="seldon-mesh",pod="mlserver-0",server="mlserver",\
        server_replica="0"} 0 1767225570
        seldon_model_aggregate_infer_total{container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",namespace="seldon-mesh",pod="mlserver-0",server="mlserver",\
        server_replica="0"} 37.5 1767225585
        seldon_model_aggregate_infer_total{container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",namespace="seldon-mesh",pod="mlserver-0",server="mlserver",\
        server_replica="0"} 75 1767225600
        # TYPE seldon_model_aggregate_infer_seconds counter
        # HELP seldon_model_aggregate_infer_seconds inference time spent by a server replica, all models
        seldon_model_aggregate_infer_seconds_total{container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",namespace="seldon-mesh",pod="mlserver-0",server="mlserver",\
        server_replica="0"} 0 1767225570
        seldon_model_aggregate_infer_seconds_total{container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",namespace="seldon-mesh",pod="mlserver-0",server="mlserver",\
        server_replica="0"} 1.171875 1767225585
        seldon_model_aggregate_infer_seconds_total{container="agent",endpoint="metrics",instance="10.244.0.39:9006",\
        job="seldon-mesh/agent",method_type="rest",namespace="seldon-mesh",pod="mlserver-0",server="mlserver",\
        server_replica="0"} 2.34375 1767225600
        # EOF
        """);
  }

  /** Counter values of the first family, one per sample. */
  private static String counters(SeldonTraffic traffic) {
    StringBuilder out = new StringBuilder();
    for (String line : traffic.toOpenMetrics().split("\n")) {
      if (line.startsWith("seldon_model_infer_total")) {
        String[] parts = line.split(" ");
        out.append(out.length() == 0 ? "" : " ").append(parts[1]);
      }
    }
    return out.toString();
  }

  @Test
  void aRampIsIntegratedExactlyBetweenScrapes() {
    // 0 rps until 30 s after the start, then up 1 rps per second for 30 s, then 30 rps
    SeldonTraffic traffic = SeldonTraffic.endingAt(END).history(Duration.ofSeconds(90))
        .ramp(IRISA0, 0, 30, END.minusSeconds(60), END.minusSeconds(30));

    // the ramp's area is 15 s x 15 rps / 2 = 112.5 for its first interval, 337.5 for its second
    assertThat(counters(traffic)).isEqualTo("0 0 0 112.5 450 900 1350");
  }

  @Test
  void aStepChangesTheRateAtItsInstant() {
    SeldonTraffic traffic = SeldonTraffic.endingAt(END).history(Duration.ofSeconds(60))
        .step(IRISA0, 1, 4, END.minusSeconds(30));

    assertThat(counters(traffic)).isEqualTo("0 15 30 90 150");
  }

  @Test
  void aRecordedCsvTraceStartsAtTheFirstSample(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("load.csv"), "time_seconds,rps\n0,2\n30,2\n45,8\n");
    SeldonTraffic traffic = SeldonTraffic.endingAt(END).history(Duration.ofSeconds(60))
        .trace(IRISA0, RpsTrace.readCsv(csv));

    // 2 rps for 30 s, a linear ramp 2 -> 8 over 15 s (75 requests), then 8 rps
    assertThat(counters(traffic)).isEqualTo("0 30 60 135 255");
  }

  @Test
  void theSeriesListHoldsTheModelCountersOfEverySeriesAndTheAggregatesOfEveryPodAndMethod() {
    SeldonTraffic traffic = SeldonTraffic.endingAt(END).constant(IRISA0, 1).constant(IRISA0.replica(1), 2)
        .constant(AgentSeries.model("income").replica(1), 3);

    assertThat(traffic.series()).extracting(Series::name).containsExactly("seldon_model_infer_total",
        "seldon_model_infer_total", "seldon_model_infer_total", "seldon_model_infer_seconds_total",
        "seldon_model_infer_seconds_total", "seldon_model_infer_seconds_total", "seldon_model_aggregate_infer_total",
        "seldon_model_aggregate_infer_total", "seldon_model_aggregate_infer_seconds_total",
        "seldon_model_aggregate_infer_seconds_total");
    assertThat(traffic.series().get(1).labels()).isEqualTo(IRISA0.replica(1).labels());
    assertThat(traffic.series().get(7).labels()).containsOnlyKeys("container", "endpoint", "instance", "job",
        "method_type", "namespace", "pod", "server", "server_replica").containsEntry("pod", "mlserver-1");
    assertThat(traffic.samplesPerSeries()).isEqualTo(241);
    assertThat(traffic.start()).isEqualTo(END.minus(Duration.ofHours(1)));
  }

  @Test
  void labelValuesAreEscaped() {
    SeldonTraffic traffic = SeldonTraffic.endingAt(END).history(Duration.ofSeconds(15))
        .constant(IRISA0.label("note", "a \"b\" \\ c\nd"), 1);

    assertThat(traffic.toOpenMetrics()).contains(",note=\"a \\\"b\\\" \\\\ c\\nd\"} 15 1767225600\n");
  }

  @Test
  void timingAndSeriesAreChecked() {
    SeldonTraffic traffic = SeldonTraffic.endingAt(END).constant(IRISA0, 1);

    assertThatThrownBy(() -> traffic.constant(IRISA0, 2)).isInstanceOf(HpaValidationException.class)
        .hasMessage("series must be added once (was " + IRISA0 + " twice)");
    assertThatThrownBy(() -> traffic.history(Duration.ofHours(2)))
        .hasMessage("history must be set before series are added (was set after 1 series)");
    assertThatThrownBy(() -> traffic.scrapeInterval(Duration.ofSeconds(30)))
        .hasMessage("scrapeInterval must be set before series are added (was set after 1 series)");
    assertThatThrownBy(() -> SeldonTraffic.endingAt(END).history(Duration.ofSeconds(100)).constant(IRISA0, 1))
        .hasMessage("history must be a whole number of scrape intervals (was history PT1M40S, scrapeInterval PT15S)");
    assertThatThrownBy(() -> SeldonTraffic.endingAt(END).scrapeInterval(Duration.ofMillis(1500)))
        .hasMessage("scrapeInterval must be whole seconds, at least 1 s (was PT1.5S)");
    assertThatThrownBy(() -> SeldonTraffic.endingAt(END).ramp(IRISA0, 0, 1, END.minusSeconds(7200), END))
        .hasMessage("ramp must lie within 2025-12-31T23:00:00Z..2026-01-01T00:00:00Z and end after it starts"
            + " (was 2025-12-31T22:00:00Z..2026-01-01T00:00:00Z)");
    assertThatThrownBy(() -> SeldonTraffic.endingAt(END).step(IRISA0, 1, -1, END))
        .hasMessage("step rates must be finite numbers >= 0 (was 1.0 and -1.0)");
    assertThatThrownBy(() -> SeldonTraffic.endingAt(END).constant(IRISA0, -1))
        .hasMessage("rps must be a finite number >= 0 (was -1.0)");
    assertThatThrownBy(() -> SeldonTraffic.endingAt(Instant.parse("2026-01-01T00:00:00.0005Z")))
        .hasMessage("end must be whole milliseconds, Prometheus' precision (was 2026-01-01T00:00:00.000500Z)");
  }

  @Test
  void aFractionalEndKeepsItsMilliseconds() {
    SeldonTraffic traffic = SeldonTraffic.endingAt(Instant.parse("2026-01-01T00:00:00.250Z"))
        .history(Duration.ofSeconds(15)).constant(IRISA0, 1);

    assertThat(traffic.toOpenMetrics()).contains("} 0 1767225585.250\n").contains("} 15 1767225600.250\n");
  }
}
