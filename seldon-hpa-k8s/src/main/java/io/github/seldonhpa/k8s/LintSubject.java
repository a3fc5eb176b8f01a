package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One object lint looks at (a manifest, or the adapter config given as a value) and where its findings go.
 * Its fields are read through {@link Fields}, a field of the wrong type becoming one
 * {@link LintCode#INVALID_FIELD} finding, however many checks read it.
 */
final class LintSubject {
  private static final String GIVEN_SOURCE = "<adapter config>";

  final int order;
  /** The manifest, or {@code null} for an adapter config given as a value. */
  final Manifest manifest;
  private final LintReport report;
  private final Set<String> invalidReported = new HashSet<>();
  private final Fields fields = new Fields(this::invalid);

  LintSubject(int order, Manifest manifest, LintReport report) {
    this.order = order;
    this.manifest = manifest;
    this.report = report;
  }

  void report(LintCode code, String path, String message, String fix) {
    Finding.Builder f = Finding.builder().code(code).path(path).message(message).fix(fix);
    if (manifest == null) {
      f.source(GIVEN_SOURCE).document(0).object("prometheus-adapter config");
    } else {
      f.source(manifest.source()).document(manifest.document()).object(describe()).position(position(path));
    }
    report.add(order, f.build());
  }

  /** {@code HorizontalPodAutoscaler seldon-mesh/x}, or what a document without a kind is. */
  String describe() {
    if (manifest == null) {
      return "prometheus-adapter config";
    }
    return !manifest.kind().isEmpty() ? manifest.describe() : "prometheus-adapter config";
  }

  /** Where the field, or its nearest written parent, is. */
  Optional<Position> position(String path) {
    String p = path;
    while (true) {
      Optional<Position> at = manifest.position(p);
      if (at.isPresent() || p.isEmpty()) {
        return at;
      }
      p = LintTrees.parent(p);
    }
  }

  /** {@code file:line:column} of a field, for messages that point at another copy. */
  String where(String path) {
    return manifest.source() + position(path).map(p -> ":" + p.line() + ":" + p.column()).orElse("");
  }

  JsonNode node() {
    return manifest.node();
  }

  Optional<String> string(JsonNode node, String path) {
    return fields.string(node, path);
  }

  OptionalInt integer(JsonNode node, String path) {
    return fields.integer(node, path);
  }

  JsonNode mapping(JsonNode node, String path) {
    return fields.mapping(node, path);
  }

  List<JsonNode> sequence(JsonNode node, String path) {
    return fields.sequence(node, path);
  }

  void invalid(String path, String expected, JsonNode node) {
    invalid(path, path + " must be " + expected + " (was " + ManifestReader.describe(node) + ")",
        "write " + path + " as " + expected);
  }

  /** One {@link LintCode#INVALID_FIELD} finding per path. */
  void invalid(String path, String message, String fix) {
    if (invalidReported.add(path)) {
      report(LintCode.INVALID_FIELD, path, message, fix);
    }
  }
}
