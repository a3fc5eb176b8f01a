package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.Server;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.GroupResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed views of read manifests: the library's value types, equal to what the DSL builds. */
class ManifestValuesTest {
  private static final ManifestReader READER = ManifestReader.create();

  private static ScalingPlan pair() {
    return scalingPlan("irisa0")
        .namespace("seldon-mesh")
        .serverName("mlserver")
        .storageUri("gs://seldon-models/testing/iris1")
        .addRequirement("sklearn")
        .memory("3M")
        .addMetric(objectMetric("infer_rps", averageValue(3)))
        .replicas(1, 3)
        .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
        .build();
  }

  @Test
  void seedHpasAreTheDslsHpas() {
    List<Manifest> read = SeedManifestsTest.read("002-custom-policy.yaml");
    Hpa modelHpa = read.get(0).toHpa();
    Hpa serverHpa = read.get(1).toHpa();
    // the seed writes describedObject out; the plan fills it in with its Model
    assertThat(modelHpa).isEqualTo(pair().modelHpa());
    assertThat(serverHpa).isEqualTo(pair().serverHpa().orElseThrow());
  }

  @Test
  void seedModelIsTheDslsModel() {
    Model irisa0 = SeedManifestsTest.read("000-model-hpa.yaml").get(1).toModel();
    assertThat(irisa0).isEqualTo(pair().modelResource().orElseThrow());
    Model tfsimple = SeedManifestsTest.read("001-native-scaling.yaml").get(0).toModel();
    assertThat(tfsimple.minReplicas()).hasValue(1);
    assertThat(tfsimple.memory().map(Object::toString)).hasValue("100Ki");
  }

  @Test
  void renderedManifestsReadBackToEqualValues() {
    ScalingPlan plan = pair();
    for (Hpa hpa : List.of(plan.modelHpa(), plan.serverHpa().orElseThrow())) {
      assertThat(READER.read(Manifests.yaml(hpa)).get(0).toHpa()).isEqualTo(hpa);
    }
    Model m = plan.modelResource().orElseThrow();
    assertThat(READER.read(Manifests.yaml(m)).get(0).toModel()).isEqualTo(m);
  }

  @Test
  void serverKeepsUnmodelledSpecFields() {
    Server server = READER.read("""
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Server
        metadata:
          name: mlserver
          namespace: seldon-mesh
          labels: {team: ml}
        spec:
          serverConfig: mlserver
          replicas: 2
          podSpec:
            containers:
            - name: mlserver
              resources: {requests: {cpu: 500m}}
        status:
          replicas: 2
        """).get(0).toServer();
    assertThat(server.serverConfig()).isEqualTo("mlserver");
    assertThat(server.replicas()).hasValue(2);
    assertThat(server.labels()).isEqualTo(Map.of("team", "ml"));
    assertThat(server.extraSpec()).isEqualTo(Map.of("podSpec", Map.of("containers",
        List.of(Map.of("name", "mlserver", "resources", Map.of("requests", Map.of("cpu", "500m")))))));
  }

  @Test
  void adapterConfigFromConfigMapAndBareDocument() {
    AdapterConfig config = SeedManifestsTest.read("000-model-hpa.yaml").get(0).toAdapterConfig();
    assertThat(config.rules()).hasSize(1);
    assertThat(config.rules().get(0).seriesQuery()).isEqualTo("{__name__=\"seldon_model_infer_total\",namespace!=\"\"}\n");
    assertThat(config.rules().get(0).resources().overrides()).containsEntry("model",
        GroupResource.of("mlops.seldon.io", "model"));
    assertThat(config.rules().get(0).name().orElseThrow().as()).isEqualTo("infer_rps");
    AdapterConfig bare = READER.read("rules:\n- seriesQuery: up\n  metricsQuery: up\n").get(0).toAdapterConfig();
    assertThat(bare.rules().get(0).seriesQuery()).isEqualTo("up");
  }

  @Test
  void errorsNameTheField() {
    String hpa = LintTest.modelHpa("irisa0", "");
    assertThatThrownBy(() -> READER.read(hpa.replace("maxReplicas: 3", "maxReplicas: three")).get(0).toHpa())
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("spec.maxReplicas must be an integer (was \"three\")");
    assertThatThrownBy(() -> READER.read(hpa.replace("type: Object", "type: ContainerResource")).get(0).toHpa())
        .hasMessage("spec.metrics[0].type must be Object, Pods, Resource or External (was \"ContainerResource\")");
    assertThatThrownBy(() -> READER.read(hpa.replace("name: infer_rps\n", "name: infer_rps\n        selector:\n"
        + "          matchLabels: {code: 200}\n")).get(0).toHpa())
        .hasMessage("spec.metrics[0].object.metric.selector.matchLabels.code must be a string (was 200)");
    assertThatThrownBy(() -> READER.read(hpa).get(0).toModel())
        .hasMessage("kind must be Model in mlops.seldon.io/v1alpha1 (was HorizontalPodAutoscaler in autoscaling/v2)");
    assertThatThrownBy(() -> READER.read(LintTest.ADAPTER.replace("metricsQuery:", "metricQuery:")).get(0)
        .toAdapterConfig())
        .hasMessage("data.\"config.yaml\".rules[0].metricQuery is not a field the adapter knows (was \"sum by"
            + " (<<.GroupBy>>) (rate(<<.Series>>{<<.LabelMatchers>>}[2m]))\")");
  }
}
