package io.github.seldonhpa.cli;

import io.github.seldonhpa.k8s.PlanFile;
import io.github.seldonhpa.scaling.RpsTrace;
import io.github.seldonhpa.scaling.Simulation;
import io.github.seldonhpa.scaling.SimulationResult;
import io.github.seldonhpa.scaling.StartupDelay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seldon-hpa simulate}: replays a load trace through a plan's HPAs and Seldon's scheduler. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    header = "Replay a load trace through a plan's HPAs and Seldon's scheduler.",
    descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
    description = {"Replay an RPS trace (CSV: time_seconds,rps) through the plan's Model HPA, its Server HPA"
        + " and Seldon's all-or-nothing scheduler with a server start-up delay, and print when replicas lag"
        + " the load. A progress line goes to standard error for runs longer than a second."},
    footer = {"%nExamples:",
        "  seldon-hpa simulate --plan irisa0.plan.yaml --trace load.csv --saturation-rps 5",
        "  seldon-hpa simulate --plan irisa0.plan.yaml --trace load.csv --saturation-rps 5 \\",
        "      --server-startup 90s --svg timeline.svg --report report.md",
        "%nExit codes: 0 simulated, 2 bad usage or an invalid or unreadable plan or trace."})
final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--plan", paramLabel = "PLAN.yaml", required = true,
      description = "The plan file (its first plan); its nativeScaling, if any, replaces the Model HPA.")
  Path plan;

  @Option(names = "--trace", paramLabel = "FILE.csv", required = true,
      description = "The offered load: CSV with the header time_seconds,rps.")
  Path trace;

  @Option(names = "--saturation-rps", paramLabel = "RPS", required = true,
      description = "The per-replica RPS at which latency breaks.")
  double saturationRps;

  @Option(names = "--server-startup", paramLabel = "DURATION", converter = Durations.class, defaultValue = "60s",
      description = "A new server pod's start-up until it serves (pod start, image pull, model load)."
          + " Default: ${DEFAULT-VALUE}.")
  Duration serverStartup;

  @Option(names = "--svg", paramLabel = "OUT.svg", description = "Write the timeline chart.")
  Path svg;

  @Option(names = "--report", paramLabel = "OUT.md", description = "Write the summary as Markdown.")
  Path report;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<PlanFile> plans = PlanFile.read(plan);
    if (plans.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), plan + " holds no plan");
    }
    PlanFile p = plans.get(0);
    RpsTrace load = RpsTrace.readCsv(trace);
    Simulation simulation = Simulation.builder()
        .trace(load)
        .modelHpa(p.plan().modelHpa())
        .serverHpa(p.plan().serverHpa())
        .nativeScaling(p.nativeScaling())
        .saturationRps(saturationRps)
        .serverStartup(StartupDelay.fixed(serverStartup))
        .build();
    SimulationResult result = run(simulation, load, spec.commandLine().getErr());
    String title = p.plan().modelName() + " under " + trace.getFileName();
    PrintWriter out = spec.commandLine().getOut();
    out.print(result.summary().report());
    if (svg != null) {
      Files.write(svg, result.toSvg(title).getBytes(StandardCharsets.UTF_8));
    }
    if (report != null) {
      Files.write(report, markdown(title, result).getBytes(StandardCharsets.UTF_8));
    }
    return Main.OK;
  }

  /** Runs the simulation, printing a progress line to {@code err} each second once it takes more than one. */
  private static SimulationResult run(Simulation simulation, RpsTrace load, PrintWriter err)
      throws InterruptedException {
    return withProgress(simulation::run, "simulating " + load.length().getSeconds() + " s of load", err,
        TimeUnit.SECONDS.toMillis(1));
  }

  /**
   * Runs {@code work}; while it runs longer than {@code periodMillis}, rewrites one progress line on
   * {@code err} every period ({@code simulating 86400 s of load: 3 s so far}), ended by a line break.
   */
  static <T> T withProgress(Supplier<T> work, String what, PrintWriter err, long periodMillis)
      throws InterruptedException {
    CompletableFuture<T> running = CompletableFuture.supplyAsync(work);
    long start = System.nanoTime();
    boolean reported = false;
    try {
      while (true) {
        try {
          return running.get(periodMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
          err.print("\r" + what + ": " + seconds + " s so far");
          err.flush();
          reported = true;
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
              : new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (reported) {
        err.println();
      }
    }
  }

  private String markdown(String title, SimulationResult result) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n| figure | value |\n| --- | --- |\n");
    for (String line : result.summary().report().split("\n")) {
      int colon = line.indexOf(": ");
      md.append("| ").append(line, 0, colon).append(" | ").append(line.substring(colon + 2)).append(" |\n");
    }
    if (svg != null) {
      Path relative = report.toAbsolutePath().getParent().relativize(svg.toAbsolutePath());
      md.append("\n![timeline](").append(relative.toString().replace('\\', '/')).append(")\n");
    }
    return md.toString();
  }
}
