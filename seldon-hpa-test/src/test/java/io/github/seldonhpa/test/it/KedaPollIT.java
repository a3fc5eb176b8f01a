package io.github.seldonhpa.test.it;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.test.SeldonHpaAssertions.assertThat;
import static io.github.seldonhpa.test.it.SyntheticSeldonSeries.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.PrometheusTrigger;
import io.github.seldonhpa.Quantity;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.KedaManifests;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.test.PrometheusExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The KEDA assertions against the real Prometheus: the seeds' pair rendered as ScaledObjects, whose
 * prometheus triggers run the adapter's query through the same server (irisa0 in seldon-mesh: 7.5 rps).
 */
class KedaPollIT {
  @RegisterExtension
  static final PrometheusExtension PROMETHEUS = SyntheticSeldonSeries.prometheus();

  static final ScalingPlan PLAN = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
      .addMetric(objectMetric("infer_rps", averageValue(3))).replicas(1, 5).build();

  private static ScaledObject modelScaledObject(String activationThreshold) {
    List<ScaledObject> pair = KedaManifests.scaledObjects(PLAN, keda("http://127.0.0.1:9090")
        .activationThreshold(activationThreshold).build(), SeldonPresets.inferRpsConfig(Duration.ofMinutes(2)),
        SyntheticSeldonSeries.TRAFFIC.series());
    return pair.get(0);
  }

  @Test
  void theTriggerReadsTheRateAndDecides() {
    assertThat(PROMETHEUS).polls(modelScaledObject("1"), 1).hasTriggerValue(7.5).isActive().decides(3);
    assertThat(PROMETHEUS).polls(modelScaledObject("8"), 1, END).isNotActive();
  }

  @Test
  void failuresGiveEveryTrigger() {
    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).polls(modelScaledObject("1"), 1).decides(4)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected the ScaledObject seldon-mesh/irisa0-model to ask for 4 replicas from 1 at"
            + " 2026-01-01T00:00:00Z, but it asks for 3: s0-prometheus reads 7.5 (active, proposal 3)");
    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).polls(modelScaledObject("1"), 1).hasTriggerValue(7)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected the trigger of the ScaledObject seldon-mesh/irisa0-model to read 7 at"
            + " 2026-01-01T00:00:00Z, but s0-prometheus reads 7.5 (active, proposal 3)");
    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).polls(modelScaledObject("8"), 1).isActive()))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected the ScaledObject seldon-mesh/irisa0-model to be active at 2026-01-01T00:00:00Z, but no"
            + " trigger is above its activation threshold: s0-prometheus reads 7.5 (not active, proposal 3)");
    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).polls(modelScaledObject("1"), 1).isNotActive()))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected the ScaledObject seldon-mesh/irisa0-model not to be active at 2026-01-01T00:00:00Z,"
            + " but s0-prometheus reads 7.5 (active, proposal 3)");
  }

  @Test
  void aTriggerQueryWithSeveralSamplesFailsThePoll() {
    ScaledObject perPod = ScaledObject.builder().name("irisa0-model").namespace("seldon-mesh")
        .scaleTargetRef(ObjectReference.model("irisa0")).addTriggers(
        PrometheusTrigger.builder().serverAddress("http://127.0.0.1:9090")
            .query("sum by (pod) (rate(seldon_model_infer_total{namespace=\"seldon-mesh\",model=\"irisa0\"}[2m]))")
            .threshold(Quantity.of(3)).build()).build();

    assertThat(catchThrowable(() -> assertThat(PROMETHEUS).polls(perPod, 1))).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected KEDA to read the triggers of the ScaledObject seldon-mesh/irisa0-model at"
            + " 2026-01-01T00:00:00Z, but triggers[0].query must return one sample: KEDA fails with");
  }
}
