package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.LabelSelector;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.testing.Fixtures;
import io.github.seldonhpa.k8s.testing.Golden;
import io.github.seldonhpa.promql.SeldonPresets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static ScalingPlan.Builder irisa0() {
    return scalingPlan("irisa0")
        .namespace("seldon-mesh")
        .storageUri("gs://seldon-models/testing/iris1")
        .addRequirement("sklearn")
        .memory("3M")
        .addMetric(objectMetric("infer_rps", averageValue(3)))
        .replicas(1, 3);
  }

  private static <T> List<T> readAll(String yaml, Class<T> type) throws Exception {
    List<T> out = new ArrayList<>();
    Iterator<T> it = YAML.readerFor(type).readValues(yaml);
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void modelHpaEqualsTheSeedsManifest() throws Exception {
    HorizontalPodAutoscaler seed = readAll(Fixtures.read("seeds/irisa0-model-hpa.yaml"),
        HorizontalPodAutoscaler.class).get(0);
    assertThat(Manifests.hpas(irisa0().build())).containsExactly(seed);
  }

  @Test
  void singleModelServingPairEqualsTheSeedsManifests() throws Exception {
    List<HorizontalPodAutoscaler> seed = readAll(Fixtures.read("seeds/single-model-serving-hpas.yaml"),
        HorizontalPodAutoscaler.class);
    assertThat(seed).hasSize(2);
    assertThat(Manifests.hpas(irisa0().serverName("mlserver").build())).isEqualTo(seed);
  }

  @Test
  void modelEqualsTheSeedsManifest() throws Exception {
    GenericKubernetesResource seed = readAll(Fixtures.read("seeds/irisa0-model.yaml"),
        GenericKubernetesResource.class).get(0);
    List<HasMetadata> objects = Manifests.of(irisa0().build());
    assertThat(objects).hasSize(2);
    assertThat(objects.get(0)).isEqualTo(seed);
  }

  @Test
  void nativeScalingModelEqualsSeed003() throws Exception {
    GenericKubernetesResource seed = readAll(Fixtures.read("seeds/tfsimple-native-model.yaml"),
        GenericKubernetesResource.class).get(0);
    Model tfsimple = Model.builder().name("tfsimple").storageUri("gs://seldon-models/triton/simple")
        .addRequirement("tensorflow").memory("100Ki").minReplicas(1).replicas(1).build();
    assertThat(Manifests.modelResource(tfsimple)).isEqualTo(seed);
  }

  @ParameterizedTest
  @CsvSource({"2, prometheus-adapter-configmap-2m.yaml", "1, prometheus-adapter-configmap-1m.yaml"})
  void adapterConfigMapWithThePresetIsTheSeedsConfigMap(int minutes, String seedFile) throws Exception {
    ConfigMap seed = readAll(Fixtures.read("seeds/" + seedFile), ConfigMap.class).get(0);
    ConfigMap ours = Manifests.adapterConfigMap("hpa-metrics", "seldon-monitoring",
        SeldonPresets.inferRpsConfig(Duration.ofMinutes(minutes)));
    assertThat(ours.getMetadata()).isEqualTo(seed.getMetadata());
    assertThat(ours.getData()).containsOnlyKeys("config.yaml");
    // the seed writes config.yaml with quoted keys and flow maps: compare what a YAML reader sees
    JsonNode seedConfig = YAML.readTree(seed.getData().get("config.yaml"));
    JsonNode ourConfig = YAML.readTree(ours.getData().get("config.yaml"));
    assertThat(ourConfig).isEqualTo(seedConfig);
  }

  @Test
  void rendersThePairWithBehaviourAndSelectorInTheDocsKeyOrder() {
    ScalingPlan plan = scalingPlan("irisa0").namespace("seldon-mesh").serverName("mlserver")
        .addMetric(objectMetric("infer_rps", LabelSelector.matchLabel("method_type", "rest"), averageValue("3")))
        .replicas(1, 3)
        .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
        .build();
    Golden.assertMatches("irisa0-pair-custom-policy.yaml", Manifests.yaml(plan));
  }

  @Test
  void yamlParsesToTheFabric8Objects() throws Exception {
    ScalingPlan plan = irisa0().serverName("mlserver")
        .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
        .build();
    List<HasMetadata> objects = Manifests.of(plan);
    List<JsonNode> docs = readAll(Manifests.yaml(plan), JsonNode.class);
    assertThat(docs).hasSize(3);
    assertThat(YAML.convertValue(docs.get(0), GenericKubernetesResource.class)).isEqualTo(objects.get(0));
    assertThat(YAML.convertValue(docs.get(1), HorizontalPodAutoscaler.class)).isEqualTo(objects.get(1));
    assertThat(YAML.convertValue(docs.get(2), HorizontalPodAutoscaler.class)).isEqualTo(objects.get(2));
  }

  @Test
  void everyCallReturnsFreshMutableObjects() {
    ScalingPlan plan = irisa0().build();
    HorizontalPodAutoscaler first = Manifests.hpas(plan).get(0);
    first.getSpec().setMaxReplicas(99);
    assertThat(Manifests.hpas(plan).get(0).getSpec().getMaxReplicas()).isEqualTo(3);
  }

  @Test
  void adapterConfigMapNameFollowsTheHelmRelease() {
    assertThat(Manifests.adapterConfigMapName("hpa-metrics")).isEqualTo("hpa-metrics-prometheus-adapter");
    assertThatThrownBy(() -> Manifests.adapterConfigMapYaml("Hpa_Metrics", "seldon-monitoring", SeldonPresets.inferRpsConfig(Duration.ofMinutes(2))))
        .isInstanceOf(HpaValidationException.class)
        .hasMessage("release must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending"
            + " with a letter or digit, at most 63 characters (was \"Hpa_Metrics\")");
  }
}
