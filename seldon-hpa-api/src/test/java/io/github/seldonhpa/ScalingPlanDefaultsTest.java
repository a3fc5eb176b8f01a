package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScalingPlanDefaultsTest {

  private static final ScalingPlan MINIMAL = ScalingPlan.builder().modelName("irisa0").namespace("seldon-mesh")
      .addMetric(ObjectMetric.of("infer_rps", MetricTarget.averageValue(3))).replicas(1, 3).build();

  @Test
  void noServerMeansNoServerHpa() {
    assertThat(MINIMAL.serverName()).isEmpty();
    assertThat(MINIMAL.serverHpa()).isEmpty();
  }

  @Test
  void noStorageUriMeansNoModelCr() {
    assertThat(MINIMAL.storageUri()).isEmpty();
    assertThat(MINIMAL.requirements()).isEmpty();
    assertThat(MINIMAL.memory()).isEmpty();
    assertThat(MINIMAL.modelResource()).isEmpty();
  }

  @Test
  void noRulesMeansNoBehaviour() {
    assertThat(MINIMAL.scaleUp()).isEmpty();
    assertThat(MINIMAL.scaleDown()).isEmpty();
    assertThat(MINIMAL.behavior()).isEmpty();
    assertThat(MINIMAL.modelHpa().behavior()).isEmpty();
  }

  @Test
  void minReplicasIsAlwaysWrittenOnTheHpa() {
    assertThat(MINIMAL.modelHpa().minReplicas()).contains(1);
  }
}
