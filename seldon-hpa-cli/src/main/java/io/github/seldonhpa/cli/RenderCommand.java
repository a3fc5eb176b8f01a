package io.github.seldonhpa.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.Manifests;
import io.github.seldonhpa.k8s.PlanFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seldon-hpa render}: plan files to manifests. */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    header = "Render plan files as the manifests to apply.",
    descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
    description = {"Render plan files (the YAML form of a ScalingPlan, see docs/cli.md) as the manifests to"
        + " apply: the Model, the Model HPA, the Server HPA and the adapter ConfigMap.",
        "Without -o, one stream on standard output; with -o, one file per object (and the Seldon helm values of"
        + " a plan's nativeScaling)."},
    footer = {"%nExamples:",
        "  seldon-hpa render irisa0.plan.yaml | kubectl apply -f -",
        "  seldon-hpa render plans/*.yaml -o deploy/",
        "  seldon-hpa render --format json irisa0.plan.yaml",
        "%nExit codes: 0 rendered, 2 bad usage or an invalid or unreadable plan."})
final class RenderCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { yaml, json }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PLAN.yaml", arity = "1..*", description = "Plan files (- for standard input).")
  List<Path> plans;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Write one file per object into DIR (created if missing) instead of one stream.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
      description = "yaml (documents separated by ---) or json (a v1 List on standard output). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() throws IOException {
    List<PlanFile> read = new ArrayList<>();
    for (Path p : plans) {
      read.addAll(PlanFile.read(p));
    }
    List<Manifest> objects = PlanFile.objects(read);
    if (output == null) {
      spec.commandLine().getOut().print(format == Format.yaml ? Manifest.toYaml(objects) : jsonList(objects));
      return Main.OK;
    }
    Files.createDirectories(output);
    String ext = format == Format.yaml ? "yaml" : "json";
    for (Manifest m : objects) {
      String text = format == Format.yaml ? m.toYaml() : json(m.tree());
      Files.write(output.resolve(PlanFile.fileName(m, ext)), text.getBytes(StandardCharsets.UTF_8));
    }
    for (PlanFile p : read) {
      if (p.nativeScaling().isPresent()) {
        Files.write(output.resolve("seldon-core-v2-setup-values.yaml"),
            Manifests.helmValuesYaml(p.nativeScaling().get()).getBytes(StandardCharsets.UTF_8));
      }
    }
    spec.commandLine().getErr().printf("wrote %d files to %s%n", objects.size(), output);
    return Main.OK;
  }

  private static String jsonList(List<Manifest> objects) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    List<Map<String, Object>> items = new ArrayList<>();
    objects.forEach(m -> items.add(m.tree()));
    list.put("items", items);
    return json(list);
  }

  /** Two-space JSON with a final line break: the same bytes for the same objects. */
  static String json(Object tree) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter);
    printer.indentArraysWith(indenter);
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree read from YAML always writes
    }
  }
}
