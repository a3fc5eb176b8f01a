package io.github.seldonhpa.examples;

import io.github.seldonhpa.k8s.Finding;
import io.github.seldonhpa.k8s.Lint;
import io.github.seldonhpa.k8s.LintCode;
import io.github.seldonhpa.k8s.LintFacts;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.promql.PrometheusDuration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Lints existing manifests: the Seldon Core 2 documentation's setup (no errors; one warning, for the native
 * scaling sample on Seldon 2.10) and a deliberately broken set with one mistake per check, printed as a
 * report grouped by object.
 */
public final class LintExample {
  /** The cluster the manifests are meant for: Seldon's PodMonitors, the adapter chart's relist interval. */
  static final LintFacts FACTS = LintFacts.builder()
      .seldonVersion("2.10.1")
      .scrapeInterval(Duration.ofSeconds(15))
      .relistInterval(Duration.ofMinutes(1))
      .serverStartup(Duration.ofSeconds(60))
      .build();

  /**
   * The same cluster with the adapter relisting every 10 s, faster than Prometheus scrapes; objects lint does
   * not check are listed too.
   */
  static final LintFacts FAST_RELIST = LintFacts.builder()
      .seldonVersion("2.10.1")
      .scrapeInterval(Duration.ofSeconds(15))
      .relistInterval(Duration.ofSeconds(10))
      .serverStartup(Duration.ofSeconds(60))
      .reportNotChecked(true)
      .build();

  /** The same cluster on Seldon 2.8.3, before Models had a label selector. */
  static final LintFacts OLD_SELDON = LintFacts.builder()
      .seldonVersion("2.8.3")
      .serverStartup(Duration.ofSeconds(60))
      .build();

  private LintExample() {}

  /** Prints the report. */
  public static void main(String[] args) {
    System.out.print(report());
  }

  /** The findings of one file from the classpath folder {@code lint/}. */
  static List<Finding> lint(String name, LintFacts facts) {
    return Lint.check(read(name), facts);
  }

  /** The whole report: the documentation's setup, then the broken sets, then which checks fired. */
  static String report() {
    StringBuilder out = new StringBuilder();
    Set<LintCode> fired = EnumSet.noneOf(LintCode.class);
    for (String[] run : new String[][] {{"seeds.yaml", "facts"}, {"broken.yaml", "fast"},
        {"broken-old-seldon.yaml", "old"}, {"broken-keda.yaml", "facts"}}) {
      LintFacts facts = run[1].equals("facts") ? FACTS : run[1].equals("fast") ? FAST_RELIST : OLD_SELDON;
      List<Finding> findings = lint(run[0], facts);
      findings.forEach(f -> fired.add(f.code()));
      section(out, run[0], facts, findings);
    }
    out.append("checks that fired: ").append(fired.size()).append(" of ").append(LintCode.values().length)
        .append('\n');
    return out.toString();
  }

  private static void section(StringBuilder out, String name, LintFacts facts, List<Finding> findings) {
    out.append("== ").append(name).append(" (Seldon ").append(facts.seldonVersion().orElse("unknown"))
        .append(", scrape ").append(PrometheusDuration.format(facts.scrapeInterval()))
        .append(", relist ").append(PrometheusDuration.format(facts.relistInterval()))
        .append(", server start-up ").append(facts.serverStartup().map(PrometheusDuration::format).orElse("unknown"))
        .append(")\n");
    long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
    long infos = findings.size() - errors - warnings;
    out.append("errors: ").append(errors).append(", warnings: ").append(warnings).append(", infos: ").append(infos)
        .append('\n');
    String object = null;
    for (Finding f : findings) {
      if (!f.object().equals(object)) {
        object = f.object();
        out.append('\n').append(object).append(" (").append(f.source()).append(", document ")
            .append(f.document()).append(")\n");
      }
      out.append("  ").append(f.severity()).append(' ').append(f.code().id()).append(' ').append(f.code().slug())
          .append(f.position().map(p -> " at " + p.line() + ":" + p.column()).orElse(""))
          .append(f.path().isEmpty() ? "" : " " + f.path()).append('\n')
          .append("    ").append(f.message()).append('\n')
          .append("    fix: ").append(f.fix()).append('\n');
    }
    out.append('\n');
  }

  private static List<Manifest> read(String name) {
    try (InputStream in = LintExample.class.getResourceAsStream("/lint/" + name)) {
      return ManifestReader.create().read(name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
