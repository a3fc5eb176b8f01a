package io.github.seldonhpa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.k8s.testing.Golden;
import io.github.seldonhpa.k8s.testing.SarifSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LintCommandTest {
  private static final String SEEDS = "src/test/resources/cli/seeds";
  private static final String BROKEN = "src/test/resources/cli/broken/value-target-hpa.yaml";

  @Test
  void textReportOfAFolder() {
    Cli r = Cli.run("lint", SEEDS);
    Golden.assertMatches("lint/seeds.txt", r.out);
    assertThat(r.out).endsWith(" in 3 files\n");
    assertThat(r.err).isEmpty();
  }

  @Test
  void errorsFailTheRun() {
    Cli r = Cli.run("lint", BROKEN);
    assertThat(r.code).isEqualTo(1);
    Golden.assertMatches("lint/broken.txt", r.out);
    assertThat(r.out).contains(BROKEN + ":24:9: ERROR SHPA003 HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa");
  }

  @Test
  void failOnSetsTheThreshold() {
    Cli never = Cli.run("lint", "--fail-on", "never", BROKEN);
    assertThat(never.code).isZero();
    assertThat(never.out).isEqualTo(Cli.run("lint", BROKEN).out);
    // a clean pair with only warnings: exit 0 on error, 1 on warning
    String warnings = "src/test/resources/cli/seeds/irisa0-model.yaml";
    Cli onError = Cli.run("lint", warnings, SEEDS + "/single-model-serving-hpas.yaml");
    assertThat(onError.out).contains("WARNING").doesNotContain(": ERROR ");
    assertThat(onError.code).isZero();
    assertThat(Cli.run("lint", "--fail-on", "warning", warnings, SEEDS + "/single-model-serving-hpas.yaml").code)
        .isEqualTo(1);
    assertThat(Cli.run("lint", "--fail-on", "INFO", warnings).code).isZero();
  }

  @Test
  void jsonReport() throws Exception {
    Cli r = Cli.run("lint", "--format", "json", BROKEN);
    assertThat(r.code).isEqualTo(1);
    Golden.assertMatches("lint/broken.json", r.out);
    JsonNode first = new ObjectMapper().readTree(r.out).path("findings").get(0);
    assertThat(first.path("file").asText()).isEqualTo(BROKEN);
    assertThat(first.path("line").asInt()).isEqualTo(24);
  }

  @Test
  void sarifReportValidatesAgainstTheSchema() throws Exception {
    Cli r = Cli.run("lint", "--format", "sarif", BROKEN, SEEDS);
    assertThat(r.code).isEqualTo(1);
    assertThat(SarifSchema.errors(r.out)).isEmpty();
    Golden.assertMatches("lint/broken.sarif", r.out.replace(Main.version(), "VERSION"));
    JsonNode result = new ObjectMapper().readTree(r.out).path("runs").get(0).path("results").get(0);
    assertThat(result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
        .isEqualTo(BROKEN);
    assertThat(result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
        .isEqualTo(24);
  }

  @Test
  void dashReadsStandardInput() throws Exception {
    Cli r = Cli.withStdin(Files.readString(Path.of(BROKEN)), "lint", "-");
    assertThat(r.code).isEqualTo(1);
    assertThat(r.out).startsWith("<stdin>:24:9: ERROR SHPA003 ").endsWith("in 1 file\n");
  }

  @Test
  void adapterConfigIsLintedWithTheManifests() {
    Cli without = Cli.run("lint", SEEDS + "/single-model-serving-hpas.yaml");
    Cli with = Cli.run("lint", "--adapter-config", SEEDS + "/prometheus-adapter-configmap-2m.yaml",
        SEEDS + "/single-model-serving-hpas.yaml");
    assertThat(with.out).endsWith(" in 2 files\n");
    assertThat(without.out).endsWith(" in 1 file\n");
  }

  @Test
  void factsComeFromOptions() {
    // an old Seldon cannot scale a Model with an HPA
    Cli old = Cli.run("lint", "--seldon-version", "2.8.0", SEEDS);
    assertThat(old.out).contains("SHPA026");
    assertThat(Cli.run("lint", SEEDS).out).doesNotContain("SHPA026");
    // the rate window [2m] is fine at 15 s scrapes and too short at 90 s
    assertThat(Cli.run("lint", "--scrape-interval", "90s", SEEDS).out).contains("SHPA015");
    assertThat(Cli.run("lint", "--relist-interval", "10s", SEEDS).out).contains("SHPA016");
  }

  @Test
  void objectsWithoutNamespaceTakeTheGivenOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // the HPA has no namespace; its Model, in team-a, has no spec.replicas: an error only when they pair up
    Path hpa = dir.resolve("hpa.yaml");
    Files.writeString(hpa, Files.readString(Path.of(SEEDS + "/single-model-serving-hpas.yaml"))
        .split("---\n")[0].replace("  namespace: seldon-mesh\n", ""));
    Path model = dir.resolve("model.yaml");
    Files.writeString(model, Files.readString(Path.of(SEEDS + "/irisa0-model.yaml"))
        .replace("seldon-mesh", "team-a").replace("  replicas: 1\n", ""));
    assertThat(Cli.run("lint", hpa.toString(), model.toString()).out).doesNotContain("SHPA004");
    assertThat(Cli.run("lint", "-n", "team-a", hpa.toString(), model.toString()).out).contains("SHPA004");
    assertThat(Cli.run("lint", "--namespace", "Team_A", hpa.toString()).err)
        .startsWith("seldon-hpa lint: defaultNamespace must be a DNS-1123 label");
  }

  @Test
  void unreadableInputIsExitTwoInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Cli missing = Cli.run("lint", "no/such/dir");
    assertThat(missing.code).isEqualTo(2);
    assertThat(missing.err).isEqualTo(
        "seldon-hpa lint: cannot read: no such file or directory (at no/such/dir, document 0)\n");
    assertThat(missing.out).isEmpty();
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "kind: Model\nmetadata: {name: x\n");
    Cli malformed = Cli.run("lint", dir.toString());
    assertThat(malformed.code).isEqualTo(2);
    assertThat(malformed.err).startsWith("seldon-hpa lint: malformed YAML: ")
        .endsWith("(at " + bad + ", document 1, line 3, column 1)\n");
    assertThat(malformed.err.lines().count()).isEqualTo(1);
  }

  @Test
  void badOptionValuesAreBadUsage() {
    Cli format = Cli.run("lint", "--format", "xml", SEEDS);
    assertThat(format.code).isEqualTo(2);
    assertThat(format.err).startsWith("seldon-hpa lint: Invalid value for option '--format': expected one of [text, json, sarif]");
    Cli duration = Cli.run("lint", "--scrape-interval", "15 seconds", SEEDS);
    assertThat(duration.code).isEqualTo(2);
    assertThat(duration.err).isEqualTo("seldon-hpa lint: Invalid value for option '--scrape-interval':"
        + " '15 seconds' is not a duration such as 15s, 1m or 1m30s (see seldon-hpa lint --help)\n");
    Cli version = Cli.run("lint", "--seldon-version", "two", SEEDS);
    assertThat(version.code).isEqualTo(2);
    assertThat(version.err).isEqualTo("seldon-hpa lint: seldonVersion must be a version such as 2.10.1 (was \"two\")\n");
    Cli none = Cli.run("lint");
    assertThat(none.code).isEqualTo(2);
    assertThat(none.err).startsWith("seldon-hpa lint: Missing required parameter: 'PATH|-'");
  }
}
