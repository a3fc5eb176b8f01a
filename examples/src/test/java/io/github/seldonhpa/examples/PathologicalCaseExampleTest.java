package io.github.seldonhpa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.scaling.SimulationResult;
import io.github.seldonhpa.scaling.SimulationSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PathologicalCaseExampleTest {
  private static String golden(String name) throws IOException {
    try (InputStream in = PathologicalCaseExampleTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void reportMatchesTheGoldenFile() throws IOException {
    String report = PathologicalCaseExample.report();
    if (Boolean.getBoolean("golden.update")) {
      java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/golden/pathological-case-report.txt"),
          report);
    }
    assertThat(report).isEqualTo(golden("pathological-case-report.txt"));
  }

  @Test
  void defaultScaleUpOutrunsTheStartingServersAndTheRecommendedPolicyCostsLess() {
    SimulationResult[] r = PathologicalCaseExample.results();
    SimulationSummary aggressive = r[0].summary();
    SimulationSummary recommended = r[1].summary();
    // the original 2 replicas carry the ramp alone while the model is ScheduleFailed: 120 RPS over 2
    assertThat(aggressive.peakLoadPerServingReplica()).isEqualTo(60.0);
    assertThat(aggressive.scheduleFailedSeconds()).isGreaterThan(120);
    assertThat(r[0].timeline().stream().anyMatch(s -> s.scheduleFailed() && s.modelServing() == 2
        && s.modelDesired() >= 8)).isTrue();
    assertThat(recommended.serverReplicaSeconds()).isLessThan(aggressive.serverReplicaSeconds());
    // both end with all 12 replicas serving at the saturation point
    assertThat(r[0].timeline().get(899).modelServing()).isEqualTo(12);
    assertThat(r[1].timeline().get(899).modelServing()).isEqualTo(12);
    // native lag scaling adds one replica per 5 stable minutes: far behind the ramp
    assertThat(r[2].summary().peakModelReplicas()).isEqualTo(4);
    assertThat(r[2].summary().secondsAboveSaturation()).isGreaterThan(aggressive.secondsAboveSaturation());
  }
}
