package io.github.seldonhpa.maven;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.Finding;
import io.github.seldonhpa.k8s.FindingReports;
import io.github.seldonhpa.k8s.Lint;
import io.github.seldonhpa.k8s.LintFacts;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.promql.PrometheusDuration;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the manifests under the configured paths (files or folders, read recursively: {@code *.yaml},
 * {@code *.yml}), writes {@code lint.txt}, {@code lint.json} and {@code lint.sarif} (SARIF 2.1.0) into
 * {@code target/seldon-hpa/}, and fails the build on a finding at or above {@code failOn}. File names in the
 * reports are relative to the project's folder, so code-scanning UIs put them on the right line.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractMojo {
  /** Files and folders to lint. Default: {@code target/manifests}, where the render goal writes. */
  @Parameter(property = "seldonhpa.paths", defaultValue = "${project.build.directory}/manifests")
  List<File> paths;

  /** The lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code never}. */
  @Parameter(property = "seldonhpa.failOn", defaultValue = "error")
  String failOn;

  /** The prometheus-adapter config to lint against: its ConfigMap, a bare config.yaml or the chart's values. */
  @Parameter(property = "seldonhpa.adapterConfig")
  File adapterConfig;

  /** Prometheus' scrape interval of the Seldon series ({@code 15s}). Default: 15s. */
  @Parameter(property = "seldonhpa.scrapeInterval")
  String scrapeInterval;

  /** prometheus-adapter's relist interval ({@code 1m}). Default: 1m. */
  @Parameter(property = "seldonhpa.relistInterval")
  String relistInterval;

  /** The namespace of objects written without one, as {@code kubectl apply -n} gives it. Default: default. */
  @Parameter(property = "seldonhpa.namespace")
  String namespace;

  /** The Seldon Core 2 version ({@code 2.10.1}): enables the version checks. */
  @Parameter(property = "seldonhpa.seldonVersion")
  String seldonVersion;

  /** A server pod's start-up time ({@code 90s}): enables the scale-up check. */
  @Parameter(property = "seldonhpa.serverStartup")
  String serverStartup;

  /** Where the reports go. */
  @Parameter(defaultValue = "${project.build.directory}/seldon-hpa")
  File outputDirectory;

  /** The project's folder: report paths are relative to it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  /** Skips the goal. */
  @Parameter(property = "seldonhpa.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("seldon-hpa lint skipped");
      return;
    }
    Finding.Severity threshold = threshold();
    LintFacts facts;
    List<Manifest> manifests = new ArrayList<>();
    int files = 0;
    try {
      facts = facts();
      List<Path> all = new ArrayList<>();
      for (File p : paths) {
        Path path = p.toPath();
        all.addAll(Files.isDirectory(path) ? ManifestReader.yamlFiles(path) : List.of(path));
      }
      if (adapterConfig != null) {
        all.add(adapterConfig.toPath());
      }
      for (Path file : all) {
        manifests.addAll(read(file));
        files++;
      }
    } catch (HpaValidationException e) {
      throw new MojoExecutionException("seldon-hpa lint: " + e.getMessage(), e);
    }
    List<Finding> findings = Lint.check(manifests, facts);
    write("lint.txt", FindingReports.text(findings, files, false));
    write("lint.json", FindingReports.json(findings, files));
    write("lint.sarif", FindingReports.sarif(findings, Version.of()));
    for (Finding f : findings) {
      String line = f.source() + f.position().map(p -> ":" + p.line() + ":" + p.column()).orElse("") + ": "
          + f.code().id() + " " + f.object() + (f.path().isEmpty() ? "" : " " + f.path()) + ": " + f.message()
          + "; fix: " + f.fix();
      switch (f.severity()) {
        case ERROR: getLog().error(line); break;
        case WARNING: getLog().warn(line); break;
        default: getLog().info(line); break;
      }
    }
    String summary = FindingReports.summary(findings, files);
    getLog().info("seldon-hpa lint: " + summary + "; reports in " + outputDirectory);
    if (threshold != null && findings.stream().anyMatch(f -> f.severity().compareTo(threshold) <= 0)) {
      throw new MojoFailureException("seldon-hpa lint: " + summary + " (failOn " + failOn + "); see "
          + new File(outputDirectory, "lint.txt"));
    }
  }

  /** The threshold severity, or null for {@code never}. */
  private Finding.Severity threshold() throws MojoExecutionException {
    String f = failOn.toLowerCase(Locale.ROOT);
    switch (f) {
      case "never": return null;
      case "error": case "warning": case "info": return Finding.Severity.valueOf(f.toUpperCase(Locale.ROOT));
      default: throw new MojoExecutionException("seldon-hpa lint: failOn must be error, warning, info or never (was \""
          + failOn + "\")");
    }
  }

  private LintFacts facts() {
    LintFacts.Builder b = LintFacts.builder();
    if (scrapeInterval != null) {
      b.scrapeInterval(PrometheusDuration.parse("scrapeInterval", scrapeInterval));
    }
    if (relistInterval != null) {
      b.relistInterval(PrometheusDuration.parse("relistInterval", relistInterval));
    }
    if (seldonVersion != null) {
      b.seldonVersion(seldonVersion);
    }
    if (serverStartup != null) {
      b.serverStartup(PrometheusDuration.parse("serverStartup", serverStartup));
    }
    if (namespace != null) {
      b.defaultNamespace(namespace);
    }
    return b.build();
  }

  /** Reads one file, named by its path relative to the project's folder. */
  private List<Manifest> read(Path file) throws MojoExecutionException {
    Path base = basedir.toPath().toAbsolutePath();
    Path abs = file.toAbsolutePath();
    String name = abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : file.toString();
    if (!Files.isRegularFile(file)) {
      throw new MojoExecutionException("seldon-hpa lint: cannot read " + name + ": no such file or directory");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return ManifestReader.create().read(name, in);
    } catch (IOException e) {
      throw new MojoExecutionException("seldon-hpa lint: cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private void write(String name, String text) throws MojoExecutionException {
    try {
      Files.createDirectories(outputDirectory.toPath());
      Files.write(outputDirectory.toPath().resolve(name), text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new MojoExecutionException("seldon-hpa lint: cannot write " + name + ": " + e.getMessage(), e);
    }
  }
}
