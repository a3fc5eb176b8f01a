package io.github.seldonhpa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  private static final String PLAN = "src/test/resources/cli/plans/irisa0.plan.yaml";

  @Test
  void rendersOneYamlStream() {
    Cli r = Cli.run("render", PLAN);
    assertThat(r.code).as(r.toString()).isZero();
    Golden.assertMatches("render/irisa0.yaml", r.out);
    List<Manifest> objects = ManifestReader.create().read("out", r.out);
    assertThat(objects).extracting(Manifest::toString).containsExactly(
        "Model seldon-mesh/irisa0 (out, document 1)",
        "HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa (out, document 2)",
        "HorizontalPodAutoscaler seldon-mesh/mlserver-server-hpa (out, document 3)",
        "ConfigMap seldon-monitoring/hpa-metrics-prometheus-adapter (out, document 4)");
  }

  @Test
  void rendersJsonAsAList() {
    Cli r = Cli.run("render", "--format", "json", PLAN);
    assertThat(r.code).isZero();
    Golden.assertMatches("render/irisa0.json", r.out);
    assertThat(r.out).startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [");
  }

  @Test
  void writesOneFilePerObjectWithTheSameBytesEachTime(@TempDir Path dir) throws IOException {
    Cli r = Cli.run("render", PLAN, "-o", dir.resolve("out").toString());
    assertThat(r.code).isZero();
    assertThat(r.err).isEqualTo("wrote 4 files to " + dir.resolve("out") + "\n");
    assertThat(names(dir.resolve("out"))).containsExactly(
        "configmap_seldon-monitoring_hpa-metrics-prometheus-adapter.yaml",
        "horizontalpodautoscaler_seldon-mesh_irisa0-model-hpa.yaml",
        "horizontalpodautoscaler_seldon-mesh_mlserver-server-hpa.yaml",
        "model_seldon-mesh_irisa0.yaml");
    String stream = Cli.run("render", PLAN).out;
    assertThat(Files.readString(dir.resolve("out/model_seldon-mesh_irisa0.yaml")))
        .isEqualTo(stream.substring(0, stream.indexOf("---\n")));
    Cli again = Cli.run("render", PLAN, "-o", dir.resolve("again").toString());
    assertThat(again.code).isZero();
    for (String name : names(dir.resolve("out"))) {
      assertThat(Files.readAllBytes(dir.resolve("again").resolve(name))).isEqualTo(Files.readAllBytes(dir.resolve("out").resolve(name)));
    }
    Cli json = Cli.run("render", "--format", "json", PLAN, "-o", dir.resolve("json").toString());
    assertThat(json.code).isZero();
    assertThat(names(dir.resolve("json"))).allMatch(n -> n.endsWith(".json")).hasSize(4);
  }

  @Test
  void nativeScalingAddsTheHelmValues(@TempDir Path dir) throws IOException {
    Path plan = dir.resolve("native.plan.yaml");
    Files.writeString(plan, Files.readString(Path.of(PLAN)) + "nativeScaling:\n  modelInferenceLagThreshold: 10\n");
    assertThat(Cli.run("render", plan.toString(), "-o", dir.resolve("out").toString()).code).isZero();
    assertThat(Files.readString(dir.resolve("out/seldon-core-v2-setup-values.yaml")))
        .contains("modelInferenceLagThreshold: \"10\"");
  }

  @Test
  void readsPlansFromStandardInput() throws IOException {
    Cli r = Cli.withStdin(Files.readString(Path.of(PLAN)), "render", "-");
    assertThat(r.code).isZero();
    assertThat(r.out).isEqualTo(Cli.run("render", PLAN).out);
  }

  @Test
  void anInvalidPlanIsOneLineWithItsPosition(@TempDir Path dir) throws IOException {
    Path plan = dir.resolve("bad.plan.yaml");
    Files.writeString(plan, Files.readString(Path.of(PLAN)).replace("value: 5", "value: 0"));
    Cli r = Cli.run("render", plan.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).isEqualTo("seldon-hpa render: behavior.scaleUp.policies[0].value must be > 0 (was 0)"
        + " (at " + plan + ", document 1, line 25, column 7)\n");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
