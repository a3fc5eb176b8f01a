package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The manifests of the Seldon docs (the seeds) read, round-trip and lint without errors. */
class SeedManifestsTest {
  private static final LintFacts FACTS = LintFacts.builder()
      .seldonVersion("2.10.1")
      .serverStartup(Duration.ofSeconds(60))
      .build();

  static List<Manifest> read(String name) {
    try (InputStream in = SeedManifestsTest.class.getResourceAsStream("/lint/seeds/" + name)) {
      return ManifestReader.create().read(name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"000-model-hpa.yaml", "000-rest-selector.yaml", "001-native-scaling.yaml",
      "002-single-model-serving.yaml", "002-custom-policy.yaml"})
  void roundTripsToEqualTrees(String name) {
    List<Manifest> read = read(name);
    String yaml = Manifest.toYaml(read);
    List<Manifest> again = ManifestReader.create().read(name, yaml);
    assertThat(again).isEqualTo(read);
    assertThat(Manifest.toYaml(again)).isEqualTo(yaml);
  }

  @Test
  void modelHpaSetupHasNoFindings() {
    assertThat(Lint.check(read("000-model-hpa.yaml"), FACTS)).isEmpty();
    assertThat(Lint.check(read("000-rest-selector.yaml"), FACTS)).isEmpty();
  }

  @Test
  void restSelectorIsOnASeldonLabel() {
    List<Manifest> setup = new java.util.ArrayList<>(read("000-model-hpa.yaml").subList(0, 2));
    setup.addAll(read("000-rest-selector.yaml"));
    assertThat(Lint.check(setup, FACTS)).isEmpty();
  }

  @Test
  void nativeScalingSampleIsInertOnSeldon210() {
    assertThat(Lint.check(read("001-native-scaling.yaml"), FACTS)).extracting(Finding::toString).containsExactly(
        "WARNING SHPA025 001-native-scaling.yaml:11:3 Model tfsimple spec.minReplicas: spec.minReplicas asks for"
            + " Seldon's native model scaling, which Seldon 2.10.1 ignores: it is disabled from 2.10.0 (was 1);"
            + " fix: scale the Model with an HPA (and remove minReplicas/maxReplicas), or set spec.replicas to the"
            + " count you need");
    assertThat(Lint.check(read("001-native-scaling.yaml"), LintFacts.builder().seldonVersion("2.9.1").build()))
        .isEmpty();
  }

  @Test
  void singleModelServingPairWarnsOnlyAboutTheDefaultScaleUp() {
    List<Finding> findings = Lint.check(read("002-single-model-serving.yaml"), FACTS);
    assertThat(findings).extracting(f -> f.code().id() + " " + f.object() + " " + f.position().orElseThrow())
        .containsExactly("SHPA022 HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa line 46, column 1");
    assertThat(findings).noneMatch(f -> f.severity() == Finding.Severity.ERROR);
  }

  @Test
  void customPolicyPairIsClean() {
    List<Manifest> setup = new java.util.ArrayList<>(read("002-single-model-serving.yaml").subList(0, 2));
    setup.addAll(read("002-custom-policy.yaml"));
    assertThat(Lint.check(setup, FACTS)).isEmpty();
    assertThat(Lint.check(setup, LintFacts.builder().serverStartup(Duration.ofSeconds(120)).build()))
        .extracting(f -> f.code().id() + " " + f.object() + " " + f.path())
        .containsExactly(
            "SHPA021 HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa spec.behavior.scaleUp.policies[0].periodSeconds",
            "SHPA021 HorizontalPodAutoscaler seldon-mesh/mlserver-server-hpa spec.behavior.scaleUp.policies[0].periodSeconds");
  }

  @Test
  void seedWindowsAgainstPrometheusDefaultScrape() {
    LintFacts minute = LintFacts.builder().scrapeInterval(Duration.ofMinutes(1)).build();
    assertThat(Lint.check(read("000-model-hpa.yaml"), minute)).isEmpty();
    assertThat(Lint.check(read("002-single-model-serving.yaml"), minute)).extracting(f -> f.code().id())
        .containsExactly("SHPA015", "SHPA022");
  }
}
