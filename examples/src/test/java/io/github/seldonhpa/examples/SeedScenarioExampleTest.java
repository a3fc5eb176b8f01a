package io.github.seldonhpa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.k8s.Finding;
import io.github.seldonhpa.k8s.Lint;
import io.github.seldonhpa.k8s.LintFacts;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.testing.Golden;
import io.github.seldonhpa.k8s.testing.KubeSchemas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedScenarioExampleTest {
  /** The cluster of the docs: Seldon's PodMonitors scrape every 15 s, the adapter chart relists every 1m. */
  private static final LintFacts DOCS_CLUSTER = LintFacts.builder()
      .seldonVersion("2.10.1")
      .scrapeInterval(Duration.ofSeconds(15))
      .relistInterval(Duration.ofMinutes(1))
      .serverStartup(Duration.ofSeconds(60))
      .build();

  /** What a command line run printed and returned. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SeedScenarioExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyScenarioAndFileMatchesItsGoldenFile() {
    for (Map.Entry<String, Map<String, String>> s : SeedScenarioExample.scenarios().entrySet()) {
      Golden.assertMatches("scenarios/" + s.getKey() + ".yaml", SeedScenarioExample.render(s.getKey()));
      for (Map.Entry<String, String> f : s.getValue().entrySet()) {
        if (f.getKey().startsWith("helm/")) {
          Golden.assertMatches("scenarios/" + s.getKey() + "/" + f.getKey(), f.getValue());
        }
      }
    }
  }

  @Test
  void listsTheDocsScenariosWithOneFilePerManifest() {
    Map<String, Map<String, String>> scenarios = SeedScenarioExample.scenarios();
    assertThat(scenarios).containsOnlyKeys("model-hpa", "single-model-serving", "native-scaling");
    assertThat(scenarios.get("model-hpa")).containsOnlyKeys("prometheus-adapter.config.yaml", "irisa0.yaml",
        "irisa0-hpa.yaml", "helm/prometheus-adapter.values.yaml", "helm/install.sh");
    assertThat(scenarios.get("single-model-serving")).containsKey("hpa-custom-policy.yaml");
    assertThat(scenarios.get("native-scaling")).containsOnlyKeys("tfsimple_scaling.yaml",
        "helm/seldon-core-v2-setup.values.yaml");
  }

  @Test
  void everyScenarioHoldsEachObjectOnceSoApplyingItIsSafe() {
    for (String s : SeedScenarioExample.scenarios().keySet()) {
      Set<String> seen = new HashSet<>();
      for (Manifest m : ManifestReader.create().read(s, SeedScenarioExample.render(s))) {
        assertThat(seen.add(m.toString())).as("%s holds %s once", s, m).isTrue();
      }
    }
  }

  @Test
  void theHpaScenariosLintClean() {
    for (String s : List.of("model-hpa", "single-model-serving")) {
      List<Finding> findings = Lint.check(ManifestReader.create().read(s, SeedScenarioExample.render(s)),
          DOCS_CLUSTER);
      assertThat(findings).as(s).isEmpty();
    }
  }

  @Test
  void theNativeScalingScenarioLintsCleanOnTheSeldonVersionsItActsOn() {
    // Seldon's lag-based scaling acts on 2.9.x and earlier; on 2.10 lint says it is inert
    String s = "native-scaling";
    List<Manifest> manifests = ManifestReader.create().read(s, SeedScenarioExample.render(s));
    LintFacts seldon29 = LintFacts.builder().seldonVersion("2.9.1").scrapeInterval(Duration.ofSeconds(15))
        .relistInterval(Duration.ofMinutes(1)).serverStartup(Duration.ofSeconds(60)).build();
    assertThat(Lint.check(manifests, seldon29)).isEmpty();
  }

  @Test
  void everyManifestValidatesAgainstTheOfficialSchemas() {
    for (Map.Entry<String, Map<String, String>> s : SeedScenarioExample.scenarios().entrySet()) {
      for (Map.Entry<String, String> f : s.getValue().entrySet()) {
        if (!f.getKey().startsWith("helm/")) {
          assertThat(KubeSchemas.errorsOfYaml(f.getValue())).as(s.getKey() + "/" + f.getKey()).isEmpty();
        }
      }
    }
  }

  @Test
  void printsTheDefaultScenarioWithoutArguments() {
    Run r = run();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(SeedScenarioExample.render("single-model-serving"));
    assertThat(r.err()).isEmpty();
    assertThat(run("--scenario", "model-hpa").out()).isEqualTo(SeedScenarioExample.render("model-hpa"));
  }

  @Test
  void helpPrintsUsageAndWritesNothing(@TempDir Path dir) {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Usage: java -jar seldon-hpa-examples.jar [--scenario NAME] [--out DIR]\n")
        .contains("Exit codes: 0 done, 1 a file could not be written, 2 bad usage.");
    assertThat(run("-h").out()).isEqualTo(r.out());
    assertThat(dir.resolve("--help")).doesNotExist();
  }

  @Test
  void refusesUnknownOptionsAndStrayArguments() {
    Run unknown = run("--halp");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err()).isEqualTo("seldon-hpa-examples: unknown option '--halp'\n"
        + "Try 'java -jar seldon-hpa-examples.jar --help'.\n");
    assertThat(run("manifests").err()).startsWith(
        "seldon-hpa-examples: unexpected argument 'manifests' (write files with --out DIR)\n");
    assertThat(run("--scenario").err()).startsWith("seldon-hpa-examples: option --scenario needs a value\n");
    assertThat(run("--scenario", "iris").err()).startsWith("seldon-hpa-examples: unknown scenario 'iris' (one of"
        + " model-hpa, single-model-serving, native-scaling)\n");
    assertThat(run("--out", "x", "--scenario", "model-hpa").code()).isEqualTo(2);
  }

  @Test
  void writesEveryScenarioToItsOwnFolder(@TempDir Path dir) throws Exception {
    Run r = run("--out", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(Files.readString(dir.resolve("model-hpa/irisa0-hpa.yaml")))
        .isEqualTo(SeedScenarioExample.scenarios().get("model-hpa").get("irisa0-hpa.yaml"));
    assertThat(dir.resolve("native-scaling/helm/seldon-core-v2-setup.values.yaml")).exists();
    assertThat(r.out().lines().count()).isEqualTo(
        SeedScenarioExample.scenarios().values().stream().mapToLong(Map::size).sum());
  }

  @Test
  void aFolderThatCannotBeWrittenIsExitCodeOne(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "");
    Run r = run("--out", file.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("seldon-hpa-examples: cannot write " + file.resolve("model-hpa")
        .resolve("prometheus-adapter.config.yaml") + ": Not a directory\n");
  }
}
