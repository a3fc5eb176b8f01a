package io.github.seldonhpa.scaling;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.NativeScaling;
import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static ScalingPlan plan(int min, int max, long target) {
    return scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(target))).replicas(min, max).build();
  }

  /** 10 RPS, then 40 RPS from second 61: one replica needs to become four. */
  private static Simulation.Builder stepLoad(ScalingPlan plan) {
    return stepLoad(plan, 12, StartupDelay.fixed(Duration.ofSeconds(30)));
  }

  private static Simulation.Builder stepLoad(ScalingPlan plan, double saturation, StartupDelay startup) {
    return Simulation.builder()
        .trace(RpsTrace.points(new double[] {0, 60, 61}, new double[] {10, 10, 40}, Duration.ofSeconds(120)))
        .modelHpa(plan.modelHpa()).serverHpa(plan.serverHpa()).saturationRps(saturation).metricWindow(SECOND)
        .serverStartup(startup);
  }

  @Test
  void aModelScaledAheadOfItsServersIsScheduleFailedWhileTheOldReplicaServes() {
    SimulationResult r = stepLoad(plan(1, 10, 10)).build().run();
    List<TimelineStep> t = r.timeline();
    assertThat(t).hasSize(120);
    assertThat(t.get(74)).hasToString("74,40,40,1,1,1,1,false,40");
    // both HPAs sync at 75 s: 1 -> 4 (legacy max(2x, 4)); the 3 new pods serve at 105 s
    assertThat(t.get(75)).hasToString("75,40,40,4,1,4,1,true,40");
    assertThat(t.get(104)).hasToString("104,40,40,4,1,4,1,true,40");
    assertThat(t.get(105)).hasToString("105,40,40,4,4,4,4,false,10");
    assertThat(r.summary().report()).isEqualTo(""
        + "simulated: 120 s\n"
        + "above saturation: 44 s (longest stretch 44 s)\n"
        + "peak load per serving replica: 40 rps (saturation 12 rps)\n"
        + "ScheduleFailed: 30 s\n"
        + "server replica-seconds: 255\n"
        + "serving model replica-seconds: 165\n"
        + "peak replicas: model 4, server 4\n");
    assertThat(r.toCsv()).startsWith("time_seconds,rps,metric_rps,model_desired,model_serving,server_desired,"
        + "server_ready,schedule_failed,load_per_serving_replica\n0,10,10,1,1,1,1,false,10\n");
  }

  @Test
  void aModelHpaOnAnEarlierTimerWaitsForTheServerHpaAndSummarizeMatchesRun() {
    Simulation sim = stepLoad(plan(1, 10, 10)).modelHpaOffset(Duration.ofSeconds(10)).build();
    SimulationResult r = sim.run();
    // the Model HPA syncs at 70 s, the Server HPA at 75 s: the new pods serve at 105 s
    assertThat(r.timeline().get(70).toString()).isEqualTo("70,40,40,4,1,1,1,true,40");
    assertThat(r.timeline().get(104).toString()).isEqualTo("104,40,40,4,1,4,1,true,40");
    assertThat(r.timeline().get(105).toString()).isEqualTo("105,40,40,4,4,4,4,false,10");
    assertThat(sim.summarize().report()).isEqualTo(r.summary().report());
    assertThat(sim.summarize().scheduleFailedSeconds()).isEqualTo(35.0);
  }

  @Test
  void toleranceCanLeaveTheModelAndServerHpasOneReplicaApart() {
    // 96 RPS against averageValue 8 asks for 12; the Server HPA, a sync behind on the ramp, stops at 11
    // because 96 / (8 * 11) = 1.09 is within the 10 % tolerance, and the model stays ScheduleFailed
    ScalingPlan p = plan(2, 12, 8);
    SimulationResult r = Simulation.builder()
        .trace(RpsTrace.ramp(16, 96, Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofMinutes(15)))
        .modelHpa(p.modelHpa()).serverHpa(p.serverHpa()).serverHpaOffset(Duration.ofSeconds(7)).saturationRps(10)
        .build().run();
    assertThat(r.timeline().get(899).toString()).isEqualTo("899,96,96,12,2,11,11,true,48");
  }

  @Test
  void podsBeyondTheStartingLimitWaitPending() {
    SimulationResult r = stepLoad(plan(1, 10, 10)).maxStartingPods(2).build().run();
    // two pods start at 75 s and serve at 105 s; the third starts then and serves at 135 s, after the end
    assertThat(r.timeline().get(119)).hasToString("119,40,40,4,1,4,3,true,40");
  }

  @Test
  void withoutAServerHpaTheServersFollowTheModel() {
    ScalingPlan modelOnly = scalingPlan("irisa0").namespace("seldon-mesh")
        .addMetric(objectMetric("infer_rps", averageValue(10))).replicas(1, 10).build();
    SimulationResult r = stepLoad(modelOnly).build().run();
    assertThat(r.timeline().get(75)).hasToString("75,40,40,4,1,4,1,true,40");
  }

  @Test
  void nativeLagScalingWaitsForAStableModelAndAddsOneReplicaAtATime() {
    ScalingPlan p = scalingPlan("irisa0").namespace("seldon-mesh")
        .addMetric(objectMetric("infer_rps", averageValue(10))).replicas(1, 5).build();
    SimulationResult r = Simulation.builder().trace(RpsTrace.constant(30, Duration.ofSeconds(700)))
        .modelHpa(p.modelHpa()).nativeScaling(NativeScaling.builder().build()).saturationRps(10)
        .seldonVersion(SeldonVersion.of("2.9.1"))
        .serverStartup(StartupDelay.fixed(Duration.ofSeconds(30))).build().run();
    List<TimelineStep> t = r.timeline();
    assertThat(t.get(299).modelDesired()).isEqualTo(1);
    assertThat(t.get(300)).hasToString("300,30,30,2,1,2,1,true,30");
    assertThat(t.get(330)).hasToString("330,30,30,2,2,2,2,false,15");
    // the next scale-up needs 5 stable minutes after the last change (330 s): the stats check at 640 s
    assertThat(t.get(639).modelDesired()).isEqualTo(2);
    assertThat(t.get(640).modelDesired()).isEqualTo(3);
  }

  @Test
  void nativeScalingSwitchedOffKeepsTheReplicas() {
    ScalingPlan p = plan(1, 5, 10);
    SimulationSummary s = Simulation.builder().trace(RpsTrace.constant(30, Duration.ofSeconds(700)))
        .modelHpa(p.modelHpa()).nativeScaling(NativeScaling.builder().autoscalingModelEnabled(false).build())
        .saturationRps(10).build().summarize();
    assertThat(s.peakModelReplicas()).isEqualTo(1);
    assertThat(s.secondsAboveSaturation()).isEqualTo(700.0);
  }

  @Test
  void seededStartupDelaysReplayIdentically() {
    Simulation sim = stepLoad(plan(1, 10, 10), 12,
        StartupDelay.uniform(Duration.ofSeconds(20), Duration.ofSeconds(40), 7)).build();
    assertThat(sim.run().toCsv()).isEqualTo(sim.run().toCsv());
  }

  @Test
  void svgShowsTheLoadTheReplicasAndTheScheduleFailedTime() {
    String svg = stepLoad(plan(1, 10, 10)).build().run().toSvg("Step <load>");
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\"")
        .contains("Step &lt;load&gt;", "saturation 12 rps", ">ScheduleFailed<", ">model serving<",
            ">server ready<", ">time (seconds)<", "fill=\"#f6c9cc\"")
        .endsWith("</svg>\n");
  }

  @Test
  void invalidSimulationsAreRejected() {
    ScalingPlan p = plan(1, 10, 10);
    assertThatThrownBy(() -> stepLoad(p, 0, StartupDelay.fixed(SECOND)).build())
        .isInstanceOf(HpaValidationException.class).hasMessage("saturationRps must be > 0 (was 0.0)");
    assertThatThrownBy(() -> stepLoad(p).serverHpaOffset(Duration.ofSeconds(20)).build())
        .isInstanceOf(HpaValidationException.class).hasMessage("serverHpaOffset must be in 0..PT15S (was PT20S)");
    assertThatThrownBy(() -> stepLoad(p).initialReplicas(11).build())
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("initialReplicas must be in 1..10, the Model HPA's bounds (was 11)");
  }
}
