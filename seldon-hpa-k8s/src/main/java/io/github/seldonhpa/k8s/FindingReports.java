package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Lint}'s findings as a report: text for people, JSON for scripts, SARIF 2.1.0 for code-scanning UIs
 * (GitHub, GitLab, Azure DevOps), each with code, severity, file, line, column, message and fix.
 *
 * <pre>{@code
 * deploy/hpa.yaml:22:9: ERROR SHPA003 HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa spec.metrics[0]...: <message>
 *   fix: set target.type: AverageValue with target.averageValue the value per replica
 *
 * 1 error, 0 warnings, 0 infos in 3 files
 * }</pre>
 */
public final class FindingReports {
  /** Where SARIF readers find the schema of the version written. */
  public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String INFORMATION_URI = "https://github.com/seldon-hpa/seldon-hpa";
  private static final String HELP_URI = INFORMATION_URI + "/blob/main/docs/lint.md";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String RESET = "\u001b[0m";

  private FindingReports() {}

  /**
   * {@return one line per finding, {@code file:line:column: SEVERITY CODE object path: message}, then its fix
   * indented on the next line; findings grouped by file (a blank line between files) in the order given;
   * then the summary line {@code N errors, N warnings, N infos in N files}}
   *
   * @param findings the findings, in the order lint returned them
   * @param files how many files were read (for the summary)
   * @param colour whether to colour the severities with ANSI escapes (only for a terminal)
   */
  public static String text(List<Finding> findings, int files, boolean colour) {
    StringBuilder out = new StringBuilder(256 + findings.size() * 200);
    for (List<Finding> group : bySource(findings).values()) {
      for (Finding f : group) {
        out.append(location(f)).append(": ");
        if (colour) {
          out.append(ansi(f.severity())).append(f.severity()).append(RESET);
        } else {
          out.append(f.severity());
        }
        out.append(' ').append(f.code().id()).append(' ').append(f.object());
        if (!f.path().isEmpty()) {
          out.append(' ').append(f.path());
        }
        out.append(": ").append(f.message()).append("\n  fix: ").append(f.fix()).append('\n');
      }
      out.append('\n');
    }
    return out.append(summary(findings, files)).append('\n').toString();
  }

  /**
   * {@return {@code 2 errors, 1 warning, 0 infos in 3 files}}
   *
   * @param findings the findings, in the order lint returned them
   * @param files how many files were read
   */
  public static String summary(List<Finding> findings, int files) {
    Map<Finding.Severity, Integer> counts = counts(findings);
    return count(counts.get(Finding.Severity.ERROR), "error") + ", "
        + count(counts.get(Finding.Severity.WARNING), "warning") + ", "
        + count(counts.get(Finding.Severity.INFO), "info") + " in " + count(files, "file");
  }

