package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.seldonhpa.HpaValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PrometheusClient} against a scripted HTTP server on 127.0.0.1: no Prometheus needed. */
class PrometheusClientTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final String QUERY = "sum by (model) (\n  rate (\n"
      + "    seldon_model_infer_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]\n  )\n)\n";

  private HttpServer server;
  private final AtomicReference<String> method = new AtomicReference<>();
  private final AtomicReference<String> path = new AtomicReference<>();
  private final AtomicReference<String> form = new AtomicReference<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves {@code body} with {@code status} under {@code context}, recording the request. */
  private URI serve(String context, int status, String contentType, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(context, exchange -> answer(exchange, status, contentType, body));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    method.set(exchange.getRequestMethod());
    path.set(exchange.getRequestURI().getPath());
    form.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private URI serveJson(int status, String json) throws IOException {
    return serve("/api/v1/query", status, "application/json", json);
  }

  @Test
  void returnsTheResultVectorWithLabelsValuesAndTimestamps() throws IOException {
    URI base = serveJson(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{\"model\":\"irisa0\"},\"value\":[1767225600,\"7.5\"]},"
        + "{\"metric\":{\"namespace\":\"seldon-mesh\",\"model\":\"income\"},\"value\":[1767225600.25,\"+Inf\"]},"
        + "{\"metric\":{},\"value\":[1767225600,\"NaN\"]},"
        + "{\"metric\":{\"model\":\"irisa0\"},\"value\":[1767225600,\"-Inf\"]}]},"
        + "\"warnings\":[\"some warning\"]}");

    QueryResult result = PrometheusClient.of(base).query(QUERY, T);

    assertThat(result.query()).isEqualTo(QUERY);
    assertThat(result.time()).isEqualTo(T);
    assertThat(result.warnings()).containsExactly("some warning");
    List<QuerySample> samples = result.samples();
    assertThat(samples).hasSize(4);
    assertThat(samples.get(0).labels()).containsExactly(Map.entry("model", "irisa0"));
    assertThat(samples.get(0).value()).isEqualTo(7.5);
    assertThat(samples.get(0).timestamp()).isEqualTo(T);
    assertThat(samples.get(1).labels()).containsExactly(
        Map.entry("model", "income"), Map.entry("namespace", "seldon-mesh"));
    assertThat(samples.get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(samples.get(1).timestamp()).isEqualTo(T.plusMillis(250));
    assertThat(samples.get(2).labels()).isEmpty();
    assertThat(samples.get(2).value()).isNaN();
    assertThat(samples.get(3).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    // the adapter takes the last sample whose resource label matches
    assertThat(result.valueOf("model", "irisa0")).hasValue(Double.NEGATIVE_INFINITY);
    assertThat(result.valueOf("model", "income")).hasValue(Double.POSITIVE_INFINITY);
    assertThat(result.valueOf("model", "tfsimple")).isEmpty();
  }

  @Test
  void postsTheQueryAndTheTimeInUnixSecondsAsAForm() throws IOException {
    URI base = serveJson(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{},\"value\":[1767225600.123,\"1\"]}]}}");

    PrometheusClient.of(base).query(QUERY, T.plusMillis(123));

    assertThat(method.get()).isEqualTo("POST");
    assertThat(path.get()).isEqualTo("/api/v1/query");
    assertThat(form.get()).startsWith("query=").endsWith("&time=1767225600.123");
    assertThat(URLDecoder.decode(form.get().substring("query=".length(), form.get().indexOf("&time=")),
        StandardCharsets.UTF_8)).isEqualTo(QUERY);
  }

  @Test
  void sendsWholeSecondsWithoutAFraction() throws IOException {
    URI base = serveJson(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{},\"value\":[1767225600,\"1\"]}]}}");

    PrometheusClient.of(base).query("up", T);

    assertThat(form.get()).isEqualTo("query=up&time=1767225600");
  }

  @Test
  void keepsAPathPrefixOfTheBaseUri() throws IOException {
    URI base = serve("/prometheus/api/v1/query", 200, "application/json",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{},\"value\":[1767225600,\"2\"]}]}}");

    QueryResult result = PrometheusClient.of(base.resolve("/prometheus")).query("up", T);

    assertThat(path.get()).isEqualTo("/prometheus/api/v1/query");
    assertThat(result.samples().get(0).value()).isEqualTo(2.0);
  }

  @Test
  void reportsAPromqlParseErrorWithPrometheusErrorTypeAndText() throws IOException {
    URI base = serveJson(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
        + "\"error\":\"invalid parameter \\\"query\\\": 1:5: parse error: unexpected end of input inside braces\"}");

    assertThatThrownBy(() -> PrometheusClient.of(base).query("foo{", T))
        .isInstanceOfSatisfying(PrometheusException.QueryError.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.errorType()).isEqualTo("bad_data");
          assertThat(e.error()).isEqualTo(
              "invalid parameter \"query\": 1:5: parse error: unexpected end of input inside braces");
        })
        .hasMessage("prometheus rejected the query (HTTP 400, bad_data): invalid parameter \"query\": 1:5:"
            + " parse error: unexpected end of input inside braces; query: foo{");
  }

  @Test
  void reportsAnExecutionError() throws IOException {
    URI base = serveJson(422, "{\"status\":\"error\",\"errorType\":\"execution\","
        + "\"error\":\"found duplicate series for the match group\"}");

    assertThatThrownBy(() -> PrometheusClient.of(base).query("a / on() b", T))
        .isInstanceOf(PrometheusException.QueryError.class)
        .hasMessage("prometheus rejected the query (HTTP 422, execution): found duplicate series for the"
            + " match group; query: a / on() b");
  }

  @Test
  void reportsAnEmptyResultWithTheLikelyCausesAndTheQueryWindow() throws IOException {
    URI base = serveJson(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

    assertThatThrownBy(() -> PrometheusClient.of(base).query(QUERY, T))
        .isInstanceOfSatisfying(PrometheusException.EmptyResult.class, e -> {
          assertThat(e.query()).isEqualTo(QUERY);
          assertThat(e.time()).isEqualTo(T);
        })
        .hasMessage("prometheus returned no samples for the query at 2026-01-01T00:00:00Z; likely causes:"
            + " (1) no inference traffic yet: Seldon creates its series on the first inference request, so"
            + " send some requests and wait at least two scrape intervals;"
            + " (2) a rate window shorter than two scrape intervals: this query uses [2m], and a rate needs"
            + " two samples inside the window (Seldon's PodMonitors scrape every 15s, so use at least [30s];"
            + " the Seldon docs use [2m]);"
            + " (3) label matchers or namespace that match no series: check the model, server, pod and"
            + " namespace names and the metric selector labels; query: " + QUERY);
  }

  @Test
  void emptyResultMessageListsEveryDistinctWindowAndSubquery() {
    assertThat(PrometheusClient.emptyMessage("rate(a[15s]) / rate(b[15s]) + max_over_time(c[5m:1m])", T))
        .contains("(2) a rate window shorter than two scrape intervals: this query uses [15s], [5m], and a")
        .doesNotContain("[1m]");
    assertThat(PrometheusClient.emptyMessage("sum(up{code=~\"[0-9]\"})", T))
        .contains("(2) a rate window shorter than two scrape intervals, and a rate needs");
  }

  @Test
  void reportsAConnectionRefusedAsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port);

    assertThatThrownBy(() -> PrometheusClient.of(base).query("up", T))
        .isInstanceOf(PrometheusException.Unreachable.class)
        .hasMessage("prometheus at http://127.0.0.1:" + port + "/api/v1/query is unreachable: connection refused");
  }

  @Test
  void reportsASilentServerAsATimeout() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/query", exchange -> {
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    assertThatThrownBy(() -> PrometheusClient.of(base, Duration.ofMillis(200)).query("up", T))
        .isInstanceOf(PrometheusException.Timeout.class)
        .hasMessage("prometheus at " + base + "/api/v1/query timed out: no complete answer (connection, headers"
            + " and body) within PT0.2S");
  }

  @Test
  void reportsANonJsonAnswerAsABadResponseWithAnExcerpt() throws IOException {
    URI base = serve("/", 404, "text/plain", "404 page not found\n");

    assertThatThrownBy(() -> PrometheusClient.of(base.resolve("/wrong")).query("up", T))
        .isInstanceOf(PrometheusException.BadResponse.class)
        .hasMessage("prometheus at " + base + "/wrong/api/v1/query answered HTTP 404 with a body that is not a"
            + " Prometheus query result (check the base URI): \"404 page not found\"");
  }

  @Test
  void reportsJsonOfAnotherShapeAsABadResponse() throws IOException {
    URI base = serveJson(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{},\"value\":[1767225600,\"seven\"]}]}}");

    assertThatThrownBy(() -> PrometheusClient.of(base).query("up", T))
        .isInstanceOf(PrometheusException.BadResponse.class)
        .hasMessageStartingWith("prometheus at " + base + "/api/v1/query answered HTTP 200 with a body that is"
            + " not a Prometheus query result (check the base URI): \"{\"status\":\"success\"");
  }

  @Test
  void refusesAScalarResultAsTheAdapterDoes() throws IOException {
    URI base = serveJson(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
        + "\"result\":[1767225600,\"2\"]}}");

    assertThatThrownBy(() -> PrometheusClient.of(base).query("1 + 1", T))
        .isInstanceOf(PrometheusException.BadResponse.class)
        .hasMessage("prometheus at " + base + "/api/v1/query returned a \"scalar\" result, but prometheus-adapter"
            + " needs a vector for custom metrics; query: 1 + 1");
  }

  @Test
  void rejectsABaseUriThatIsNotAnAbsoluteHttpUri() {
    assertThatThrownBy(() -> PrometheusClient.of(URI.create("localhost:9090")))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("baseUri must be an absolute http or https URI with a host and no query"
            + " (was \"localhost:9090\")");
    assertThatThrownBy(() -> PrometheusClient.of(URI.create("ftp://host/")))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("baseUri must be an absolute http or https URI with a host and no query (was \"ftp://host/\")");
    assertThatThrownBy(() -> PrometheusClient.of(URI.create("http://host:9090/?x=1")))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("baseUri must be an absolute http or https URI with a host and no query"
            + " (was \"http://host:9090/?x=1\")");
  }

  @Test
  void rejectsANonPositiveTimeoutAndABlankQuery() {
    URI base = URI.create("http://127.0.0.1:9090");
    assertThatThrownBy(() -> PrometheusClient.of(base, Duration.ZERO))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("timeout must be positive (was PT0S)");
    assertThatThrownBy(() -> PrometheusClient.of(base).query(" ", T))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("promql must not be blank (was \" \")");
    assertThatThrownBy(() -> PrometheusClient.of(base).query(null, T))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("promql");
  }

  @Test
  void exposesItsSettings() {
    URI base = URI.create("http://127.0.0.1:9090");
    assertThat(PrometheusClient.of(base).baseUri()).isEqualTo(base);
    assertThat(PrometheusClient.of(base).timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(PrometheusClient.of(base, Duration.ofSeconds(3)).timeout()).isEqualTo(Duration.ofSeconds(3));
  }
}
