package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.github.seldonhpa.testing.Generators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestsPropertyTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void modelAndServerHpasShareMetricsBoundsAndBehaviour() {
    qt().withExamples(3000).forAll(Generators.plans()).checkAssert(plan -> {
      List<HorizontalPodAutoscaler> hpas = Manifests.hpas(plan);
      assertThat(hpas).hasSize(plan.serverName().isPresent() ? 2 : 1);
      HorizontalPodAutoscalerSpec model = hpas.get(0).getSpec();
      assertThat(model.getScaleTargetRef().getKind()).isEqualTo("Model");
      assertThat(model.getScaleTargetRef().getName()).isEqualTo(plan.modelName());
      if (hpas.size() == 2) {
        HorizontalPodAutoscalerSpec server = hpas.get(1).getSpec();
        assertThat(server.getScaleTargetRef().getKind()).isEqualTo("Server");
        assertThat(server.getScaleTargetRef().getName()).isEqualTo(plan.serverName().orElseThrow());
        assertThat(server.getMetrics()).isEqualTo(model.getMetrics());
        assertThat(server.getMinReplicas()).isEqualTo(model.getMinReplicas());
        assertThat(server.getMaxReplicas()).isEqualTo(model.getMaxReplicas());
        assertThat(server.getBehavior()).isEqualTo(model.getBehavior());
      }
    });
  }

  @Test
  void renderingIsDeterministicAndTheYamlReadsBackAsTheFabric8Objects() {
    qt().withExamples(3000).forAll(Generators.plans()).checkAssert(plan -> {
      String yaml = Manifests.yaml(plan);
      assertThat(Manifests.yaml(plan)).isEqualTo(yaml);
      List<HasMetadata> objects = Manifests.of(plan);
      List<JsonNode> docs = new ArrayList<>();
      try {
        YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).forEachRemaining(docs::add);
      } catch (Exception e) {
        throw new AssertionError("unreadable YAML:\n" + yaml, e);
      }
      assertThat(docs).hasSize(objects.size());
      for (int i = 0; i < docs.size(); i++) {
        assertThat(YAML.convertValue(docs.get(i), objects.get(i).getClass())).isEqualTo(objects.get(i));
      }
    });
  }
}
