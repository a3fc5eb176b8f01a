package io.github.seldonhpa.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.seldonhpa.k8s.PrometheusClient;
import io.github.seldonhpa.k8s.PrometheusException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * What the extension reports, seen from outside: test classes run through the JUnit test kit, with fake
 * binaries for the failure paths and the real ones (when installed) for a server that is stopped after a
 * failing test.
 */
class PrometheusExtensionTest {
  private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  private static final SeldonTraffic TRAFFIC = SeldonTraffic.endingAt(END)
      .constant(AgentSeries.model("irisa0"), 2.5).constant(AgentSeries.model("irisa0").replica(1), 5);

  /** Where the real server of {@link FailingClass} listened. */
  static URI seenBaseUri;

  @AfterEach
  void restoreProperties() {
    System.clearProperty(PrometheusExtension.BIN_PROPERTY);
    System.clearProperty(PrometheusExtension.DIR_PROPERTY);
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().allEvents();
  }

  /** A class whose tests need the server: it queries, and one test fails. Run only through the test kit. */
  static class FailingClass {
    @RegisterExtension
    static final PrometheusExtension PROMETHEUS = PrometheusExtension.backfilling(TRAFFIC);

    @Test
    void queries() {
      seenBaseUri = PROMETHEUS.baseUri();
      SeldonHpaAssertions.assertThat(PROMETHEUS).query("sum(rate(seldon_model_infer_total[2m]))").hasValue(7.5);
    }

    @Test
    void fails() {
      SeldonHpaAssertions.assertThat(PROMETHEUS).query("sum(rate(seldon_model_infer_total[2m]))").hasValue(1);
    }

    /** Nested classes share the outer class's server. */
    @Nested
    class Inner {
      @Test
      void queriesTheSameServer() {
        assertThat(PROMETHEUS.baseUri()).isEqualTo(seenBaseUri);
        SeldonHpaAssertions.assertThat(PROMETHEUS).query("sum(rate(seldon_model_infer_total[2m]))")
            .hasValue(7.5);
      }
    }
  }

  @Test
  void withoutTheBinariesEveryTestIsReportedSkippedWithTheInstallCommand(@TempDir Path empty) {
    System.setProperty(PrometheusExtension.BIN_PROPERTY, empty.toString());

    Events events = run(FailingClass.class);

    events.assertThatEvents().haveExactly(1, event(skippedWithReason("skipped: a real Prometheus is needed, and "
        + empty.resolve("prometheus") + " or " + empty.resolve("promtool") + " is missing; install them with"
        + " `apt-get update && apt-get install -y prometheus` (Debian or Ubuntu, as root), or name their folder"
        + " with -Dseldonhpa.prometheus.bin")));
    assertThat(events.failed().count()).isZero();
    assertThat(events.started().count()).as("only the engine starts, no test runs").isEqualTo(1);
  }

  @Test
  void aFailingBackfillFailsEveryTestWithPromtoolsOutput(@TempDir Path dir) throws IOException {
    Path bin = fakeBinaries(dir, "echo 'cannot parse line 3' >&2; exit 1", "exit 0");
    System.setProperty(PrometheusExtension.BIN_PROPERTY, bin.toString());
    System.setProperty(PrometheusExtension.DIR_PROPERTY, dir.resolve("work").toString());
    Path work = dir.resolve("work").resolve(FailingClass.class.getName());

    Events events = run(FailingClass.class);

    events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(IllegalStateException.class),
        message(bin.resolve("promtool") + " tsdb create-blocks-from openmetrics " + work.resolve("seldon.om") + " "
            + work.resolve("data") + " failed with exit code 1:\ncannot parse line 3"))));
    assertThat(events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count()).isZero();
    assertThat(work.resolve("seldon.om")).content().startsWith("# TYPE seldon_model_infer counter\n");
  }

  @Test
  void aServerThatExitsFailsWithTheEndOfItsLog(@TempDir Path dir) throws IOException {
    Path bin = fakeBinaries(dir, "exit 0", "echo 'err=\"opening storage failed\"'; exit 1");
    System.setProperty(PrometheusExtension.BIN_PROPERTY, bin.toString());
    System.setProperty(PrometheusExtension.DIR_PROPERTY, dir.resolve("work").toString());

    Events events = run(FailingClass.class);

    events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(IllegalStateException.class),
        message(m -> m.startsWith("prometheus did not become ready within 60 s on http://127.0.0.1:")
            && m.endsWith("prometheus-1.log:\nerr=\"opening storage failed\"")))));
  }

  @Test
  void aFolderTheExtensionDidNotWriteIsNeverEmptied(@TempDir Path dir) throws IOException {
    Path bin = fakeBinaries(dir, "exit 0", "exit 1");
    System.setProperty(PrometheusExtension.BIN_PROPERTY, bin.toString());
    System.setProperty(PrometheusExtension.DIR_PROPERTY, dir.resolve("work").toString());
    Path work = Files.createDirectories(dir.resolve("work").resolve(FailingClass.class.getName()));
    Files.writeString(work.resolve("notes.txt"), "mine");

    Events events = run(FailingClass.class);

    events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(IllegalStateException.class),
        message("refusing to empty " + work + ": it holds files the PrometheusExtension did not write (no"
            + " seldon.om)"))));
    assertThat(work.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void theRealServerAnswersAndIsStoppedAfterAFailedTest() {
    Path bin = PrometheusExtension.binaries();
    assumeTrue(Files.isExecutable(bin.resolve("prometheus")) && Files.isExecutable(bin.resolve("promtool")),
        "needs " + bin.resolve("prometheus") + "; install it with `" + PrometheusExtension.INSTALL_COMMAND + "`");
    seenBaseUri = null;

    Events events = run(FailingClass.class);

    events.assertThatEvents()
        .haveExactly(1, event(test("method:queries()"), finishedSuccessfully()))
        .haveExactly(1, event(test("method:queriesTheSameServer()"), finishedSuccessfully()))
        .haveExactly(1, event(test("method:fails()"), finishedWithFailure(instanceOf(AssertionError.class),
            message("expected the query to return one sample of 1 at 2026-01-01T00:00:00Z, but it returned {} 7.5;"
                + " query: sum(rate(seldon_model_infer_total[2m]))"))));
    assertThat(seenBaseUri).isNotNull();
    assertThatThrownBy(() -> PrometheusClient.of(seenBaseUri).query("up", END))
        .isInstanceOf(PrometheusException.Unreachable.class);
    assertThat(Paths.get("target", "seldon-hpa-prometheus", FailingClass.class.getName(), "prometheus-1.log"))
        .exists();
  }

  @Test
  void outsideItsClassTheExtensionSaysHowToRegisterIt() {
    assertThatThrownBy(() -> PrometheusExtension.backfilling(TRAFFIC).client())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("prometheus is not running: register the PrometheusExtension on a static field with"
            + " @RegisterExtension and use it inside the test class");
    assertThatThrownBy(() -> PrometheusExtension.backfilling(TRAFFIC).startTimeout(java.time.Duration.ZERO))
        .hasMessage("startTimeout must be > 0 (was PT0S)");
  }

  /** A folder with shell scripts standing in for promtool and prometheus. */
  private static Path fakeBinaries(Path dir, String promtool, String prometheus) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String[] script : new String[][] {{"promtool", promtool}, {"prometheus", prometheus}}) {
      Path file = Files.writeString(bin.resolve(script[0]), "#!/bin/sh\n" + script[1] + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin;
  }
}
