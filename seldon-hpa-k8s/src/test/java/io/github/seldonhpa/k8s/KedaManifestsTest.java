package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.externalMetric;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.testing.KubeSchemas;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.SeldonPresets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class KedaManifestsTest {
  static final AdapterConfig SEEDS_ADAPTER = SeldonPresets.inferRpsConfig(Duration.ofMinutes(2));
  static final String PROMETHEUS = "http://seldon-monitoring-prometheus.seldon-monitoring:9090";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The seeds' single-model-serving pair (seed 002): irisa0 on mlserver, infer_rps 3 per replica, 1..3. */
  static ScalingPlan seedsPair() {
    return scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(3)))
        .replicas(1, 3)
        .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
        .build();
  }

  static final String SEEDS_MODEL_SCALED_OBJECT = """
      apiVersion: keda.sh/v1alpha1
      kind: ScaledObject
      metadata:
        name: irisa0-model
        namespace: seldon-mesh
      spec:
        scaleTargetRef:
          apiVersion: mlops.seldon.io/v1alpha1
          kind: Model
          name: irisa0
        minReplicaCount: 1
        maxReplicaCount: 3
        advanced:
          horizontalPodAutoscalerConfig:
            behavior:
              scaleUp:
                stabilizationWindowSeconds: 60
                policies:
                - type: Pods
                  value: 5
                  periodSeconds: 90
        triggers:
        - type: prometheus
          metricType: AverageValue
          metadata:
            serverAddress: http://seldon-monitoring-prometheus.seldon-monitoring:9090
            query: |-
              sum by (model) (
                rate (
                  seldon_model_infer_total{namespace="seldon-mesh",model="irisa0"}[2m]
                )
              )
            threshold: "3"
      """;

  @Test
  void seedsPairRendersTwoScaledObjectsRunningTheAdaptersQuery() {
    String yaml = KedaManifests.yaml(seedsPair(), keda(PROMETHEUS).build(), SEEDS_ADAPTER);
    String server = SEEDS_MODEL_SCALED_OBJECT.replace("name: irisa0-model", "name: mlserver-server")
        .replace("kind: Model\n    name: irisa0", "kind: Server\n    name: mlserver");
    assertThat(yaml).isEqualTo(SEEDS_MODEL_SCALED_OBJECT + "---\n" + server);
    assertThat(KubeSchemas.errorsOfYaml(yaml)).isEmpty();
    // the trigger runs the very query the adapter explains for the Model HPA's metric
    String adapterQuery = SEEDS_ADAPTER.explain((io.github.seldonhpa.ObjectMetric) seedsPair().modelHpa().metrics()
        .get(0), "seldon-mesh", SeldonPresets.defaultSeries()).query().orElseThrow();
    for (ScaledObject so : KedaManifests.scaledObjects(seedsPair(), keda(PROMETHEUS).build(), SEEDS_ADAPTER)) {
      assertThat(so.triggers().get(0).query()).isEqualTo(adapterQuery);
    }
  }

  @Test
  void everyKedaSettingIsWrittenWhereKedaReadsIt() {
    KedaOptions options = keda(PROMETHEUS).pollingInterval(ofSeconds(15)).cooldownPeriod(ofSeconds(600))
        .minReplicaCount(2).idleReplicaCount(1).activationThreshold("500m").fallback(3, 2)
        .authenticationRef("prometheus-auth").build();
    ScalingPlan plan = scalingPlan("irisa0").namespace("seldon-mesh").addMetric(objectMetric("infer_rps",
        averageValue("1.5"))).replicas(1, 4).build();
    String yaml = KedaManifests.yaml(plan, options, SEEDS_ADAPTER);
    assertThat(yaml).isEqualTo("""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: irisa0-model
          namespace: seldon-mesh
        spec:
          scaleTargetRef:
            apiVersion: mlops.seldon.io/v1alpha1
            kind: Model
            name: irisa0
          pollingInterval: 15
          cooldownPeriod: 600
          idleReplicaCount: 1
          minReplicaCount: 2
          maxReplicaCount: 4
          fallback:
            failureThreshold: 3
            replicas: 2
          triggers:
          - type: prometheus
            metricType: AverageValue
            metadata:
              serverAddress: http://seldon-monitoring-prometheus.seldon-monitoring:9090
              query: |-
                sum by (model) (
                  rate (
                    seldon_model_infer_total{namespace="seldon-mesh",model="irisa0"}[2m]
                  )
                )
              threshold: "1.5"
              activationThreshold: "0.5"
            authenticationRef:
              name: prometheus-auth
        """);
    assertThat(KubeSchemas.errorsOfYaml(yaml)).isEmpty();
  }

  @Test
  void fabric8ObjectsEqualTheYaml() throws Exception {
    List<GenericKubernetesResource> objects = KedaManifests.of(seedsPair(), keda(PROMETHEUS).build(), SEEDS_ADAPTER);
    List<GenericKubernetesResource> read = new ArrayList<>();
    Iterator<GenericKubernetesResource> it = YAML.readerFor(GenericKubernetesResource.class)
        .readValues(KedaManifests.yaml(seedsPair(), keda(PROMETHEUS).build(), SEEDS_ADAPTER));
    it.forEachRemaining(read::add);
    assertThat(objects).isEqualTo(read).hasSize(2);
    assertThat(objects.get(0).getApiVersion()).isEqualTo("keda.sh/v1alpha1");
    assertThat(objects.get(1).getMetadata().getName()).isEqualTo("mlserver-server");
  }

  @Test
  void theSchemaRejectsWhatTheCrdRejects() {
    String so = SEEDS_MODEL_SCALED_OBJECT;
    assertThat(KubeSchemas.errorsOfYaml(so.replace("maxReplicaCount: 3", "maxReplicaCount: 0"))).isNotEmpty();
    assertThat(KubeSchemas.errorsOfYaml(so.replace("threshold: \"3\"", "threshold: 3"))).isNotEmpty();
    assertThat(KubeSchemas.errorsOfYaml(so.replace("  triggers:", "  pollingInteval: 30\n  triggers:")))
        .singleElement().asString().contains("pollingInteval");
  }

  @Test
  void refusesWhatCannotBeATrigger() {
    ScalingPlan external = scalingPlan("irisa0").namespace("seldon-mesh")
        .addMetric(externalMetric("queue_depth", averageValue(3))).replicas(1, 3).build();
    assertThatThrownBy(() -> KedaManifests.scaledObjects(external, keda(PROMETHEUS).build(), SEEDS_ADAPTER))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("metrics[0] must be an Object metric to render a KEDA trigger: the trigger runs the query"
            + " prometheus-adapter builds for it (was External AverageValue)");
    ScalingPlan unserved = scalingPlan("irisa0").namespace("seldon-mesh")
        .addMetric(objectMetric("infer_latency", averageValue(3))).replicas(1, 3).build();
    assertThatThrownBy(() -> KedaManifests.scaledObjects(unserved, keda(PROMETHEUS).build(), SEEDS_ADAPTER))
        .isInstanceOf(HpaValidationException.class)
        .hasMessageStartingWith("metrics[0] (infer_latency) has no query to put in a KEDA trigger: no rule registers"
            + " metric infer_latency for models.mlops.seldon.io");
  }

  @Test
  void scaleToZeroOnTheModelsOwnCounterIsRefused() {
    assertThatThrownBy(() -> KedaManifests.scaledObjects(seedsPair(), keda(PROMETHEUS).minReplicaCount(0).build(),
        SEEDS_ADAPTER))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("minReplicaCount must be >= 1 for a trigger on seldon_model_infer_total: Seldon Core 2.10+"
            + " accepts replicas: 0 and unloads the Model (ModelScaledDown), but this series is counted by the"
            + " agents of the server pods that host the Model, so at zero the query stays 0 and KEDA never"
            + " activates the Model again (SeldonIO/seldon-core#6814); scale to zero on a metric measured in front"
            + " of the Model (was 0)");
  }
}
