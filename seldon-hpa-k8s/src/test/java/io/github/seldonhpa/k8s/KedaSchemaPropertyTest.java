package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.ScaledObject;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.testing.KubeSchemas;
import io.github.seldonhpa.testing.Generators;
import io.github.seldonhpa.testing.SharedFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Every ScaledObject the library emits validates against KEDA's CRD schema (skipped without ../shared). */
class KedaSchemaPropertyTest {
  private static Gen<KedaOptions> options() {
    return Generate.range(1, 600).toOptionals(50).zip(Generate.range(0, 3600).toOptionals(50),
        Generate.range(0, 3).toOptionals(30), Generate.range(0, 9).toOptionals(40),
        (poll, cool, fallbackReplicas, activationMilli) -> {
          KedaOptions.Builder b = KedaOptions.builder().serverAddress("http://prometheus.monitoring:9090");
          poll.ifPresent(p -> b.pollingInterval(Duration.ofSeconds(p)));
          cool.ifPresent(c -> b.cooldownPeriod(Duration.ofSeconds(c)));
          fallbackReplicas.ifPresent(r -> b.fallback(3, r));
          activationMilli.ifPresent(a -> b.activationThreshold(a * 250 + "m"));
          return b.build();
        });
  }

  private static boolean fits(ScalingPlan plan) {
    // KEDA's 54-character names, and thresholds KEDA does not round to 0
    return plan.modelName().length() <= 48 && plan.serverName().map(s -> s.length() <= 47).orElse(true)
        && plan.metrics().stream().allMatch(m -> m.target().averageValue().orElseThrow().doubleValue() >= 0.0005);
  }

  @Test
  void everyRenderedScaledObjectValidates() {
    SharedFiles.require("schemas/keda-scaledobject-crd.yaml");
    SharedFiles.require("schemas/k8s-autoscaling-v2-openapi.json");
    qt().withExamples(2000).forAll(Generators.plans(), options()).assuming((plan, keda) -> fits(plan))
        .checkAssert((plan, keda) -> {
          List<String> queries = new ArrayList<>();
          plan.metrics().forEach(m -> queries.add("sum(rate(seldon_model_infer_total{model=\"" + plan.modelName()
              + "\"}[2m]))"));
          List<ScaledObject> objects = keda.scaledObjects(plan, queries);
          String yaml = KedaManifests.yaml(objects);
          assertThat(KubeSchemas.errorsOfYaml(yaml)).as(yaml).isEmpty();
          for (ScaledObject so : objects) {
            String hpa = Manifests.yaml(so.hpa());
            assertThat(KubeSchemas.errorsOfYaml(hpa)).as(hpa).isEmpty();
          }
        });
  }
}
