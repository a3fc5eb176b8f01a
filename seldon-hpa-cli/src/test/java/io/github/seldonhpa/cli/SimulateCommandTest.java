package io.github.seldonhpa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.k8s.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private static final String PLAN = "src/test/resources/cli/plans/irisa0.plan.yaml";
  private static final String TRACE = "src/test/resources/cli/trace.csv";

  @Test
  void printsTheSummaryAndWritesChartAndReport(@TempDir Path dir) throws IOException {
    Path svg = dir.resolve("timeline.svg");
    Path md = dir.resolve("report.md");
    Cli r = Cli.run("simulate", "--plan", PLAN, "--trace", TRACE, "--saturation-rps", "5",
        "--server-startup", "90s", "--svg", svg.toString(), "--report", md.toString());
    assertThat(r.code).as(r.toString()).isZero();
    Golden.assertMatches("simulate/irisa0.txt", r.out);
    assertThat(r.err).as("a run under a second prints no progress").isEmpty();
    assertThat(Files.readString(svg)).startsWith("<svg").contains("irisa0 under trace.csv");
    String report = Files.readString(md);
    assertThat(report).startsWith("# irisa0 under trace.csv\n\n| figure | value |\n")
        .contains("| peak replicas | model 3, server 3 |").endsWith("\n![timeline](timeline.svg)\n");
  }

  @Test
  void aLongerStartupLeavesTheModelScheduleFailedLonger() {
    String fast = Cli.run("simulate", "--plan", PLAN, "--trace", TRACE, "--saturation-rps", "5",
        "--server-startup", "10s").out;
    String slow = Cli.run("simulate", "--plan", PLAN, "--trace", TRACE, "--saturation-rps", "5",
        "--server-startup", "5m").out;
    assertThat(seconds(slow, "ScheduleFailed: ")).isGreaterThan(seconds(fast, "ScheduleFailed: "));
  }

  @Test
  void badTraceIsOneLine(@TempDir Path dir) throws IOException {
    Path trace = dir.resolve("t.csv");
    Files.writeString(trace, "time_seconds,rps\n0,1\n10,x\n");
    Cli r = Cli.run("simulate", "--plan", PLAN, "--trace", trace.toString(), "--saturation-rps", "5");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo("seldon-hpa simulate: csv line 3 rps must be a number (was \"x\")\n");
    Cli missing = Cli.run("simulate", "--plan", PLAN, "--trace", dir.resolve("none.csv").toString(),
        "--saturation-rps", "5");
    assertThat(missing.code).isEqualTo(2);
    assertThat(missing.err).startsWith("seldon-hpa simulate: ").contains("none.csv");
  }

  private static double seconds(String report, String label) {
    String line = report.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
    return Double.parseDouble(line.substring(label.length(), line.indexOf(" s")));
  }

  @Test
  void aLongRunPrintsOneProgressLineOnStandardError() throws InterruptedException {
    java.io.StringWriter err = new java.io.StringWriter();
    String result = SimulateCommand.withProgress(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    }, "simulating 86400 s of load", new java.io.PrintWriter(err, true), 50);
    assertThat(result).isEqualTo("done");
    assertThat(err.toString()).startsWith("\rsimulating 86400 s of load: 0 s so far").endsWith("\n")
        .doesNotContain("\n\r");
    assertThat(err.toString().split("\r", -1).length).isGreaterThan(2);
  }

  @Test
  void aShortRunPrintsNothing() throws InterruptedException {
    java.io.StringWriter err = new java.io.StringWriter();
    assertThat(SimulateCommand.withProgress(() -> 7, "x", new java.io.PrintWriter(err, true), 60_000)).isEqualTo(7);
    assertThat(err.toString()).isEmpty();
  }
}
