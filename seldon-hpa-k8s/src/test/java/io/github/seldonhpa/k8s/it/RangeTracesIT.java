package io.github.seldonhpa.k8s.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.PrometheusException;
import io.github.seldonhpa.k8s.RangeResult;
import io.github.seldonhpa.scaling.RpsTrace;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traces from a real Prometheus: its own server (started here, stopped after the class) with backfilled
 * {@code seldon_model_infer_total} counters of known shape, scraped every 15 s for two hours: {@code steady}
 * at 4 RPS, {@code step} at 2 RPS then 6 RPS from the hour, {@code ramp} rising by 1 RPS every 10 minutes.
 * The range query the adapter's rule makes ({@code sum by (model) (rate(...[1m]))}) comes back as one trace
 * per model with those rates.
 */
class RangeTracesIT {
  private static final Path BIN = Paths.get(System.getProperty("seldonhpa.prometheus.bin", "/usr/bin"));
  private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  private static final long HOURS = 2;
  private static final String QUERY = "sum by (model) (rate(seldon_model_infer_total{namespace=\"seldon-mesh\"}[1m]))";
  private static Process prometheus;
  private static PrometheusClient client;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(BIN.resolve("prometheus")) && Files.isExecutable(BIN.resolve("promtool")),
        "skipped: prometheus and promtool are needed; install them with `apt-get update && apt-get install -y"
            + " prometheus` (as root, Debian)");
    Path dir = Paths.get("target", "prometheus-range-it").toAbsolutePath();
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    Path om = dir.resolve("series.om");
    writeSeries(om);
    Process backfill = new ProcessBuilder(BIN.resolve("promtool").toString(), "tsdb", "create-blocks-from",
        "openmetrics", om.toString(), data.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("promtool.log").toFile()).start();
    assertThat(backfill.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(backfill.exitValue()).as("promtool exit code, see " + dir.resolve("promtool.log")).isZero();
    Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 15s\n");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    prometheus = new ProcessBuilder(BIN.resolve("prometheus").toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=3650d", "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    URI base = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean ready = false;
    while (!ready && System.nanoTime() < deadline && prometheus.isAlive()) {
      try {
        ready = http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    assertThat(ready).as("prometheus ready, see " + dir.resolve("prometheus.log")).isTrue();
    client = PrometheusClient.of(base);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The rate of each model at {@code s} seconds after the start of the history. */
  static double rate(String model, long s) {
    switch (model) {
      case "steady":
        return 4;
      case "step":
        return s < 3600 ? 2 : 6;
      default:
        return 1 + s / 600;
    }
  }

  private static void writeSeries(Path file) throws IOException {
    long first = END.getEpochSecond() - HOURS * 3600;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("# TYPE seldon_model_infer counter\n# HELP seldon_model_infer requests\n");
      for (String model : new String[] {"steady", "step", "ramp"}) {
        long count = 100;
        for (long s = 0; s <= HOURS * 3600; s += 15) {
          out.write("seldon_model_infer_total{model=\"" + model + "\",namespace=\"seldon-mesh\",server=\"mlserver\"} "
              + count + " " + (first + s) + "\n");
          count += (long) (rate(model, s) * 15);
        }
      }
      out.write("# EOF\n");
    }
  }

  @Test
  void aRangeQueryGivesOneTracePerModelWithTheBackfilledRates() {
    Instant start = END.minus(Duration.ofMinutes(90));
    RangeResult r = client.queryRange(QUERY, start, END.minus(Duration.ofMinutes(10)), Duration.ofMinutes(1));
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
    assertThatThrownBy(() -> client.queryRange(QUERY, END.minus(Duration.ofHours(2)), END, Duration.ofMillis(500)))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("step must give at most 11000 points per series over 2025-12-31T22:00:00Z..2026-01-01T00:00:00Z,"
            + " Prometheus' limit (was PT0.5S: 14401 points); use a step of at least PT0.655S");
    // the suggested step works
    assertThat(client.queryRange(QUERY, END.minus(Duration.ofHours(2)), END, Duration.ofMillis(655)).series())
        .hasSize(3);
  }

  @Test
  void prometheusErrorsAndEmptyRangesAreNamed() {
    assertThatThrownBy(() -> client.queryRange("sum by (model) (rate(x[1m])", END.minusSeconds(600), END,
        Duration.ofMinutes(1))).isInstanceOf(PrometheusException.QueryError.class)
        .hasMessageContaining("bad_data");
    assertThatThrownBy(() -> client.queryRange(QUERY.replace("seldon-mesh", "elsewhere"), END.minusSeconds(600), END,
        Duration.ofMinutes(1))).isInstanceOf(PrometheusException.EmptyResult.class)
        .hasMessageStartingWith("prometheus returned no samples for the query over 2025-12-31T23:50:00Z..");
  }
}
