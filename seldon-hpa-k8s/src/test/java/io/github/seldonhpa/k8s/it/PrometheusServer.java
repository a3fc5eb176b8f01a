package io.github.seldonhpa.k8s.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prometheus for the integration tests, shared by every test class of the run: backfills
 * {@link SyntheticSeldonSeries} with {@code promtool tsdb create-blocks-from openmetrics} into
 * {@code target/prometheus-it}, starts {@code prometheus} on a free 127.0.0.1 port, waits (bounded) for
 * {@code /-/ready}, and stops that process when the run ends, also when a test failed (JUnit closes the root
 * store) and when the JVM exits early (a shutdown hook).
 *
 * <p>Tests call {@link #client()} in their body, also inside dynamic tests: without {@code prometheus} and
 * {@code promtool} each test is then reported skipped with the install command, never passed and never
 * silently left out.
 */
final class PrometheusServer implements BeforeAllCallback {
  /** Where prometheus and promtool are: Debian's /usr/bin, or the folder named by {@code seldonhpa.prometheus.bin}. */
  static final Path BIN = Paths.get(System.getProperty("seldonhpa.prometheus.bin", "/usr/bin"));
  static final Path PROMETHEUS = BIN.resolve("prometheus");
  static final Path PROMTOOL = BIN.resolve("promtool");
  static final String INSTALL = "apt-get update && apt-get install -y prometheus";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrometheusServer.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration BACKFILL_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;

  /** The shared server, started by the first test that needs it. */
  private static Running running;
  /** Why the first start failed: later tests fail at once with it instead of waiting again. */
  private static RuntimeException startFailure;

  /** Makes JUnit stop the shared server when the whole run ends, whichever class started it. */
  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Stopper.class, key -> new Stopper(), Stopper.class);
  }

  /**
   * The client for the shared server, which is started on first use.
   *
   * @throws org.opentest4j.TestAbortedException (the test is skipped) when prometheus or promtool is missing
   */
  static synchronized PrometheusClient client() {
    assumeTrue(Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL),
        () -> "skipped: " + PROMETHEUS + " and " + PROMTOOL + " are needed for the Prometheus integration tests;"
            + " install them with `" + INSTALL + "` (as root, Debian)");
    if (startFailure != null) {
      throw startFailure;
    }
    if (running == null) {
      try {
        running = Running.start(workDir());
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return running.client;
  }

  /** Closed by JUnit at the end of the run. */
  static final class Stopper implements AutoCloseable {
    @Override
    public void close() {
      synchronized (PrometheusServer.class) {
        if (running != null) {
          running.close();
          running = null;
        }
      }
    }
  }

  /** {@code target/prometheus-it} of this module (failsafe passes it; the fallback is relative to the module). */
  private static Path workDir() {
    String dir = System.getProperty("seldonhpa.it.dir");
    return (dir == null || dir.isEmpty() ? Paths.get("target", "prometheus-it") : Paths.get(dir))
        .toAbsolutePath().normalize();
  }

  /** The started process. */
  static final class Running implements AutoCloseable {
    final Process process;
    final PrometheusClient client;
    private final Thread shutdownHook;

    private Running(Process process, Thread shutdownHook, URI baseUri) {
      this.process = process;
      this.shutdownHook = shutdownHook;
      this.client = PrometheusClient.of(baseUri);
    }

    static Running start(Path dir) {
      try {
        deleteTree(dir);
        Path data = Files.createDirectories(dir.resolve("data"));
        Path input = dir.resolve("seldon.om");
        SyntheticSeldonSeries.writeOpenMetrics(input);
        run(List.of(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics", input.toString(),
            data.toString()), dir, dir.resolve("promtool.log"), BACKFILL_TIMEOUT);
        // no scrape jobs: the backfilled blocks are the only data
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 15s\n");
        String failures = "";
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
          int port = freeLoopbackPort();
          Path log = dir.resolve("prometheus-" + attempt + ".log");
          Process process = new ProcessBuilder(PROMETHEUS.toString(),
              "--config.file=" + config,
              "--storage.tsdb.path=" + data,
              // retention is measured back from the newest block; keep it far longer than the history
              "--storage.tsdb.retention.time=3650d",
              "--web.listen-address=127.0.0.1:" + port)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
          // from here on, also stop it if the JVM exits before JUnit closes the store
          Thread shutdownHook = new Thread(() -> stop(process), "stop-prometheus-it");
          Runtime.getRuntime().addShutdownHook(shutdownHook);
          URI base = URI.create("http://127.0.0.1:" + port);
          if (awaitReady(process, base)) {
            return new Running(process, shutdownHook, base);
          }
          stop(process);
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
          String tail = tail(log);
          // another process may take the port between probing and binding it: try another one
          if (!tail.contains("address already in use")) {
            throw new IllegalStateException("prometheus did not become ready within " + READY_TIMEOUT
                + " on " + base + "; log " + log + ":\n" + tail);
          }
          failures += "attempt " + attempt + ": port " + port + " in use\n";
        }
        throw new IllegalStateException("prometheus could not bind a loopback port:\n" + failures);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      stop(process);
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running or has run: the process is being stopped there
      }
    }
  }

  /** Polls {@code /-/ready} every 100 ms until 200, the process exits, or {@link #READY_TIMEOUT} passes. */
  private static boolean awaitReady(Process process, URI base) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready = HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
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
        throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
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

  private static void deleteTree(Path dir) throws IOException {
    // only ever a folder of the build directory: a wrong property must not delete anything else
    if (dir.getParent() == null || !dir.getParent().getFileName().toString().equals("target")) {
      throw new IllegalStateException("the integration tests' folder must be inside target/ (was " + dir + ")");
    }
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
