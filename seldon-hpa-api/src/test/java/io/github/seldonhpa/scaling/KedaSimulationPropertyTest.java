package io.github.seldonhpa.scaling;

import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of the KEDA simulation over random plans, traces, start-up delays and KEDA settings. */
class KedaSimulationPropertyTest {
  private static final long SEED = Long.getLong("QT_SEED", 0x6EDAL);
  private static final List<String> QUERY = List.of("sum(rate(seldon_model_infer_total{model=\"m\"}[1m]))");

  static {
    System.out.println("KedaSimulationPropertyTest QuickTheories seed " + SEED
        + " (rerun with -DQT_SEED=" + SEED + ")");
  }

  private static KedaSimulation.Builder simulation(ScalingPlan plan, RpsTrace trace, StartupDelay startup,
      KedaOptions options) {
    List<ScaledObject> sos = options.scaledObjects(plan, List.of(QUERY.get(0)));
    Simulation hpa = Simulation.builder().trace(trace).modelHpa(plan.modelHpa()).serverHpa(plan.serverHpa())
        .serverStartup(startup).serverHpaOffset(Duration.ofSeconds(7)).saturationRps(10).build();
    return KedaSimulation.builder().hpa(hpa).modelScaledObject(sos.get(0))
        .serverScaledObject(sos.size() > 1 ? java.util.Optional.of(sos.get(1)) : java.util.Optional.empty());
  }

  @Test
  void withAFloorOfOneKedaDecidesExactlyWhatTheHpaDecides() {
    qt().withExamples(1000).withFixedSeed(SEED)
        .forAll(SimulationPropertyTest.plans(), SimulationPropertyTest.traces(), SimulationPropertyTest.startups())
        .checkAssert((plan, trace, startup) -> {
          KedaComparison c = simulation(plan, trace, startup, KedaOptions.builder().serverAddress("http://p:9090")
              .build()).build().compare();
          List<TimelineStep> keda = c.keda().timeline();
          List<TimelineStep> hpa = c.hpa().timeline();
          for (int i = 0; i < hpa.size(); i++) {
            TimelineStep k = keda.get(i);
            TimelineStep h = hpa.get(i);
            if (k.modelDesired() != h.modelDesired() || k.serverDesired() != h.serverDesired()
                || k.modelServing() != h.modelServing() || k.serverReady() != h.serverReady()) {
              fail("KEDA and HPA + adapter differ at " + k + " / " + h + " for " + plan);
            }
          }
        });
  }

  @Test
  void scaledToZeroKedaActivatesOnAPollAndStaysInBounds() {
    Gen<int[]> keda = integers().between(1, 60).zip(integers().between(0, 600), integers().between(0, 20),
        integers().between(0, 1), (poll, cool, activation, start) -> new int[] {poll, cool, activation, start});
    qt().withExamples(1000).withFixedSeed(SEED)
        .forAll(SimulationPropertyTest.plans(), SimulationPropertyTest.traces(), SimulationPropertyTest.startups(), keda)
        .checkAssert((plan, trace, startup, k) -> {
          KedaOptions options = KedaOptions.builder().serverAddress("http://p:9090").minReplicaCount(0)
              .pollingInterval(Duration.ofSeconds(k[0])).cooldownPeriod(Duration.ofSeconds(k[1]))
              .activationThreshold(String.valueOf(k[2])).build();
          SimulationResult r = simulation(plan, trace, startup, options).initialReplicas(k[3]).build().run();
          int last = k[3];
          for (TimelineStep s : r.timeline()) {
            long t = (long) s.timeSeconds();
            boolean activated = last == 0 && s.modelDesired() > 0;
            boolean ok = s.modelDesired() >= 0 && s.modelDesired() <= plan.maxReplicas()
                && s.modelServing() <= s.serverReady() && s.serverReady() <= s.serverDesired()
                // only a KEDA poll leaves zero (to 1, and its HPA may raise that in the same step), above activation
                && (!activated || t % k[0] == 0 && s.metricRps() > k[2])
                // zero while active lasts at most one polling interval
                && !(s.modelDesired() == 0 && s.metricRps() > k[2] && t % k[0] == 0);
            if (!ok) {
              fail("invariant broken at step " + s + " (poll " + k[0] + " s, activation " + k[2] + ")");
            }
            last = s.modelDesired();
          }
        });
  }
}
