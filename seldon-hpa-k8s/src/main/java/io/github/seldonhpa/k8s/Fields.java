package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.internal.HpaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads typed fields of a read tree, naming the path of each. A field of the wrong type goes to the
 * {@link Sink}: lint turns it into a finding and reads on, the typed views ({@link #STRICT}) throw
 * {@link HpaValidationException}. Absent and {@code null} fields read as absent, as the API server decodes them.
 */
final class Fields {
  /** Where a field of the wrong type is reported. */
  interface Sink {
    void wrongType(String path, String expected, JsonNode was);
  }

  /** Throws {@code <path> must be <expected> (was <value>)}. */
  static final Fields STRICT = new Fields((path, expected, was) -> {
    throw new HpaValidationException(HpaRule.typeMessage(path, expected, ManifestReader.describe(was)));
  });

  private final Sink sink;

  Fields(Sink sink) {
    this.sink = sink;
  }

  static boolean present(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  /** The string, when set. */
  Optional<String> string(JsonNode node, String path) {
    if (!present(node)) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      sink.wrongType(path, "a string", node);
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  /** The 32-bit integer, when set. */
  OptionalInt integer(JsonNode node, String path) {
    if (!present(node)) {
      return OptionalInt.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      sink.wrongType(path, "an integer", node);
      return OptionalInt.empty();
    }
    return OptionalInt.of(node.intValue());
  }

  /** The mapping, or a missing node when unset or of another type. */
  JsonNode mapping(JsonNode node, String path) {
    if (!present(node)) {
      return MissingNode.getInstance();
    }
    if (!node.isObject()) {
      sink.wrongType(path, "a mapping", node);
      return MissingNode.getInstance();
    }
    return node;
  }

  /** The items of the sequence, none when unset or of another type. */
  List<JsonNode> sequence(JsonNode node, String path) {
    if (!present(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      sink.wrongType(path, "a sequence", node);
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>(node.size());
    node.forEach(out::add);
    return out;
  }

  /** The text of a quantity (a string or a number), when set. */
  Optional<String> quantityText(JsonNode node, String path) {
    if (!present(node)) {
      return Optional.empty();
    }
    if (!node.isTextual() && !node.isNumber()) {
      sink.wrongType(path, "a quantity", node);
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }
}
