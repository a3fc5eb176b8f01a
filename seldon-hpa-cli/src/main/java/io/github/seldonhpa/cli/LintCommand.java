package io.github.seldonhpa.cli;

import io.github.seldonhpa.k8s.Finding;
import io.github.seldonhpa.k8s.FindingReports;
import io.github.seldonhpa.k8s.Lint;
import io.github.seldonhpa.k8s.LintFacts;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seldon-hpa lint}: reads manifests and reports every finding. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    header = "Lint manifests: HPAs, Seldon Models and Servers, prometheus-adapter configs.",
    descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
    description = {"Lint HPAs, Seldon Models and Servers and prometheus-adapter configs.",
        "Reads files, folders (recursively: *.yaml, *.yml) and - (standard input)."},
    footer = {"%nExamples:",
        "  seldon-hpa lint deploy/",
        "  kubectl get hpa,models.mlops.seldon.io,servers.mlops.seldon.io -A -o yaml | seldon-hpa lint -",
        "  seldon-hpa lint --adapter-config adapter-values.yaml --seldon-version 2.10.1 deploy/",
        "  seldon-hpa lint --format sarif --fail-on warning deploy/ > seldon-hpa.sarif",
        "%nExit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 bad usage or unreadable input."})
final class LintCommand implements Callable<Integer>, Main.Colourful {
  /** Report formats. */
  enum Format { text, json, sarif }

  /** The lowest severity that fails the run. */
  enum FailOn { error, warning, info, never }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH|-", arity = "1..*",
      description = "Files, folders (read recursively) or - for standard input.")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or sarif (SARIF 2.1.0). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Exit 1 on a finding of this severity or worse: error, warning, info or never."
          + " Default: ${DEFAULT-VALUE}.")
  FailOn failOn;

  @Option(names = "--adapter-config", paramLabel = "FILE",
      description = "The prometheus-adapter config to lint the HPAs against: its ConfigMap, a bare config.yaml"
          + " or the adapter Helm chart's values.")
  Path adapterConfig;

  @Option(names = "--scrape-interval", paramLabel = "DURATION", converter = Durations.class,
      description = "Prometheus' scrape interval of the Seldon series. Default: 15s.")
  Duration scrapeInterval;

  @Option(names = "--relist-interval", paramLabel = "DURATION", converter = Durations.class,
      description = "prometheus-adapter's --metrics-relist-interval. Default: 1m.")
  Duration relistInterval;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "The namespace of objects written without one, as kubectl apply -n gives it. Default: default.")
  String namespace;

  @Option(names = "--seldon-version", paramLabel = "VERSION",
      description = "The Seldon Core 2 version (2.10.1): enables the version checks.")
  String seldonVersion;

  @Option(names = "--server-startup", paramLabel = "DURATION", converter = Durations.class,
      description = "How long a server pod takes until it can load a model: enables the scale-up check.")
  Duration serverStartup;

  private boolean colour;

  @Override
  public void colour(boolean on) {
    colour = on;
  }

  @Override
  public Integer call() {
    LintFacts.Builder facts = LintFacts.builder();
    if (scrapeInterval != null) {
      facts.scrapeInterval(scrapeInterval);
    }
    if (relistInterval != null) {
      facts.relistInterval(relistInterval);
    }
    if (seldonVersion != null) {
      facts.seldonVersion(seldonVersion);
    }
    if (serverStartup != null) {
      facts.serverStartup(serverStartup);
    }
    if (namespace != null) {
      facts.defaultNamespace(namespace);
    }
    LintFacts built = facts.build();
    ManifestReader reader = ManifestReader.create();
    List<Manifest> manifests = new ArrayList<>();
    int files = 0;
    for (Path path : paths) {
      for (Path file : files(path)) {
        manifests.addAll(reader.read(file));
        files++;
      }
    }
    if (adapterConfig != null) {
      manifests.addAll(reader.read(adapterConfig));
      files++;
    }
    List<Finding> findings = Lint.check(manifests, built);
    String report;
    switch (format) {
      case json: report = FindingReports.json(findings, files); break;
      case sarif: report = FindingReports.sarif(findings, Main.version()); break;
      default: report = FindingReports.text(findings, files, colour); break;
    }
    spec.commandLine().getOut().print(report);
    return fails(findings, failOn) ? Main.FINDINGS : Main.OK;
  }

  /** A folder's YAML files, or the path itself (a file, or - for standard input). */
  private static List<Path> files(Path path) {
    return !path.toString().equals("-") && Files.isDirectory(path) ? ManifestReader.yamlFiles(path) : List.of(path);
  }

  static boolean fails(List<Finding> findings, FailOn failOn) {
    if (failOn == FailOn.never) {
      return false;
    }
    Finding.Severity threshold = Finding.Severity.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT));
    // Severity is declared worst first: ERROR, WARNING, INFO
    return findings.stream().anyMatch(f -> f.severity().ordinal() <= threshold.ordinal());
  }
}
