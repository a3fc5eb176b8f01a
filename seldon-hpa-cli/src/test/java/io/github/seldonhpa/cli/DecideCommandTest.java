package io.github.seldonhpa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.k8s.testing.Golden;
import org.junit.jupiter.api.Test;

class DecideCommandTest {
  private static final String HPAS = "src/test/resources/cli/seeds/single-model-serving-hpas.yaml";

  @Test
  void scalesUpToTheMaximumAndSaysItIsLimited() {
    // 12 rps over an AverageValue target of 3 per replica wants 4 replicas; maxReplicas is 3
    Cli r = Cli.run("decide", "--hpa", HPAS, "--current", "1", "--metric", "infer_rps=12");
    assertThat(r.code).as(r.toString()).isZero();
    Golden.assertMatches("decide/scale-up-limited.txt", r.out);
    assertThat(r.out).contains("Desired replicas:      3 (rescaled)")
        .contains("  infer_rps: 4 replicas")
        .contains("  ScalingLimited  True    TooManyReplicas");
  }

  @Test
  void withinToleranceKeepsTheReplicas() {
    // 6.1 rps on 2 replicas is 3.05 per replica: within the 10 % tolerance of 3
    Cli r = Cli.run("decide", "--hpa", HPAS, "--current", "2", "--metric", "infer_rps=6100m");
    assertThat(r.code).isZero();
    assertThat(r.out).contains("Desired replicas:      2\n").contains("  infer_rps: 2 replicas")
        .contains("  AbleToScale     True    ReadyForNewScale")
        .contains("  ScalingActive   True    ValidMetricFound");
  }

  @Test
  void aMetricWithoutValueIsAFailedRead() {
    Cli r = Cli.run("decide", "--hpa", HPAS, "--current", "2");
    assertThat(r.code).isZero();
    assertThat(r.out).contains("  infer_rps: FailedGetObjectMetric: no value for Object metric infer_rps")
        .contains("  ScalingActive   False   FailedGetObjectMetric")
        .contains("Desired replicas:      2\n");
  }

  @Test
  void badUsage() {
    Cli unknown = Cli.run("decide", "--hpa", HPAS, "--current", "1", "--metric", "rps=3");
    assertThat(unknown.code).isEqualTo(2);
    assertThat(unknown.err).isEqualTo("seldon-hpa decide: --metric rps is not a metric of irisa0-model-hpa"
        + " (its metrics: infer_rps) (see seldon-hpa decide --help)\n");
    Cli quantity = Cli.run("decide", "--hpa", HPAS, "--current", "1", "--metric", "infer_rps=lots");
    assertThat(quantity.code).isEqualTo(2);
    assertThat(quantity.err).isEqualTo("seldon-hpa decide: --metric infer_rps must be a Kubernetes quantity such as"
        + " 3, 500m, 1.5k or 2Gi (was \"lots\") (see seldon-hpa decide --help)\n");
    Cli noHpa = Cli.run("decide", "--hpa", "src/test/resources/cli/seeds/irisa0-model.yaml", "--current", "1");
    assertThat(noHpa.code).isEqualTo(2);
    assertThat(noHpa.err).isEqualTo("seldon-hpa decide: src/test/resources/cli/seeds/irisa0-model.yaml holds no"
        + " HorizontalPodAutoscaler (see seldon-hpa decide --help)\n");
    assertThat(Cli.run("decide", "--hpa", HPAS).code).isEqualTo(2);
    assertThat(Cli.run("decide", "--hpa", HPAS, "--current", "-1").err)
        .isEqualTo("seldon-hpa decide: --current must be >= 0 (was -1) (see seldon-hpa decide --help)\n");
  }
}
