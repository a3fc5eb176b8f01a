package io.github.seldonhpa.k8s;

import static org.quicktheories.QuickTheory.qt;

import io.github.seldonhpa.KedaOptions;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.testing.Generators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the library renders for KEDA lints clean: no finding on any generated plan's ScaledObjects. */
class KedaLintPropertyTest {
  private static final long SEED = Long.getLong("QT_SEED", 0x6EDA11L);

  static {
    System.out.println("KedaLintPropertyTest QuickTheories seed " + SEED + " (rerun with -DQT_SEED=" + SEED + ")");
  }

  @Test
  void renderedScaledObjectsHaveNoFindings() {
    qt().withExamples(1000).withFixedSeed(SEED).forAll(Generators.plans(), Generators.dnsLabels(20).toOptionals(50))
        .assuming((plan, auth) -> plan.modelName().length() <= 48
            && plan.serverName().map(s -> s.length() <= 47).orElse(true)
            && plan.metrics().stream().allMatch(m -> m.target().averageValue().orElseThrow().doubleValue() >= 0.0005))
        .check((plan, auth) -> {
          KedaOptions keda = KedaOptions.builder().serverAddress("http://prometheus.monitoring:9090")
              .pollingInterval(Duration.ofSeconds(15)).authenticationRef(auth).build();
          List<String> queries = new ArrayList<>();
          plan.metrics().forEach(m -> queries.add("sum by (model) (rate(seldon_model_infer_total{namespace=\""
              + plan.namespace() + "\",model=\"" + plan.modelName() + "\"}[2m]))"));
          String yaml = KedaManifests.yaml(keda.scaledObjects(plan, queries));
          List<Finding> findings = Lint.check(ManifestReader.create().read(yaml), LintFacts.defaults());
          if (!findings.isEmpty()) {
            System.out.println(yaml + findings);
          }
          return findings.isEmpty();
        });
  }
}
