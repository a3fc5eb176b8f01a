package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.github.seldonhpa.ScalingPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quick start compiles (here, verbatim) and its YAML block is what the snippet renders. */
class ReadmeQuickStartTest {
  @Test
  void quickStartYamlIsWhatTheSnippetRenders() throws Exception {
    ScalingPlan plan = scalingPlan("irisa0")                          // the Model CR to scale
        .namespace("seldon-mesh")
        .serverName("mlserver")                                      // also emit the matching Server HPA
        .addMetric(objectMetric("infer_rps", averageValue(3)))   // type: Object, AverageValue 3 per replica
        .replicas(1, 3)
        .scaleUp(scalingRules()
            .stabilizationWindow(ofSeconds(60))
            .addPolicy(pods(5, ofSeconds(90)))                   // at most 5 Pods per 90 s
            .build())
        .build();                                                // validation -> HpaValidationException

    List<HorizontalPodAutoscaler> hpas = Manifests.hpas(plan);  // fabric8 objects, fresh on every call
    String yaml = Manifests.yaml(plan);                          // deterministic YAML

    assertThat(hpas).extracting(h -> h.getMetadata().getName())
        .containsExactly("irisa0-model-hpa", "mlserver-server-hpa");
    Path readme = Paths.get("..", "README.md");
    String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
    int start = text.indexOf("`yaml` is:\n\n```yaml\n") + "`yaml` is:\n\n```yaml\n".length();
    assertThat(start).as("README quick-start YAML block").isGreaterThan("`yaml` is:".length());
    assertThat(text.substring(start, text.indexOf("```\n", start))).isEqualTo(yaml);
  }
}
