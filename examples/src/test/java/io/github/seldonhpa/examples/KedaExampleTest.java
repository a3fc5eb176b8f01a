package io.github.seldonhpa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.k8s.KedaManifests;
import io.github.seldonhpa.k8s.testing.Golden;
import io.github.seldonhpa.k8s.testing.KubeSchemas;
import io.github.seldonhpa.scaling.KedaComparison;
import org.junit.jupiter.api.Test;

class KedaExampleTest {
  @Test
  void reportMatchesTheGoldenFile() {
    Golden.assertMatches("keda-report.txt", KedaExample.report());
  }

  @Test
  void theSeedsPairIsTwoSchemaValidScaledObjects() {
    String yaml = KedaManifests.yaml(KedaExample.seedsScaledObjects());
    assertThat(yaml.split("\n---\n")).hasSize(2);
    assertThat(KubeSchemas.errorsOfYaml(yaml)).isEmpty();
  }

  @Test
  void onTheSameFloorKedaMatchesTheAdapterAndToZeroItStartsCold() {
    KedaComparison same = KedaExample.sameFloor();
    assertThat(same.keda().toCsv()).isEqualTo(same.hpa().toCsv());
    KedaComparison zero = KedaExample.scaledToZero();
    assertThat(KedaComparison.coldStarts(zero.keda())).isEqualTo(1);
    assertThat(zero.keda().timeline().get(0).modelServing()).isZero();
    assertThat(zero.keda().summary().secondsAboveSaturation())
        .isGreaterThan(zero.hpa().summary().secondsAboveSaturation());
  }
}
