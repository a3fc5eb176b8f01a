package io.github.seldonhpa.benchmarks;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;

import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.scaling.HpaController;
import io.github.seldonhpa.scaling.MetricReading;
import io.github.seldonhpa.scaling.ScaleDecision;
import java.time.Duration;
import java.time.Instant;
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
 * One reconcile of a Seldon Model HPA with behaviors (scale-up window 60 s with Pods 5 per 90 s, default
 * scale-down): stabilization over both windows, policy limits from the scale-event history, conditions.
 * The load follows a wave so the HPA scales up and down; the clock advances 15 s per reconcile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HpaStepBenchmark {
  private HpaController hpa;
  private MetricReading[] readings;
  private long now;
  private int current;
  private int i;

  /** A Seldon pair with the seeds' recommended scale-up: averageValue 8, replicas 2..40. */
  static ScalingPlan plan() {
    return scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(8))).replicas(2, 40)
        .scaleUp(scalingRules().stabilizationWindow(Duration.ofSeconds(60)).addPolicy(pods(5, Duration.ofSeconds(90)))
            .build())
        .build();
  }

  @Setup
  public void setUp() {
    hpa = HpaController.of(plan().modelHpa());
    readings = new MetricReading[256];
    for (int k = 0; k < readings.length; k++) {
      double rps = 160 + 140 * Math.sin(2 * Math.PI * k / readings.length);
      readings[k] = MetricReading.objectAverageValue((long) Math.ceil(rps * 1000), 8000);
    }
    now = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    current = 2;
  }

  @Benchmark
  public ScaleDecision hpaStepWithBehaviors() {
    now += 15_000;
    ScaleDecision d = hpa.step(Instant.ofEpochMilli(now), current, readings[i++ & 255]);
    current = d.desiredReplicas();
    return d;
  }
}
