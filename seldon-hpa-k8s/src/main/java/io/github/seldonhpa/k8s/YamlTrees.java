package io.github.seldonhpa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.seldonhpa.HpaValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;

/**
 * Writes read trees back as YAML so that reading the output gives the same tree: SnakeYAML's emitter driven
 * node by node, because the scalar style must be chosen per string (Jackson's generator picks literal blocks
 * for any string with a newline, which folds NEL and other YAML 1.1 line breaks, and leaves {@code 0x1F} or
 * {@code 2001-12-14} plain).
 */
final class YamlTrees {
  private static final ImplicitTuple IMPLICIT = new ImplicitTuple(true, true);
  private static final ImplicitTuple QUOTED = new ImplicitTuple(false, true);

  private YamlTrees() {}

  static String write(JsonNode tree) {
    DumperOptions options = new DumperOptions();
    options.setIndent(2);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setAllowUnicode(true);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    StringWriter out = new StringWriter();
    Emitter emitter = new Emitter(out, options);
    try {
      emitter.emit(new StreamStartEvent(null, null));
      emitter.emit(new DocumentStartEvent(null, null, false, null, null));
      node(emitter, tree);
      emitter.emit(new DocumentEndEvent(null, null, false));
      emitter.emit(new StreamEndEvent(null, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void node(Emitter emitter, JsonNode node) throws IOException {
    if (node.isObject()) {
      DumperOptions.FlowStyle style = node.isEmpty() ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK;
      emitter.emit(new MappingStartEvent(null, null, true, null, null, style));
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        string(emitter, e.getKey());
        node(emitter, e.getValue());
      }
      emitter.emit(new MappingEndEvent(null, null));
    } else if (node.isArray()) {
      DumperOptions.FlowStyle style = node.isEmpty() ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK;
      emitter.emit(new SequenceStartEvent(null, null, true, null, null, style));
      for (JsonNode item : node) {
        node(emitter, item);
      }
      emitter.emit(new SequenceEndEvent(null, null));
    } else if (node.isTextual()) {
      string(emitter, node.textValue());
    } else if (node.isNull()) {
      plain(emitter, "null");
    } else if (node.isNumber()) {
      String text = YamlScalars.number(node.numberValue());
      if (text == null) {
        throw new HpaValidationException("a number must be finite and within a double's range to be written as"
            + " YAML (was " + node.numberValue() + ")");
      }
      plain(emitter, text);
    } else if (node.isBoolean()) {
      plain(emitter, node.asText());
    } else {
      throw new HpaValidationException("a value must be a string, number, boolean, null, list or map to be"
          + " written as YAML (was " + node.getNodeType() + ")");
    }
  }

  private static void plain(Emitter emitter, String text) throws IOException {
    emitter.emit(new ScalarEvent(null, null, IMPLICIT, text, null, null, DumperOptions.ScalarStyle.PLAIN));
  }

  /**
   * A string as plain text when every reader reads that back as the same string (the rule the rendering
   * emitter also follows), as a literal block when it spans lines, else double-quoted (the only style that
   * escapes every character).
   */
  private static void string(Emitter emitter, String text) throws IOException {
    DumperOptions.ScalarStyle style;
    if (hasSpecialCharacter(text)) {
      style = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    } else if (text.indexOf('\n') >= 0) {
      style = DumperOptions.ScalarStyle.LITERAL;
    } else if (YamlScalars.plainSafe(text)) {
      style = DumperOptions.ScalarStyle.PLAIN;
    } else {
      style = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    }
    ImplicitTuple implicit = style == DumperOptions.ScalarStyle.PLAIN ? IMPLICIT : QUOTED;
    emitter.emit(new ScalarEvent(null, null, implicit, text, null, null, style));
  }

  /** Characters that survive only escaped in double quotes ({@link YamlScalars#needsEscape}), LF aside. */
  private static boolean hasSpecialCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '\n' && YamlScalars.needsEscape(text, i)) {
        return true;
      }
    }
    return false;
  }
}
