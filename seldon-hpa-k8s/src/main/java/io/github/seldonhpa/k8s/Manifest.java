package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.seldonhpa.Hpa;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.Server;
import io.github.seldonhpa.promql.AdapterConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Kubernetes object read from YAML: a document of a stream, or one item of a {@code kind: List}.
 * Holds the lossless tree (every field, in the order written, including the ones seldon-hpa does not model)
 * and the position of every key and sequence item, so findings can point at a line. Immutable, and free of
 * any JSON library's types: {@link #tree()} is a read-only view of plain Java values. Equality is by
 * content (the tree), not by where it was read.
 *
 * <p>{@link #apiVersion()}, {@link #kind()} and {@link #name()} are plain strings, empty when the field is
 * absent, as apimachinery's {@code unstructured.Unstructured} reads them (see {@code docs/lint.md}) and as
 * the API server treats an empty field (a missing field is an empty one); so {@code m.kind().equals("HorizontalPodAutoscaler")} is the
 * test it looks like. The reader keeps objects without them, such as a bare prometheus-adapter
 * {@code config.yaml} (no kind) or a half-written manifest, for lint to report.
 * {@link #namespace()} is optional, since a manifest without a namespace is normal ({@code kubectl apply -n}
 * places it).
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

  /**
   * {@return the index in the {@code items} of a {@code kind: List} document, counted from 0, when it came
   * from one} Items of nested Lists are counted across the whole document, as kubectl flattens them.
   */
  public OptionalInt item() {
    return item == null ? OptionalInt.empty() : OptionalInt.of(item);
  }

  /** {@return {@code apiVersion} ({@code autoscaling/v2}), or {@code ""} when absent} */
  public String apiVersion() {
    return text(root.get("apiVersion"));
  }

  /**
   * {@return {@code kind} ({@code HorizontalPodAutoscaler}), or {@code ""} when absent} A bare
   * prometheus-adapter {@code config.yaml} has none.
   */
  public String kind() {
    return text(root.get("kind"));
  }

  /** {@return {@code metadata.name}, or {@code ""} when absent (as with {@code metadata.generateName})} */
  public String name() {
    return text(root.path("metadata").get("name"));
  }

  /**
   * {@return {@code metadata.namespace}, when set and not empty} kubectl places an object with
   * {@code namespace: ""} in the default namespace, as one without.
   */
  public Optional<String> namespace() {
    String namespace = text(root.path("metadata").get("namespace"));
    return namespace.isEmpty() ? Optional.empty() : Optional.of(namespace);
  }

  /**
   * {@return the whole object as read, as a read-only view of plain Java values: every field, in the order
   * written} A mapping is a {@code Map<String, Object>}, a sequence a {@code List<Object>}, a string a
   * {@code String}, an integer a {@code Long} (a {@code java.math.BigInteger} above
   * {@code Long.MAX_VALUE}, up to the 2^64-1 go-yaml reads), a float a {@code Double}, a boolean a
   * {@code Boolean} and a YAML null {@code null}. Values are as the reader resolved them, as Kubernetes
   * does ({@code 0o17} is 15, {@code "3"} stays a string, {@code y} is {@code true}); {@link #toYaml()}
   * writes them back. Maps and lists refuse changes ({@code UnsupportedOperationException}) and compare
   * equal to any map or list with the same content. A view, not a copy: each call is cheap.
   *
   * <pre>{@code
   * Map<String, Object> spec = (Map<String, Object>) manifest.tree().get("spec");
   * Long max = (Long) spec.get("maxReplicas");
   * }</pre>
   */
  public Map<String, Object> tree() {
    return PlainTree.map(root);
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
    return or(kind(), "(no kind)") + " " + namespace().map(ns -> ns + "/").orElse("") + shownName();
  }

  /** {@link #name()} for messages: {@code (no name)} when absent. */
  String shownName() {
    return or(name(), "(no name)");
  }

  /** {@code text}, or {@code absent} when it is empty. */
  static String or(String text, String absent) {
    return text.isEmpty() ? absent : text;
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

  // the reader checks that these fields are strings when present
  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : "";
  }
}
