package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.k8s.testing.Fixtures;
import io.github.seldonhpa.k8s.testing.Golden;
import io.github.seldonhpa.k8s.testing.SarifSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingReportsTest {
  private static final Finding ERROR = Finding.builder()
      .code(LintCode.OBJECT_TARGET_NOT_AVERAGE_VALUE).source("deploy/irisa0.yaml").document(2)
      .object("HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa").path("spec.metrics[0].object.target.type")
      .position(Position.of(22, 9)).message("target.type must be AverageValue (was Value)")
      .fix("set target.type: AverageValue").build();
  private static final Finding WARNING = Finding.builder()
      .code(LintCode.RATE_WINDOW_TOO_SHORT).source("deploy/adapter config.yaml").document(1)
      .object("ConfigMap seldon-monitoring/adapter").path("data.\"config.yaml\"")
      .position(Position.of(8, 3)).message("rate window [20s] is shorter than 2 scrape intervals (was 20s)")
      .fix("use [30s] or more").build();
  private static final Finding INFO = Finding.builder()
      .code(LintCode.NOT_CHECKED).source("deploy/irisa0.yaml").document(3)
      .object("Deployment seldon-mesh/web").path("")
      .message("kind Deployment is not checked").fix("nothing to do").build();
  private static final Finding GIVEN = Finding.builder()
      .code(LintCode.RELIST_SHORTER_THAN_SCRAPE).source("<adapter config>").document(0)
      .object("adapter config").path("").message("relist 10s is shorter than the scrape interval 15s")
      .fix("set --metrics-relist-interval to 1m").build();
  private static final List<Finding> FINDINGS = List.of(ERROR, WARNING, INFO, GIVEN);

  @Test
  void textGroupsByFileWithTheFixAndASummary() {
    Golden.assertMatches("reports/findings.txt", FindingReports.text(FINDINGS, 2, false));
  }

  @Test
  void textColoursSeveritiesOnlyWhenAsked() {
    String plain = FindingReports.text(List.of(ERROR), 1, false);
    String coloured = FindingReports.text(List.of(ERROR), 1, true);
    assertThat(plain).doesNotContain("\u001b");
    assertThat(coloured).contains("deploy/irisa0.yaml:22:9: \u001b[1;31mERROR\u001b[0m SHPA003 ");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void summaryCountsEachSeverityAndTheFiles() {
    assertThat(FindingReports.summary(FINDINGS, 3)).isEqualTo("1 error, 2 warnings, 1 info in 3 files");
    assertThat(FindingReports.summary(List.of(), 1)).isEqualTo("0 errors, 0 warnings, 0 infos in 1 file");
    assertThat(FindingReports.text(List.of(), 0, false)).isEqualTo("0 errors, 0 warnings, 0 infos in 0 files\n");
  }

  @Test
  void jsonHasEveryFieldOfEveryFinding() throws Exception {
    String json = FindingReports.json(FINDINGS, 2);
    Golden.assertMatches("reports/findings.json", json);
    JsonNode first = new ObjectMapper().readTree(json).path("findings").get(0);
    assertThat(first.path("code").asText()).isEqualTo("SHPA003");
    assertThat(first.path("line").asInt()).isEqualTo(22);
    assertThat(first.path("column").asInt()).isEqualTo(9);
    assertThat(first.path("fix").asText()).isEqualTo("set target.type: AverageValue");
  }

  @Test
  void sarifPutsEachFindingOnItsLineAndValidates() throws Exception {
    String sarif = FindingReports.sarif(FINDINGS, "1.2.3");
    Golden.assertMatches("reports/findings.sarif", sarif);
    assertThat(SarifSchema.errors(sarif)).isEmpty();
    JsonNode result = new ObjectMapper().readTree(sarif).path("runs").get(0).path("results").get(1);
    assertThat(result.path("ruleId").asText()).isEqualTo("SHPA015");
    assertThat(result.path("level").asText()).isEqualTo("warning");
    JsonNode physical = result.path("locations").get(0).path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("deploy/adapter%20config.yaml");
    assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(8);
    assertThat(physical.path("region").path("startColumn").asInt()).isEqualTo(3);
    JsonNode rules = new ObjectMapper().readTree(sarif).path("runs").get(0).path("tool").path("driver").path("rules");
    assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo("SHPA015");
  }

  @Test
  void sarifOfARealLintRunValidates() {
    List<Manifest> manifests = ManifestReader.create().read("seeds/irisa0-model-hpa.yaml",
        Fixtures.read("seeds/irisa0-model-hpa.yaml").replace("AverageValue", "Value").replace("averageValue", "value"));
    List<Finding> findings = Lint.check(manifests, LintFacts.defaults());
    assertThat(findings).isNotEmpty();
    String sarif = FindingReports.sarif(findings, "0.1.0-SNAPSHOT");
    assertThat(SarifSchema.errors(sarif)).isEmpty();
    assertThat(sarif).contains("\"uri\": \"seeds/irisa0-model-hpa.yaml\"");
  }

  @Test
  void schemaCatchesABrokenLog() {
    String broken = FindingReports.sarif(List.of(ERROR), "1").replace("\"level\": \"error\"", "\"level\": \"fatal\"");
    assertThat(SarifSchema.errors(broken)).isNotEmpty();
  }

  @Test
  void pathsBecomeUriReferences() {
    assertThat(FindingReports.uri("deploy/a b.yaml")).isEqualTo("deploy/a%20b.yaml");
    assertThat(FindingReports.uri("/abs/x.yaml")).isEqualTo("file:///abs/x.yaml");
    assertThat(FindingReports.uri("dir\\win.yaml")).isEqualTo("dir/win.yaml");
    assertThat(FindingReports.uri("ü#1.yaml")).isEqualTo("%C3%BC%231.yaml");
  }
}
