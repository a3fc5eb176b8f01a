package io.github.seldonhpa.benchmarks;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;

import io.github.seldonhpa.scaling.Cluster;
import io.github.seldonhpa.scaling.PlanSearch;
import io.github.seldonhpa.scaling.Planner;
import io.github.seldonhpa.scaling.RpsTrace;
import io.github.seldonhpa.scaling.StartupDelay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One planner search (300 sampled candidates, then coordinate descent) for 10 models with a day of diurnal
 * load each, replayed at 15 s steps on a 200-pod cluster; candidates replay on both cores. The planner is
 * built fresh for each operation with a new seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class PlannerBenchmark {
  private Planner planner;
  private long seed;

  @Setup(Level.Invocation)
  public void setUp() {
    Planner.Builder b = Planner.builder().template(scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
            .addMetric(objectMetric("infer_rps", averageValue(8))).replicas(2, 12).build())
        .saturationRps(10).cluster(Cluster.podBudget(200)).tick(Duration.ofSeconds(15))
        .serverStartup(StartupDelay.uniform(Duration.ofSeconds(60), Duration.ofSeconds(90), 1)).seed(++seed);
    for (int m = 0; m < 10; m++) {
      double base = 10 + 5 * m;
      double phase = m * 0.7;
      b.addTraces(RpsTrace.of(t -> base * (1.5 + Math.sin(2 * Math.PI * t / 86_400 + phase)), Duration.ofDays(1)));
    }
    planner = b.build();
  }

  @Benchmark
  public PlanSearch searchTenModelsOverADay() {
    return planner.search();
  }
}
