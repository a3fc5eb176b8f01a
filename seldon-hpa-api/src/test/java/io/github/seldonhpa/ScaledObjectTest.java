package io.github.seldonhpa;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaledObjectTest {
  private static final String QUERY = "sum by (model) (rate (seldon_model_infer_total{namespace=\"seldon-mesh\","
      + "model=\"irisa0\"}[2m]))";

  private static ScalingPlan pair() {
    return scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(3))).replicas(1, 3)
        .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
        .build();
  }

  private static ScaledObject modelSo(java.util.function.Function<ImmutableScaledObject, ScaledObject> change) {
    ScaledObject base = keda("http://prometheus:9090").build().scaledObjects(pair(), List.of(QUERY)).get(0);
    return change.apply((ImmutableScaledObject) base);
  }

  @Test
  void thePlanYieldsAModelAndAServerScaledObjectInStep() {
    List<ScaledObject> sos = keda("http://prometheus:9090").build().scaledObjects(pair(), List.of(QUERY));
    assertThat(sos).extracting(ScaledObject::name).containsExactly("irisa0-model", "mlserver-server");
    assertThat(sos).extracting(s -> s.scaleTargetRef().kind()).containsExactly("Model", "Server");
    for (ScaledObject so : sos) {
      assertThat(so.minReplicaCount()).contains(1);
      assertThat(so.maxReplicaCount()).contains(3);
      assertThat(so.behavior()).isEqualTo(pair().behavior());
      assertThat(so.triggers()).singleElement().satisfies(t -> {
        assertThat(t.query()).isEqualTo(QUERY);
        assertThat(t.threshold()).isEqualTo(Quantity.of(3));
        assertThat(t.metricType()).isEqualTo(MetricTarget.Type.AVERAGE_VALUE);
      });
    }
  }

  @Test
  void theGeneratedHpaIsKedasOwn() {
    Hpa hpa = modelSo(b -> b).hpa();
    Hpa expected = Hpa.builder().name("keda-hpa-irisa0-model").namespace("seldon-mesh")
        .scaleTargetRef(ObjectReference.model("irisa0")).minReplicas(1).maxReplicas(3)
        .addMetric(ExternalMetric.builder().metricName("s0-prometheus")
            .selector(LabelSelector.matchLabel("scaledobject.keda.sh/name", "irisa0-model"))
            .target(MetricTarget.averageValue(3)).build())
        .behavior(pair().behavior())
        .build();
    assertThat(hpa).isEqualTo(expected);
    // KEDA's GetHPAMinReplicas: a minReplicaCount of 0 (or unset) still gives the HPA 1
    assertThat(modelSo(b -> b.withMinReplicaCount(0)).hpa().minReplicas()).contains(1);
    assertThat(modelSo(b -> b.withMinReplicaCount(java.util.Optional.empty()).withMaxReplicaCount(java.util.Optional.empty()))
        .hpa().maxReplicas()).isEqualTo(100);
    assertThat(ScaledObject.metricName(2)).isEqualTo("s2-prometheus");
  }

  @Test
  void theHpaTargetIsTheThresholdAsKedaRoundsIt() {
    PrometheusTrigger t = PrometheusTrigger.builder().serverAddress("http://p:9090").query(QUERY)
        .threshold(Quantity.parse("0.0625")).build();
    // %.3f of the float64 0.0625, an exact tie: half to even
    assertThat(t.hpaTarget()).isEqualTo(Quantity.parse("62m"));
    assertThat(PrometheusTrigger.decimal(Quantity.parse("1.5k"))).isEqualTo("1500");
    assertThat(PrometheusTrigger.decimal(Quantity.parse("500m"))).isEqualTo("0.5");
    assertThatThrownBy(() -> PrometheusTrigger.builder().serverAddress("http://p:9090").query(QUERY)
        .threshold(Quantity.parse("400u")).build()).isInstanceOf(HpaValidationException.class)
        .hasMessage("threshold must be at least 0.0005: KEDA rounds it to milli-units for the HPA, which refuses 0"
            + " (was 0.0004)");
    assertThatThrownBy(() -> PrometheusTrigger.builder().serverAddress("http://p:9090").query(QUERY)
        .threshold(Quantity.of(1)).metricType(MetricTarget.Type.UTILIZATION).build())
        .hasMessage("metricType must be AverageValue or Value: KEDA's prometheus scaler refuses Utilization"
            + " (was Utilization)");
  }

  @Test
  void kedasAdmissionRules() {
    assertThatThrownBy(() -> modelSo(b -> b.withMinReplicaCount(4)))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("minReplicaCount must be <= maxReplicaCount (was minReplicaCount=4, maxReplicaCount=3)");
    assertThatThrownBy(() -> modelSo(b -> b.withIdleReplicaCount(1)))
        .hasMessage("idleReplicaCount must be < minReplicaCount: KEDA idles below the HPA's range"
            + " (was idleReplicaCount=1, minReplicaCount=1)");
    // CheckReplicaCountBoundsAreValid: an unset minReplicaCount counts as 0, an explicit 0 as the HPA's 1
    assertThatThrownBy(() -> modelSo(b -> b.withMinReplicaCount(java.util.Optional.empty()).withIdleReplicaCount(0)))
        .hasMessage("idleReplicaCount must be < minReplicaCount: KEDA idles below the HPA's range"
            + " (was idleReplicaCount=0, minReplicaCount=unset, so 0)");
    assertThat(modelSo(b -> b.withMinReplicaCount(0).withIdleReplicaCount(0)).idleReplicaCount()).contains(0);
    assertThatThrownBy(() -> modelSo(b -> b.withName("m".repeat(55))))
        .hasMessage("name must be at most 54 characters: KEDA refuses a ScaledObject whose name or keda-hpa-<name> is"
            + " longer than a label value's 63 (was 55 characters)");
    assertThatThrownBy(() -> modelSo(b -> b.withTriggers(List.of())))
        .hasMessage("triggers must not be empty: KEDA needs at least one (was [])");
    assertThatThrownBy(() -> modelSo(b -> b.withPollingInterval(ofSeconds(0))))
        .hasMessage("pollingInterval must be >= 1 s (was PT0S)");
    assertThatThrownBy(() -> KedaFallback.of(-1, 2)).hasMessage("fallback.failureThreshold must be >= 0 (was -1)");
  }

  @Test
  void valueOnAModelHitsTheZeroPodSelector() {
    PrometheusTrigger value = PrometheusTrigger.builder().serverAddress("http://p:9090").query(QUERY)
        .threshold(Quantity.of(9)).metricType(MetricTarget.Type.VALUE).build();
    assertThatThrownBy(() -> modelSo(b -> b.withTriggers(List.of(value))))
        .hasMessage("triggers[0].metricType must be AverageValue on a Model: with Value the HPA scales by the ready"
            + " pods of the target's selector, and a Seldon Model's selector matches no pods (KEDA's fallback for"
            + " Value divides by them too) (was Value)");
    ScaledObject server = modelSo(b -> b.withScaleTargetRef(ObjectReference.server("mlserver")).withTriggers(List.of(value)));
    assertThat(server.hpa().metrics().get(0).target()).isEqualTo(MetricTarget.value(9));
  }

  @Test
  void kedaOptionsRules() {
    assertThatThrownBy(() -> keda("prometheus:9090").build())
        .hasMessage("serverAddress must be an http:// or https:// URL: KEDA appends /api/v1/query to it"
            + " (was \"prometheus:9090\")");
    assertThatThrownBy(() -> keda("http://p:9090").build().scaledObjects(pair(), List.of()))
        .hasMessage("queries must hold one query per plan metric (was 0 queries for 1 metrics)");
  }
}
