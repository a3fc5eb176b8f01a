package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.seldonhpa.HpaValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PrometheusClient} against misbehaving HTTP servers on 127.0.0.1: each gets one clear error. */
class PrometheusClientHostileTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private HttpServer server;
  private final CountDownLatch stop = new CountDownLatch(1);

  @AfterEach
  void stop() {
    stop.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  private URI serve(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", handler);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void aBodyDrippedOverThirtySecondsEndsAtTheOneSecondDeadline() throws IOException {
    URI base = serve(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 300 && !stop.await(100, TimeUnit.MILLISECONDS); i++) {
          out.write(' ');
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // the client hung up, as it should
      }
    });
    long start = System.nanoTime();
    assertThatThrownBy(() -> PrometheusClient.of(base, Duration.ofSeconds(1)).query("up", T))
        .isInstanceOf(PrometheusException.Timeout.class)
        .hasMessage("prometheus at " + base + "/api/v1/query timed out: no complete answer (connection, headers"
            + " and body) within PT1S");
    // the deadline, not the 30 s of the drip, ended the call
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aDeclaredHugeBodyIsRefusedBeforeReading() throws IOException {
    URI base = serve(exchange -> {
      exchange.sendResponseHeaders(200, 1L << 30); // 1 GiB announced, never sent
      exchange.close();
    });
    assertThatThrownBy(() -> PrometheusClient.of(base).query("up", T))
        .isInstanceOf(PrometheusException.TooLarge.class)
        .hasMessage("prometheus at " + base + "/api/v1/query answered a body larger than the limit of 33554432"
            + " bytes (raise it with withMaxResponseBytes, or narrow the query)");
  }

  @Test
  void anEndlessChunkedBodyStopsAtTheCap() throws IOException {
    URI base = serve(exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked
      byte[] chunk = new byte[64 * 1024];
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 16 * 1024 && stop.getCount() > 0; i++) { // at most 1 GiB
          out.write(chunk);
        }
      } catch (IOException e) {
        // the client hung up at its cap
      }
    });
    assertThatThrownBy(() -> PrometheusClient.of(base).withMaxResponseBytes(1024 * 1024).query("up", T))
        .isInstanceOf(PrometheusException.TooLarge.class)
        .hasMessageContaining("larger than the limit of 1048576 bytes");
    assertThatThrownBy(() -> PrometheusClient.of(base).withMaxResponseBytes(0))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("maxResponseBytes must be >= 1 (was 0)");
  }

  @Test
  void anUnknownHostIsNotReportedAsARefusedConnection() {
    // what the JDK's HttpClient throws for a host without an address (no DNS query in a unit test)
    URI endpoint = URI.create("http://prometheus.example:9090/api/v1/query");
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());
    PrometheusClient client = PrometheusClient.of(URI.create("http://prometheus.example:9090"));
    assertThat(client.failure(endpoint, unresolved))
        .isInstanceOf(PrometheusException.Unreachable.class)
        .hasMessage("prometheus at http://prometheus.example:9090/api/v1/query is unreachable: unknown host"
            + " prometheus.example (the DNS lookup found no address)");
    assertThat(client.failure(endpoint, new ConnectException("Connection refused")))
        .hasMessage("prometheus at http://prometheus.example:9090/api/v1/query is unreachable: connection refused");
  }

  @Test
  void aSampleTimestampOutOfRangeIsABadResponse() throws IOException {
    URI base = serve(exchange -> answer(exchange, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
        + "\"result\":[{\"metric\":{},\"value\":[1e30,\"1\"]}]}}"));
    assertThatThrownBy(() -> PrometheusClient.of(base).query("up", T))
        .isInstanceOf(PrometheusException.BadResponse.class)
        .hasMessage("prometheus at " + base + "/api/v1/query answered a sample timestamp out of range: 1.0E30"
            + " (check the base URI)");
  }

  @Test
  void aQueryTimeOutOfRangeIsTheLibrarysError() {
    PrometheusClient client = PrometheusClient.of(URI.create("http://127.0.0.1:9"));
    assertThatThrownBy(() -> client.query("up", Instant.MAX))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("time must be within 9223372036854774 seconds of 1970 (was +1000000000-12-31T23:59:59.999999999Z)");
    assertThatThrownBy(() -> client.query("up", Instant.MIN))
        .isInstanceOf(HpaValidationException.class)
        .hasMessageStartingWith("time must be within 9223372036854774 seconds of 1970 (was ");
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
