package io.github.seldonhpa.test;

import com.sun.net.httpserver.HttpServer;
import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.QueryResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Query results as the client reads them, from a loopback server that answers every query with one body. */
final class CannedPrometheus {
  private CannedPrometheus() {}

  /** The result of {@code query} at {@code time} when Prometheus answers with this vector, e.g. {@code [{...}]}. */
  static QueryResult vector(String query, Instant time, String resultJson) {
    String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + resultJson + "}}";
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/v1/query", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    try {
      return PrometheusClient.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).query(query, time);
    } finally {
      server.stop(0);
    }
  }
}
