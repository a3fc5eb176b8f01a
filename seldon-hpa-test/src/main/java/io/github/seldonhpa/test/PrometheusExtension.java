package io.github.seldonhpa.test;

import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.QueryResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prometheus for one test class, from the system install: before the class's first test it writes the
 * declared {@link SeldonTraffic} as OpenMetrics, backfills it with
 * {@code promtool tsdb create-blocks-from openmetrics}, starts {@code prometheus} with those blocks and no
 * scrape jobs on a free {@code 127.0.0.1} port and waits (bounded) until it is ready; after the class it stops
 * the process, also when tests failed, and from a JVM shutdown hook if the run ends first.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PrometheusExtension PROMETHEUS = PrometheusExtension.backfilling(traffic);
 *
 * @Test
 * void theModelRateIsServed() {
 *   assertThat(PROMETHEUS).query(promql).hasValue("model", "irisa0", 7.5);
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field; one instance serves one test class (and its nested classes) at a
 * time: classes that run in parallel each need their own. Without {@code prometheus} and {@code promtool} every test of the
 * class is reported skipped, with the install command, never passed. The binaries are looked up in
 * {@code /usr/bin} (Debian's {@code prometheus} package) or the folder named by the system property
 * {@value #BIN_PROPERTY}. Every file (the OpenMetrics input, the blocks, the config, the logs) is written to
 * {@code target/seldon-hpa-prometheus/<test class>}, or under the folder named by {@value #DIR_PROPERTY}; that
 * folder is emptied when the class starts and kept afterwards, for its logs.
 */
public final class PrometheusExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
  /** The system property naming the folder that holds {@code prometheus} and {@code promtool}. */
  public static final String BIN_PROPERTY = "seldonhpa.prometheus.bin";
  /** The system property naming the folder under which each test class gets its own folder. */
  public static final String DIR_PROPERTY = "seldonhpa.prometheus.dir";
  /** How to install both binaries on Debian and Ubuntu (as root). */
  public static final String INSTALL_COMMAND = "apt-get update && apt-get install -y prometheus";

  private final SeldonTraffic traffic;
  private final Duration startTimeout;
  private PrometheusProcess running;
  private String owner;

  private PrometheusExtension(SeldonTraffic traffic, Duration startTimeout) {
    this.traffic = traffic;
    this.startTimeout = startTimeout;
  }

  /**
   * {@return a Prometheus holding this traffic; backfill and readiness each wait at most 60 s}
   *
   * @param traffic the traffic to backfill, as {@code SeldonTraffic} writes it
   */
  public static PrometheusExtension backfilling(SeldonTraffic traffic) {
    Validation.check(traffic != null, "traffic must be set (was null)");
    return new PrometheusExtension(traffic, Duration.ofSeconds(60));
  }

  /**
   * {@return a copy that waits at most this long for the backfill and, again, for Prometheus to be ready}
   *
   * @param timeout the longest wait, above 0
   */
  public PrometheusExtension startTimeout(Duration timeout) {
    Validation.check(!timeout.isNegative() && !timeout.isZero(), "startTimeout must be > 0 (was %s)", timeout);
    return new PrometheusExtension(traffic, timeout);
  }

  /** {@return the backfilled traffic} */
  public SeldonTraffic traffic() {
    return traffic;
  }

  /** {@return the folder holding {@code prometheus} and {@code promtool}} */
  public static Path binaries() {
    return Paths.get(System.getProperty(BIN_PROPERTY, "/usr/bin"));
  }

  /**
   * {@return the client of the running server}
   *
   * @throws IllegalStateException outside the test class's lifetime, or when the extension is registered on
   *     an instance field (it must be {@code static})
   */
  public synchronized PrometheusClient client() {
    if (running == null) {
      throw new IllegalStateException("prometheus is not running: register the PrometheusExtension on a static"
          + " field with @RegisterExtension and use it inside the test class");
    }
    return running.client();
  }

  /** {@return the server's address, {@code http://127.0.0.1:<port>}} */
  public URI baseUri() {
    return client().baseUri();
  }

  /**
   * {@return an instant query at {@code time}, as prometheus-adapter runs it (see {@link PrometheusClient#query})}
   *
   * @param promql the PromQL expression
   * @param time the evaluation time
   */
  public QueryResult query(String promql, Instant time) {
    return client().query(promql, time);
  }

  /**
   * {@return an instant query at the traffic's last sample}
   *
   * @param promql the PromQL expression
   */
  public QueryResult query(String promql) {
    return query(promql, traffic.end());
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Path bin = binaries();
    if (Files.isExecutable(bin.resolve("prometheus")) && Files.isExecutable(bin.resolve("promtool"))) {
      return ConditionEvaluationResult.enabled("prometheus and promtool found in " + bin);
    }
    return ConditionEvaluationResult.disabled("skipped: a real Prometheus is needed, and " + bin.resolve("prometheus")
        + " or " + bin.resolve("promtool") + " is missing; install them with `" + INSTALL_COMMAND
        + "` (Debian or Ubuntu, as root), or name their folder with -D" + BIN_PROPERTY);
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    // nested classes inherit the extension: the outermost class's server serves them
    if (running != null) {
      return;
    }
    String base = System.getProperty(DIR_PROPERTY);
    Path dir = (base == null || base.isEmpty() ? Paths.get("target", "seldon-hpa-prometheus") : Paths.get(base))
        .resolve(context.getRequiredTestClass().getName()).toAbsolutePath().normalize();
    running = PrometheusProcess.start(binaries(), dir, traffic, startTimeout);
    owner = context.getUniqueId();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (running != null && context.getUniqueId().equals(owner)) {
      running.close();
      running = null;
      owner = null;
    }
  }
}
