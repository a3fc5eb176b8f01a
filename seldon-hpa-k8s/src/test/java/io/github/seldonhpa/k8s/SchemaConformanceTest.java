package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.MetricTarget;
import io.github.seldonhpa.ObjectReference;
import io.github.seldonhpa.ResourceMetric;
import io.github.seldonhpa.Server;
import io.github.seldonhpa.k8s.testing.Fixtures;
import io.github.seldonhpa.k8s.testing.KubeSchemas;
import io.github.seldonhpa.promql.SeldonPresets;
import io.github.seldonhpa.testing.Generators;
import io.github.seldonhpa.testing.SharedFiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every manifest the library emits validates against the official schemas (skipped without ../shared). */
class SchemaConformanceTest {
  @Test
  void seedsManifestsValidate() {
    for (String seed : List.of("irisa0-model.yaml", "irisa0-model-hpa.yaml", "single-model-serving-hpas.yaml",
        "tfsimple-native-model.yaml", "prometheus-adapter-configmap-2m.yaml")) {
      assertThat(KubeSchemas.errorsOfYaml(Fixtures.read("seeds/" + seed))).as(seed).isEmpty();
    }
  }

  @Test
  void schemaRejectsWhatTheApiServerRejects() {
    String hpa = Fixtures.read("seeds/irisa0-model-hpa.yaml");
    assertThat(KubeSchemas.errorsOfYaml(hpa.replace("maxReplicas: 3", "maxReplicas: three"))).isNotEmpty();
    assertThat(KubeSchemas.errorsOfYaml(hpa.replace("  minReplicas: 1", "  minReplicas: 1\n  maxReplica: 1")))
        .singleElement().asString().contains("maxReplica");
    assertThat(KubeSchemas.errorsOfYaml(Fixtures.read("seeds/irisa0-model.yaml").replace("memory: 3M",
        "memroy: 3M"))).singleElement().asString().contains("memroy");
  }

  @Test
  void everyGeneratedPlanRendersValidManifests() {
    // outside the property: QuickTheories would report a skipped assumption as a falsified example
    SharedFiles.require("schemas/k8s-autoscaling-v2-openapi.json");
    SharedFiles.require("schemas/seldon-model-crd.yaml");
    qt().withExamples(1000).forAll(Generators.plans()).checkAssert(plan ->
        assertThat(KubeSchemas.errorsOfYaml(Manifests.yaml(plan))).as(Manifests.yaml(plan)).isEmpty());
  }

  @Test
  void serverAndResourceMetricHpaValidate() {
    Server server = Server.builder().name("mlserver").namespace("seldon-mesh").serverConfig("mlserver")
        .replicas(1).putLabel("team", "ml").build();
    Hpa cpu = Hpa.builder().name("mlserver-cpu").namespace("seldon-mesh")
        .scaleTargetRef(ObjectReference.server("mlserver")).replicas(1, 5)
        .addMetric(ResourceMetric.of("cpu", MetricTarget.utilization(70))).build();
    assertThat(KubeSchemas.errorsOfYaml(Manifests.yaml(server))).isEmpty();
    assertThat(KubeSchemas.errorsOfYaml(Manifests.yaml(cpu))).isEmpty();
    assertThat(KubeSchemas.errorsOfYaml(Manifests.adapterConfigMapYaml("hpa-metrics", "seldon-monitoring",
        SeldonPresets.inferRpsConfig(Duration.ofMinutes(1))))).isEmpty();
    assertThat(KubeSchemas.errorsOfYaml(Manifests.yaml(scalingPlan("irisa0").namespace("seldon-mesh")
        .storageUri("gs://x").addMetric(objectMetric("infer_rps", averageValue("500m"))).replicas(1, 2).build())))
        .isEmpty();
  }
}
