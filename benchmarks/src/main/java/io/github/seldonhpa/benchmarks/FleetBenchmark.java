package io.github.seldonhpa.benchmarks;

import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.scaling.Cluster;
import io.github.seldonhpa.scaling.Fleet;
import io.github.seldonhpa.scaling.FleetModel;
import io.github.seldonhpa.scaling.FleetResult;
import io.github.seldonhpa.scaling.FleetServer;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A day of {@code pairs} Seldon Model/Server HPA pairs on one finite cluster at 15 s steps, on two threads:
 * each pair has its own diurnal trace (their peaks spread over about three hours, as one region's traffic
 * is), HPA timers and seeded start-up delays. {@code room}: {@code ample}, a cluster that fits every server at
 * its maxReplicas, so no pod ever waits; {@code tight}, 90% of the pods the fleet asks for at its peak, so for
 * hours around the peak pods wait Pending and the servers that wait step in lockstep with the scheduling
 * passes. One operation is the whole day; the fleet is built fresh for each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class FleetBenchmark {
  @Param({"1000", "10000"})
  public int pairs;

  @Param({"ample", "tight"})
  public String room;

  private Fleet fleet;

  /** The fleet: pairs of the seeds' recommended plan with varied load. */
  static Fleet fleet(int pairs, int threads, boolean tight) {
    ScalingPlan plan = HpaStepBenchmark.plan();
    Fleet.Builder b = Fleet.builder().tick(Duration.ofSeconds(15)).threads(threads);
    Duration day = Duration.ofDays(1);
    // the pods the HPAs ask for at once, sampled every 15 minutes: its maximum is the fleet's peak
    long[] demand = new long[96];
    for (int p = 0; p < pairs; p++) {
      double base = 20 + p % 50;
      double amplitude = 10 + p % 120;
      double phase = 0.1 * (p % 8);
      RpsTrace trace = RpsTrace.of(t -> base + amplitude * (1 + Math.sin(2 * Math.PI * t / 86_400 + phase)), day);
      for (int q = 0; q < demand.length; q++) {
        demand[q] += Math.max(2, Math.min(40, (long) Math.ceil(trace.rps(q * 900) / 8)));
      }
      FleetModel m = FleetModel.builder().name("model-" + p).trace(trace).hpa(plan.modelHpa()).saturationRps(10)
          .hpaOffset(Duration.ofSeconds(p % 16)).build();
      b.addServers(FleetServer.builder().name("server-" + p).addModels(m).hpa(plan.serverHpa())
          .hpaOffset(Duration.ofSeconds((p * 7) % 16))
          .startup(StartupDelay.uniform(Duration.ofSeconds(45), Duration.ofSeconds(120), p)).build());
    }
    long peak = java.util.Arrays.stream(demand).max().orElse(0);
    long pods = tight ? peak * 9 / 10 : (long) pairs * plan.maxReplicas();
    return b.cluster(Cluster.builder().nodes((int) (pods / 50) + 1).podsPerNode(50).build()).build();
  }

  @Setup(Level.Invocation)
  public void setUp() {
    fleet = fleet(pairs, 2, "tight".equals(room));
  }

  @Benchmark
  public double fleetForADayOnTwoThreads() {
    FleetResult r = fleet.run();
    return r.secondsAboveSaturation() + r.pendingPodSeconds();
  }
}
