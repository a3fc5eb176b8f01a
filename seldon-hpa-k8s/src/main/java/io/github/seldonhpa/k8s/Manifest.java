package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.Server;
import io.github.seldonhpa.promql.AdapterConfig;
import java.util.List;
import java.util.Optional;

/**
 * One Kubernetes object read from YAML: a document of a stream, or one item of a {@code kind: List}.
 * Holds the lossless tree (every field, in the order written, including the ones seldon-hpa does not model)
 * and the position of every key and sequence item, so findings can point at a line. Immutable: {@link #tree()}
 * returns a copy. Equality is by content (the tree), not by where it was read.
 */
public final class Manifest {
  private final String source;
  private final int document;
  private final Integer item;
  private final ObjectNode root;
  private final Positions positions;

  Manifest(String source, int document, Integer item, ObjectNode root, Positions positions) {
    this.source = source;
    this.document = document;
    this.item = item;
    this.root = root;
    this.positions = positions;
  }

  /** {@return the name of the file or stream it was read from} */
  public String source() {
    return source;
  }

  /** {@return the document of the stream, counted from 1} */
  public int document() {
    return document;
  }

  /** {@return the index in the {@code items} of a {@code kind: List} document, when it came from one} */
  public Optional<Integer> item() {
    return Optional.ofNullable(item);
  }

  /** {@return {@code apiVersion}, when set} */
  public Optional<String> apiVersion() {
    return text(root.get("apiVersion"));
  }

  /** {@return {@code kind}, when set; a bare prometheus-adapter {@code config.yaml} has none} */
  public Optional<String> kind() {
    return text(root.get("kind"));
  }

  /** {@return {@code metadata.name}, when set} */
  public Optional<String> name() {
    return text(root.path("metadata").get("name"));
  }

  /** {@return {@code metadata.namespace}, when set} */
  public Optional<String> namespace() {
    return text(root.path("metadata").get("namespace"));
  }

  /** {@return a copy of the whole object as read: every field, in the order written} */
  public ObjectNode tree() {
    return root.deepCopy();
  }

  /**
   * {@return where the value at {@code path} starts ({@code spec.metrics[0].object.target.type}; keys that are not
   * plain words are quoted: {@code data."config.yaml"}); for a mapping key, the position of the key}
   * The empty path is the object itself.
   *
   * @param path a dotted path such as {@code spec.metrics[0].object.target.type}; "" for the object itself
   */
  public Optional<Position> position(String path) {
    return positions.find(root, path);
  }

  /**
   * {@return this HorizontalPodAutoscaler as the library's value type (which holds what an HPA on a Seldon Model or
   * Server may be; the manifest keeps the rest, such as {@code status})} autoscaling/v1 and v2beta2 HPAs are
   * read as the API server converts them to v2 (a v1 {@code targetCPUUtilizationPercentage}, or its default
   * 80, becomes a cpu Utilization metric); without {@code metadata.namespace} the HPA is in {@code default}.
   *
   * @throws io.github.seldonhpa.HpaValidationException naming the field, for a wrong type or a value the
   *     value type refuses
   */
  public Hpa toHpa() {
    return toHpa("default");
  }

  /**
   * {@return {@link #toHpa()}, with {@code namespace} for an HPA written without {@code metadata.namespace} (as
   * {@code kubectl apply -n namespace} places it)}
   *
   * @param namespace the namespace of an HPA written without {@code metadata.namespace}, a DNS-1123 label
   * @throws io.github.seldonhpa.HpaValidationException naming the field
   */
  public Hpa toHpa(String namespace) {
    return ManifestValues.hpa(this, namespace);
  }

  /**
   * {@return this Seldon Model as the library's value type; spec fields it does not model go to
   * {@link Model#extraSpec()} as written}
   *
   * @throws io.github.seldonhpa.HpaValidationException naming the field
   */
  public Model toModel() {
    return ManifestValues.model(this);
  }

  /**
   * {@return this Seldon Server as the library's value type; spec fields it does not model (such as {@code podSpec})
   * go to {@link Server#extraSpec()} as written}
   *
   * @throws io.github.seldonhpa.HpaValidationException naming the field
   */
  public Server toServer() {
    return ManifestValues.server(this);
  }

  /**
   * {@return the prometheus-adapter config of this ConfigMap ({@code data."config.yaml"}) or of this bare
   * {@code config.yaml} document, read as strictly as the adapter does (unknown keys are errors)}
   *
   * @throws io.github.seldonhpa.HpaValidationException naming the field
   */
  public AdapterConfig toAdapterConfig() {
    return ManifestValues.adapterConfig(this);
  }

  /** {@return the object as YAML: same fields, same order, same values (comments and anchors are not kept)} */
  public String toYaml() {
    return YamlTrees.write(root);
  }

  /**
   * {@return several objects as one multi-document YAML stream, separated by {@code ---}}
   *
   * @param manifests the objects, written in this order
   */
  public static String toYaml(List<Manifest> manifests) {
    StringBuilder out = new StringBuilder();
    for (Manifest m : manifests) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      out.append(m.toYaml());
    }
    return out.toString();
  }

  /** The object for messages: {@code HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa}. */
  String describe() {
    return kind().orElse("(no kind)") + " " + namespace().map(ns -> ns + "/").orElse("")
        + name().orElse("(no name)");
  }

  /** The tree itself, for reading inside the package only. */
  JsonNode node() {
    return root;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest && ((Manifest) o).root.equals(root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  /** {@code HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa (hpa.yaml, document 1)}. */
  @Override
  public String toString() {
    return describe() + " (" + source + ", document " + document
        + (item == null ? "" : ", item " + item) + ")";
  }

  private static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
  }
}
