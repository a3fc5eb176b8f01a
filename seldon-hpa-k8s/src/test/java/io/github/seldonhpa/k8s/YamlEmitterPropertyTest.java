package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class YamlEmitterPropertyTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String ALPHABET = "ab:# -?'\"\n\t\\{}[],&*!|>%@`~0123.eE+_xy\u00e9\u4e2d";

  // strings over an alphabet rich in YAML's special characters, and numbers/bools spelled as text
  private static Gen<String> yamlishStrings() {
    Gen<String> fromAlphabet = lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 12)
        .map(ix -> {
          StringBuilder sb = new StringBuilder();
          ix.forEach(i -> sb.append(ALPHABET.charAt(i)));
          return sb.toString();
        });
    return fromAlphabet.mix(strings().allPossible().ofLengthBetween(0, 8), 20);
  }

  @Test
  void everyStringReadsBackUnchanged() {
    qt().withExamples(20000).forAll(yamlishStrings(), yamlishStrings()).checkAssert((key, value) -> {
      if (hasLoneSurrogate(key) || hasLoneSurrogate(value)) {
        return; // not Unicode text; no YAML reader can carry it
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put(key, value);
      doc.put("list", List.of(value, Map.of("k", value)));
      StringBuilder out = new StringBuilder();
      YamlEmitter.document(doc, out);
      JsonNode read;
      try {
        read = YAML.readTree(out.toString());
      } catch (Exception e) {
        throw new AssertionError("unreadable YAML for " + escape(key) + " / " + escape(value) + ":\n" + out, e);
      }
      assertThat(read.path(key).isTextual()).as(out.toString()).isTrue();
      assertThat(read.path(key).asText()).as(out.toString()).isEqualTo(value);
      assertThat(read.path("list").path(0).asText()).as(out.toString()).isEqualTo(value);
      assertThat(read.path("list").path(1).path("k").asText()).as(out.toString()).isEqualTo(value);
    });
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp > 0x7e ? String.format("\\u%04x", cp)
        : String.valueOf((char) cp)));
    return sb.toString();
  }
}