  /**
   * {@return a JSON object: {@code findings}, each with {@code code}, {@code slug}, {@code severity}, {@code file},
   * {@code line} and {@code column} (when known), {@code document}, {@code object}, {@code path},
   * {@code message} and {@code fix}; and {@code summary} with the counts of errors, warnings and infos and
   * the number of files} Two-space indentation, a final line break.
   *
   * @param findings the findings, in the order lint returned them
   * @param files how many files were read
   */
  public static String json(List<Finding> findings, int files) {
    ObjectNode root = NODES.objectNode();
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode o = list.addObject();
      o.put("code", f.code().id());
      o.put("slug", f.code().slug());
      o.put("severity", f.severity().name());
      o.put("file", f.source());
      f.position().ifPresent(p -> o.put("line", p.line()).put("column", p.column()));
      o.put("document", f.document());
      o.put("object", f.object());
      o.put("path", f.path());
      o.put("message", f.message());
      o.put("fix", f.fix());
    }
    Map<Finding.Severity, Integer> counts = counts(findings);
    root.putObject("summary")
        .put("errors", counts.get(Finding.Severity.ERROR))
        .put("warnings", counts.get(Finding.Severity.WARNING))
        .put("infos", counts.get(Finding.Severity.INFO))
        .put("files", files);
    return write(root);
  }

  /**
   * {@return a SARIF 2.1.0 log with one run of the tool {@code seldon-hpa} {@code toolVersion}: each {@link LintCode}
   * found as a rule (id, slug as name, default level), one result per finding with its rule, level ({@code error},
   * {@code warning}, {@code note}), message (what is wrong, then the fix), file as a relative URI and the
   * line and column as its region, the object and path as a logical location, and {@code properties.fix}}
   * A finding from a source that is not a file ({@code <stdin>}, {@code <adapter config>}) has only the
   * logical location.
   *
   * @param findings the findings, in the order lint returned them
   * @param toolVersion the version the log names for the tool, such as {@code 0.1.0}
   */
  public static String sarif(List<Finding> findings, String toolVersion) {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", SARIF_SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "seldon-hpa").put("version", toolVersion).put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    // the rules of the codes found, in code order: a result's ruleIndex points into this list
    Map<LintCode, Integer> index = new EnumMap<>(LintCode.class);
    for (Finding f : findings) {
      index.put(f.code(), 0);
    }
    int next = 0;
    for (LintCode code : index.keySet()) {
      index.put(code, next++);
      ObjectNode rule = rules.addObject();
      rule.put("id", code.id()).put("name", code.slug());
      rule.putObject("shortDescription").put("text", code.slug().replace('-', ' '));
      rule.put("helpUri", HELP_URI);
      rule.putObject("defaultConfiguration").put("level", level(code.severity()));
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : findings) {
      ObjectNode r = results.addObject();
      r.put("ruleId", f.code().id()).put("ruleIndex", index.get(f.code())).put("level", level(f.severity()));
      r.putObject("message").put("text", f.message() + ". Fix: " + f.fix());
      ObjectNode location = r.putArray("locations").addObject();
      if (!f.source().startsWith("<")) {
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(f.source()));
        f.position().ifPresent(p -> physical.putObject("region")
            .put("startLine", p.line()).put("startColumn", p.column()));
      }
      location.putArray("logicalLocations").addObject()
          .put("fullyQualifiedName", f.object() + (f.path().isEmpty() ? "" : " " + f.path()))
          .put("kind", "object");
      r.putObject("properties").put("fix", f.fix()).put("object", f.object()).put("path", f.path())
          .put("document", f.document());
    }
    return write(root);
  }

  /** A path as a URI reference: relative paths stay relative, {@code /} separators, reserved bytes escaped. */
  static String uri(String path) {
    String slashed = path.replace('\\', '/');
    try {
      if (slashed.startsWith("/")) {
        return new URI("file", "", slashed, null).toASCIIString();
      }
      return new URI(null, null, slashed, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e); // the multi-argument constructors quote every illegal character
    }
  }

  private static String location(Finding f) {
    return f.source() + f.position().map(p -> ":" + p.line() + ":" + p.column()).orElse("");
  }

  private static Map<String, List<Finding>> bySource(List<Finding> findings) {
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (Finding f : findings) {
      groups.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(f);
    }
    return groups;
  }

  private static Map<Finding.Severity, Integer> counts(List<Finding> findings) {
    Map<Finding.Severity, Integer> counts = new EnumMap<>(Finding.Severity.class);
    for (Finding.Severity s : Finding.Severity.values()) {
      counts.put(s, 0);
    }
    for (Finding f : findings) {
      counts.merge(f.severity(), 1, Integer::sum);
    }
    return counts;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String level(Finding.Severity severity) {
    switch (severity) {
      case ERROR: return "error";
      case WARNING: return "warning";
      default: return "note";
    }
  }

  private static String ansi(Finding.Severity severity) {
    switch (severity) {
      case ERROR: return "\u001b[1;31m";
      case WARNING: return "\u001b[1;33m";
      default: return "\u001b[1;36m";
    }
  }

  private static String write(ObjectNode root) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter);
    printer.indentArraysWith(indenter);
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of strings and numbers always writes
    }
  }
}
