package io.github.seldonhpa.k8s;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.keda;
import static io.github.seldonhpa.SeldonHpa.model;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.pods;
import static io.github.seldonhpa.SeldonHpa.scalingRules;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.testing.KubeSchemas;
import io.github.seldonhpa.promql.AdapterConfig;
import io.github.seldonhpa.promql.SeldonPresets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KedaManifestsTest {
  static final AdapterConfig SEEDS_ADAPTER = SeldonPresets.inferRpsConfig(Duration.ofMinutes(2));
  static final String PROMETHEUS = "http://seldon-monitoring-prometheus.seldon-monitoring:9090";

  static ScalingPlan seedsPair() {
    return model("irisa0").namespace("seldon-mesh").server("mlserver")
        .addMetric(objectMetric("infer_rps", averageValue(3)))
        .replicas(1, 3)
        .scaleUp(scalingRules().stabilizationWindow(ofSeconds(60)).addPolicy(pods(5, ofSeconds(90))).build())
        .build();
  }

  @Test
  void seedsPairRendersTwoScaledObjectsRunningTheAdaptersQuery() {
    String yaml = KedaManifests.yaml(seedsPair(), keda(PROMETHEUS).build(), SEEDS_ADAPTER);
    System.out.println(yaml);
    assertThat(KubeSchemas.errorsOfYaml(yaml)).isEmpty();
  }
}
