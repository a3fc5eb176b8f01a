package io.github.seldonhpa.benchmarks;

import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.scaling.RpsTrace;
import io.github.seldonhpa.scaling.Simulation;
import io.github.seldonhpa.scaling.SimulationSummary;
import io.github.seldonhpa.scaling.StartupDelay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A day of 10,000 Seldon Model/Server pairs at 15 s steps (5,760 steps, two HPA reconciles each: about 115
 * million HPA steps): each pair has its own diurnal trace, HPA timer offsets and seeded start-up delays; only
 * the summaries are kept. One operation is the whole day.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SimulateBenchmark {
  static final int PAIRS = 10_000;
  private Simulation[] simulations;

  @Setup
  public void setUp() {
    ScalingPlan plan = HpaStepBenchmark.plan();
    simulations = new Simulation[PAIRS];
    Duration day = Duration.ofDays(1);
    for (int p = 0; p < PAIRS; p++) {
      double base = 20 + p % 50;
      double amplitude = 10 + p % 120;
      double phase = p * 0.618;
      RpsTrace trace = RpsTrace.of(t -> base + amplitude * (1 + Math.sin(2 * Math.PI * t / 86_400 + phase)), day);
      simulations[p] = Simulation.builder().trace(trace).modelHpa(plan.modelHpa()).serverHpa(plan.serverHpa())
          .serverHpaOffset(Duration.ofSeconds(p % 16)).saturationRps(10).tick(Duration.ofSeconds(15))
          .serverStartup(StartupDelay.uniform(Duration.ofSeconds(45), Duration.ofSeconds(120), p)).build();
    }
  }

  @Benchmark
  public double simulateTenThousandPairsForADay() {
    double aboveSaturation = 0;
    for (Simulation s : simulations) {
      SimulationSummary summary = s.summarize();
      aboveSaturation += summary.secondsAboveSaturation();
    }
    return aboveSaturation;
  }
}
