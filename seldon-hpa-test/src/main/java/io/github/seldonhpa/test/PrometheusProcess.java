package io.github.seldonhpa.test;

import io.github.seldonhpa.k8s.PrometheusClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One started {@code prometheus} process over backfilled blocks, and how it is started and stopped. */
final class PrometheusProcess implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;

  private final Process process;
  private final Thread shutdownHook;
  private final PrometheusClient client;

  private PrometheusProcess(Process process, Thread shutdownHook, URI baseUri) {
    this.process = process;
    this.shutdownHook = shutdownHook;
    this.client = PrometheusClient.of(baseUri);
  }

  PrometheusClient client() {
    return client;
  }

  /**
   * Empties {@code dir}, backfills the traffic into {@code dir/data} and starts prometheus on it, on a free
   * loopback port (another one if a process took the port in between, at most three times).
   *
   * @throws IllegalStateException when promtool fails or prometheus is not ready within the timeout, with
   *     the end of its log
   */
  static PrometheusProcess start(Path bin, Path dir, SeldonTraffic traffic, Duration timeout) {
    try {
      deleteTree(dir);
      Path data = Files.createDirectories(dir.resolve("data"));
      Path input = dir.resolve("seldon.om");
      traffic.writeOpenMetrics(input);
      run(List.of(bin.resolve("promtool").toString(), "tsdb", "create-blocks-from", "openmetrics",
          input.toString(), data.toString()), dir, dir.resolve("promtool.log"), timeout);
      // no scrape jobs: the backfilled blocks are the only data
      Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 15s\n");
      StringBuilder failures = new StringBuilder();
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        int port = freeLoopbackPort();
        Path log = dir.resolve("prometheus-" + attempt + ".log");
        Process process = new ProcessBuilder(bin.resolve("prometheus").toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + data,
            // retention counts back from the newest block; keep it far longer than any history
            "--storage.tsdb.retention.time=3650d",
            "--web.listen-address=127.0.0.1:" + port)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        // from here on, also stopped if the JVM exits before the test class ends
        Thread shutdownHook = new Thread(() -> stop(process), "stop-prometheus");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        URI base = URI.create("http://127.0.0.1:" + port);
        if (awaitReady(process, base, timeout)) {
          return new PrometheusProcess(process, shutdownHook, base);
        }
        stop(process);
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
        String tail = tail(log);
        // another process may take the port between probing and binding it: try another one
        if (!tail.contains("address already in use")) {
          throw new IllegalStateException("prometheus did not become ready within " + timeout.toSeconds()
              + " s on " + base + "; log " + log + ":\n" + tail);
        }
        failures.append("attempt ").append(attempt).append(": port ").append(port).append(" in use\n");
      }
      throw new IllegalStateException("prometheus could not bind a loopback port:\n" + failures);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start prometheus in " + dir, e);
    }
  }

  @Override
  public void close() {
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: it stops the process
    }
  }

  /** Polls {@code /-/ready} every 100 ms until 200, the process exits, or the timeout passes. */
  private static boolean awaitReady(Process process, URI base, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready = HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
        Thread.sleep(100);
      } catch (IOException notListeningYet) {
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited within {@link #STOP_TIMEOUT}. */
  private static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void run(List<String> command, Path dir, Path log, Duration timeout) throws IOException {
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(process);
        throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
            + " s");
      }
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
          + process.exitValue() + ":\n" + tail(log));
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** Empties the test class's own folder (named after the class): never a folder the extension did not make. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      if (!Files.exists(dir.resolve("seldon.om")) && children.findAny().isPresent()) {
        throw new IllegalStateException("refusing to empty " + dir + ": it holds files the PrometheusExtension"
            + " did not write (no seldon.om)");
      }
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
