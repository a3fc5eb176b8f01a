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

/** The gaps a new user found against the seeds, one named test each. */
class SeedGapsRegressionTest {
  private static final ScalingPlan NATIVE = scalingPlan("tfsimple").namespace("seldon-mesh")
      .addMetric(objectMetric("infer_rps", averageValue(10))).replicas(1, 5).build();

  private static Simulation.Builder nativeUnderLoad() {
    return Simulation.builder().trace(RpsTrace.constant(30, Duration.ofSeconds(700))).modelHpa(NATIVE.modelHpa())
        .nativeScaling(NativeScaling.builder().build()).saturationRps(10).seldonVersion(SeldonVersion.of("2.9.1"))
        .serverStartup(StartupDelay.fixed(Duration.ofSeconds(30)));
  }

  /**
   * Seed 003: "for scaling up the model when autoscaling of the Servers is not set up, trigger the scale-up
   * only if there are sufficient server replicas that can load the new model replicas".
   */
  @Test
  void seed003NativeScaleUpNeedsServerReplicasWhenServerAutoscalingIsOff() {
    SimulationResult fixedAtOne = nativeUnderLoad().fixedServerReplicas(1).build().run();
    assertThat(fixedAtOne.summary().peakModelReplicas()).isEqualTo(1);
    assertThat(fixedAtOne.summary().scheduleFailedSeconds()).isZero();
    assertThat(fixedAtOne.timeline().get(699)).hasToString("699,30,30,1,1,1,1,false,30");
    // two fixed server replicas: one scale-up fits (at the first stats check after 5 stable minutes), no more
    SimulationResult fixedAtTwo = nativeUnderLoad().initialReplicas(1).fixedServerReplicas(2).build().run();
    assertThat(fixedAtTwo.timeline().get(299).modelDesired()).isEqualTo(1);
    assertThat(fixedAtTwo.timeline().get(300)).hasToString("300,30,30,2,2,2,2,false,15");
    assertThat(fixedAtTwo.summary().peakModelReplicas()).isEqualTo(2);
    assertThat(fixedAtTwo.summary().scheduleFailedSeconds()).isZero();
  }

  @Test
  void nativeModelScalingIsInertFromSeldon210() {
    SimulationSummary inert = Simulation.builder().trace(RpsTrace.constant(30, Duration.ofSeconds(700)))
        .modelHpa(NATIVE.modelHpa()).nativeScaling(NativeScaling.builder().build()).saturationRps(10)
        .seldonVersion(SeldonVersion.of("v2.10.0")).build().summarize();
    assertThat(inert.peakModelReplicas()).isEqualTo(1);
    assertThat(inert.secondsAboveSaturation()).isEqualTo(700.0);
    SimulationSummary byDefault = Simulation.builder().trace(RpsTrace.constant(30, Duration.ofSeconds(700)))
        .modelHpa(NATIVE.modelHpa()).nativeScaling(NativeScaling.builder().build()).saturationRps(10).build()
        .summarize();
    assertThat(byDefault.peakModelReplicas()).isEqualTo(1);
    assertThat(nativeUnderLoad().build().summarize().peakModelReplicas()).isEqualTo(3);
  }

  @Test
  void aRampFromTimeZeroStartsAtItsFromRate() {
    RpsTrace ramp = RpsTrace.ramp(10, 70, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(90));
    assertThat(List.of(ramp.rps(0), ramp.rps(30), ramp.rps(60), ramp.rps(89))).containsExactly(10.0, 40.0, 70.0, 70.0);
    assertThatThrownBy(() -> RpsTrace.ramp(1, 2, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(9)))
        .isInstanceOf(HpaValidationException.class).hasMessage("end must be after start PT5S (was PT5S)");
  }

  @Test
  void fixedServerReplicasAndAServerHpaExcludeEachOther() {
    ScalingPlan pair = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(10))).replicas(1, 5).build();
    assertThatThrownBy(() -> Simulation.builder().trace(RpsTrace.constant(1, Duration.ofSeconds(10)))
        .modelHpa(pair.modelHpa()).serverHpa(pair.serverHpa()).fixedServerReplicas(2).saturationRps(10).build())
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("fixedServerReplicas must be unset when a serverHpa scales the Server (was 2)");
  }

  @Test
  void seldonVersionsParseAndCompare() {
    assertThat(SeldonVersion.of("v2.10.2")).isEqualTo(SeldonVersion.LATEST).hasToString("2.10.2");
    assertThat(SeldonVersion.of("2.9").nativeModelScalingInert()).isFalse();
    assertThat(SeldonVersion.of("2.10").nativeModelScalingInert()).isTrue();
    assertThatThrownBy(() -> SeldonVersion.of("two")).isInstanceOf(HpaValidationException.class)
        .hasMessage("seldonVersion must look like 2.9.1 or v2.10.2 (was \"two\")");
  }

  @Test
  void aTraceWritesCsvThatReadsBackToTheSameRates() {
    RpsTrace ramp = RpsTrace.ramp(10, 70, Duration.ofSeconds(20), Duration.ofSeconds(80), Duration.ofSeconds(90));
    String csv = ramp.toCsv(Duration.ofSeconds(25));
    assertThat(csv).isEqualTo("time_seconds,rps\n0,10\n25,15\n50,40\n75,65\n90,70\n");
    RpsTrace back = RpsTrace.parseCsv(csv);
    assertThat(back.rps(50)).isEqualTo(40.0);
    assertThat(back.length()).isEqualTo(Duration.ofSeconds(90));
  }
}
