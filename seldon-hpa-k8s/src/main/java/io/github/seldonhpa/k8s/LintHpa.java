package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/** An HPA as lint reads it: its autoscaling/v2 view and the fields the checks share. */
final class LintHpa {
  final LintSubject subject;
  final String apiVersion;
  /** metadata.namespace, or the caller's default namespace. */
  final String namespace;
  /** The v2 spec (converted from v1), a missing node when it cannot be read. */
  final JsonNode spec;
  final String targetApiVersion;
  final String targetKind;
  final String targetName;
  final OptionalInt minReplicas;
  final OptionalInt maxReplicas;
  /** Whether it scales a Seldon object or reads a Seldon metric. */
  final boolean seldon;

  LintHpa(LintSubject subject, String namespace, JsonNode spec) {
    this.subject = subject;
    this.apiVersion = subject.manifest.apiVersion();
    this.namespace = namespace;
    this.spec = subject.mapping(spec, "spec");
    JsonNode ref = subject.mapping(this.spec.get("scaleTargetRef"), "spec.scaleTargetRef");
    targetApiVersion = subject.string(ref.get("apiVersion"), "spec.scaleTargetRef.apiVersion").orElse("");
    targetKind = subject.string(ref.get("kind"), "spec.scaleTargetRef.kind").orElse("");
    targetName = subject.string(ref.get("name"), "spec.scaleTargetRef.name").orElse("");
    minReplicas = subject.integer(this.spec.get("minReplicas"), "spec.minReplicas");
    maxReplicas = subject.integer(this.spec.get("maxReplicas"), "spec.maxReplicas");
    boolean describesSeldon = false;
    for (JsonNode metric : this.spec.path("metrics")) {
      describesSeldon |= LintTrees.group(metric.path("object").path("describedObject").path("apiVersion")
          .asText()).equals(LintTrees.SELDON_GROUP);
    }
    seldon = LintTrees.group(targetApiVersion).equals(LintTrees.SELDON_GROUP) || describesSeldon
        || targetKind.equals("Model") || targetKind.equals("Server");
  }

  /** Whether it scales a Seldon Model (kind Model in the Seldon API version). */
  boolean targetsModel() {
    return targetKind.equals("Model") && targetApiVersion.equals(LintTrees.SELDON_API_VERSION);
  }

  /** Whether it scales a Seldon Server. */
  boolean targetsServer() {
    return targetKind.equals("Server") && targetApiVersion.equals(LintTrees.SELDON_API_VERSION);
  }

  /** {@code seldon-mesh/irisa0-model-hpa}. */
  String display() {
    return namespace + "/" + subject.manifest.shownName();
  }
}
