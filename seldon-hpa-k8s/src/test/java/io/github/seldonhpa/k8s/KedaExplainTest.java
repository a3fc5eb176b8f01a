package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.keda;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.k8s.testing.KubeSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class KedaExplainTest {
  private static List<ScaledObject> pair() {
    return KedaManifests.scaledObjects(KedaManifestsTest.seedsPair(),
        keda(KedaManifestsTest.PROMETHEUS).activationThreshold("0.5").build(), KedaManifestsTest.SEEDS_ADAPTER);
  }

  @Test
  void theGeneratedHpaAndItsExternalMetricRequest() {
    KedaExplanation e = KedaExplain.explain(pair().get(0));
    assertThat(e.hpaYaml()).isEqualTo("""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: keda-hpa-irisa0-model
          namespace: seldon-mesh
        spec:
          scaleTargetRef:
            apiVersion: mlops.seldon.io/v1alpha1
            kind: Model
            name: irisa0
          minReplicas: 1
          maxReplicas: 3
          metrics:
          - type: External
            external:
              metric:
                name: s0-prometheus
                selector:
                  matchLabels:
                    scaledobject.keda.sh/name: irisa0-model
              target:
                type: AverageValue
                averageValue: 3
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 60
              policies:
              - type: Pods
                value: 5
                periodSeconds: 90
        """);
    assertThat(KubeSchemas.errorsOfYaml(e.hpaYaml())).isEmpty();
    assertThat(e.triggers()).singleElement().satisfies(t -> {
      assertThat(t.apiPath()).isEqualTo("/apis/external.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/s0-prometheus"
          + "?labelSelector=scaledobject.keda.sh%2Fname%3Dirisa0-model");
      assertThat(t.kubectlCommand()).isEqualTo("kubectl get --raw '/apis/external.metrics.k8s.io/v1beta1/namespaces/"
          + "seldon-mesh/s0-prometheus?labelSelector=scaledobject.keda.sh%2Fname%3Dirisa0-model'");
      assertThat(t.activationThreshold()).isEqualTo(io.github.seldonhpa.Quantity.parse("500m"));
    });
    assertThat(KedaExplain.explain(pair().get(1)).report()).isEqualTo("""
        ScaledObject seldon-mesh/mlserver-server -> HPA keda-hpa-mlserver-server on Server mlserver, replicas 1..3\
         (KEDA: minReplicaCount 1, polling every 30 s, cooldown 300 s)
          s0-prometheus: AverageValue 3 per replica, active above 0.5
            kubectl get --raw '/apis/external.metrics.k8s.io/v1beta1/namespaces/seldon-mesh/s0-prometheus\
        ?labelSelector=scaledobject.keda.sh%2Fname%3Dmlserver-server'
        """);
  }

  @Test
  void valuesAreServedInMilliUnitsAsKedaWritesThem() {
    assertThat(KedaExplain.milli(7.5)).isEqualTo(7500);
    assertThat(KedaExplain.milli(0.0625)).isEqualTo(62); // exact tie: half to even, as Go's %.3f
    assertThat(KedaExplain.milli(0.0015)).isEqualTo(2); // the float64 0.0015 lies just above the tie
    assertThat(KedaExplain.milli(-1)).isZero();
    assertThat(KedaExplain.milli(Double.NaN)).isZero();
  }
}
