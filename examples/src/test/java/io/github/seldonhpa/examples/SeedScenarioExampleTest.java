package io.github.seldonhpa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.k8s.testing.Golden;
import io.github.seldonhpa.k8s.testing.KubeSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedScenarioExampleTest {
  @Test
  void rendersTheDocsScenario() {
    Golden.assertMatches("seed-scenario.yaml", SeedScenarioExample.render());
  }

  @Test
  void listsOneFilePerManifestOfTheDocs() {
    assertThat(SeedScenarioExample.manifests()).containsOnlyKeys("prometheus-adapter.config.yaml", "irisa0.yaml",
        "irisa0-hpa.yaml", "prometheus-adapter.config-1m.yaml", "irisa0-mlserver-hpa.yaml",
        "hpa-custom-policy.yaml", "tfsimple_scaling.yaml", "native-scaling-values.yaml");
  }

  @Test
  void everyManifestValidatesAgainstTheOfficialSchemas() {
    for (Map.Entry<String, String> e : SeedScenarioExample.manifests().entrySet()) {
      if (!e.getKey().equals("native-scaling-values.yaml")) {
        assertThat(KubeSchemas.errorsOfYaml(e.getValue())).as(e.getKey()).isEmpty();
      }
    }
  }
}
