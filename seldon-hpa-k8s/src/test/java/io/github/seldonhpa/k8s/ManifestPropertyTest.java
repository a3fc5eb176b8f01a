package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Mutated manifests (text and trees: fields dropped, retyped, duplicated, odd strings injected) either read
 * or fail with {@link ManifestReadException}; whatever reads writes back to equal trees; lint never throws.
 */
class ManifestPropertyTest {
  private static final ManifestReader READER = ManifestReader.create();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<String> BASES = bases();

  /** Strings YAML likes to misread, and characters it treats specially. */
  private static final List<String> ODD = List.of("", " ", "yes", "No", "on", "0x1F", "0o17", "017", "1e3",
      "1_000", "+5", ".5", ".inf", "-.Inf", ".NaN", "~", "null", "Null", "true", "2001-12-14", "12:30:45", ":",
      "- x", "#", "a: b", "a #b", "x\ny", "\n", "\t", " lead", "trail ", "é", "😀", "\u0085", "\u2028", "\u00a0",
      "{{", "[x", "<<", "*a", "&a", "!x", "!!str", "%x", "@x", "`x", "'", "\"", "\\", "|", ">", "? x", "---",
      "...", "=", "x".repeat(300), "AverageValue", "Value", "Model", "Server", "200", "OK", "infer_rps",
      "mlops.seldon.io/v1alpha1", "autoscaling/v2", "-1", "0", "99999999999999999999");

  /** Fragments injected into YAML text. */
  private static final List<String> TEXT_ODD = List.of(": ", "- ", "&a ", "*a", "!!int ", "!foo ", "{", "}",
      "[", "]", "\"", "'", "\t", "\u0000", "\u0001", "---\n", "...\n", "<<: *a\n", "? ", "|\n", ">-\n",
      "%YAML 1.1\n", "\uFEFF", "\uD800", "\n  ", "\n- ", "#", ",", "`", "@", "%", "é", "😀", "\r\n", "\r",
      "key: &anchor [1, 2]\nother: *anchor\n", "a: b\na: c\n", "x: .inf\n");

  private static List<String> bases() {
    List<String> out = new ArrayList<>();
    for (String seed : new String[] {"000-model-hpa.yaml", "000-rest-selector.yaml", "001-native-scaling.yaml",
        "002-single-model-serving.yaml", "002-custom-policy.yaml"}) {
      try (InputStream in = ManifestPropertyTest.class.getResourceAsStream("/lint/seeds/" + seed)) {
        out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.add(LintTest.ADAPTER);
    out.add(LintTest.model("irisa0", "  replicas: 1\n") + "---\n" + LintTest.modelHpa("irisa0", """
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 60
              selectPolicy: Max
              tolerance: "0.05"
              policies:
              - {type: Pods, value: 5, periodSeconds: 90}
        """) + "---\n" + LintTest.hpa("mlserver-server-hpa", "Server", "mlserver", "irisa0", """
          behavior:
            scaleUp:
              policies:
              - {type: Percent, value: 100, periodSeconds: 15}
        """).replace("name: infer_rps\n", "name: infer_rps\n        selector:\n          matchLabels: {code: \"200\"}\n"));
    out.add("apiVersion: v1\nkind: List\nitems:\n- " + LintTest.modelHpa("irisa0", "").strip().replace("\n", "\n  ")
        + "\n");
    return List.copyOf(out);
  }

  @Test
  void mutatedTextReadsOrFailsWithTheLibraryError() {
    qt().withExamples(2500)
        .forAll(integers().between(0, BASES.size() - 1), lists().of(integers().all()).ofSizeBetween(1, 8))
        .checkAssert((base, program) -> {
          String text = mutateText(BASES.get(base), program);
          List<Manifest> read;
          try {
            read = READER.read("mutant.yaml", text);
          } catch (ManifestReadException e) {
            assertThat(e.getMessage()).contains("(at mutant.yaml");
            assertThat(e.getMessage()).doesNotContain("\tat ");
            return;
          }
          assertThat(READER.read("again.yaml", Manifest.toYaml(read))).isEqualTo(read);
          Lint.check(read, facts(program));
        });
  }

  @Test
  void mutatedTreesWriteBackEquallyAndNeverMakeLintThrow() {
    qt().withExamples(2500)
        .forAll(integers().between(0, BASES.size() - 1), lists().of(integers().all()).ofSizeBetween(1, 10))
        .checkAssert((base, program) -> {
          List<Manifest> manifests = READER.read("base.yaml", BASES.get(base));
          int which = Math.floorMod(program.get(0), manifests.size());
          ObjectNode tree = (ObjectNode) manifests.get(which).node().deepCopy();
          for (int i = 1; i < program.size(); i++) {
            mutateTree(tree, program.get(i), program.get(i - 1));
          }
          List<Manifest> mutated = new ArrayList<>(manifests);
          List<Manifest> reread;
          try {
            reread = READER.read("mutant.yaml", YamlTrees.write(tree));
          } catch (ManifestReadException e) {
            // only the envelope (kind, apiVersion, metadata types) may refuse a mutated object
            assertThat(e.problem()).matches("(?s)(kind|apiVersion|metadata|metadata\\.name|metadata\\.namespace|items"
                + "|items\\[\\d+\\]|document) must be a (string|mapping|sequence) \\(was .*\\)");
            return;
          }
          if (!reread.isEmpty() && !"List".equals(tree.path("kind").asText())) {
            assertThat(reread).hasSize(1);
            assertThat(reread.get(0).node()).isEqualTo(tree);
          }
          mutated.remove(which);
          mutated.addAll(which, reread);
          LintFacts facts = facts(program);
          List<Finding> findings = Lint.check(mutated, facts);
          assertThat(Lint.check(mutated, facts)).isEqualTo(findings);
          for (Finding f : findings) {
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
          }
        });
  }

  private static LintFacts facts(List<Integer> program) {
    int r = Math.abs(program.get(0) % 1000);
    LintFacts.Builder b = LintFacts.builder()
        .scrapeInterval(Duration.ofSeconds(1 + r % 120))
        .relistInterval(Duration.ofSeconds(1 + r % 90));
    if (r % 3 == 0) {
      b.seldonVersion(List.of("2.8.3", "2.9.1", "2.10.1", "v2.10").get(r % 4));
    }
    if (r % 2 == 0) {
      b.serverStartup(Duration.ofSeconds(1 + r % 200));
    }
    return b.build();
  }

  private static String mutateText(String text, List<Integer> program) {
    StringBuilder s = new StringBuilder(text);
    for (int i = 0; i + 1 < program.size(); i += 2) {
      int op = Math.floorMod(program.get(i), 5);
      int at = Math.floorMod(program.get(i + 1), s.length() + 1);
      switch (op) {
        case 0: // drop a stretch
          s.delete(at, Math.min(s.length(), at + 1 + Math.floorMod(program.get(i + 1) >> 8, 40)));
          break;
        case 1: // inject an odd fragment
          s.insert(at, TEXT_ODD.get(Math.floorMod(program.get(i) >> 4, TEXT_ODD.size())));
          break;
        case 2: { // duplicate the line at this place
          int start = s.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
          int end = s.indexOf("\n", at);
          String line = s.substring(start, end < 0 ? s.length() : end + 1);
          s.insert(start, line.endsWith("\n") ? line : line + "\n");
          break;
        }
        case 3: // retype a value: replace what follows ": " on this line
          int colon = s.indexOf(": ", at);
          if (colon >= 0) {
            int end = s.indexOf("\n", colon);
            s.replace(colon + 2, end < 0 ? s.length() : end,
                ODD.get(Math.floorMod(program.get(i) >> 4, ODD.size())).replace("\n", " "));
          }
          break;
        default: // change indentation
          s.insert(at, " ");
      }
    }
    return s.toString();
  }

  /** Applies one mutation to a node chosen by {@code pick}: drop, retype, duplicate, odd value or odd key. */
  private static void mutateTree(ObjectNode root, int op, int pick) {
    List<Consumer<Integer>> edits = new ArrayList<>();
    collect(root, edits, Math.floorMod(op, 5));
    if (!edits.isEmpty()) {
      edits.get(Math.floorMod(pick, edits.size())).accept(op >>> 3);
    }
  }

  private static void collect(JsonNode node, List<Consumer<Integer>> edits, int kind) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        switch (kind) {
          case 0:
            edits.add(r -> object.remove(key));
            break;
          case 1:
            edits.add(r -> object.set(key, odd(r)));
            break;
          case 2:
            edits.add(r -> object.set(key + "-copy", object.get(key).deepCopy()));
            break;
          case 3:
            edits.add(r -> object.put(key, ODD.get(Math.floorMod(r, ODD.size()))));
            break;
          default:
            edits.add(r -> object.set(ODD.get(Math.floorMod(r, ODD.size())), object.get(key).deepCopy()));
        }
        collect(object.get(key), edits, kind);
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        switch (kind) {
          case 0:
            edits.add(r -> array.remove(index));
            break;
          case 2:
            edits.add(r -> array.insert(index, array.get(index).deepCopy()));
            break;
          default:
            edits.add(r -> array.set(index, odd(r)));
        }
        collect(array.get(i), edits, kind);
      }
    }
  }

  /** A value of a random type. */
  private static JsonNode odd(int r) {
    switch (Math.floorMod(r, 10)) {
      case 0:
        return NODES.textNode(ODD.get(Math.floorMod(r >> 4, ODD.size())));
      case 1:
        return NODES.numberNode(r >> 4);
      case 2:
        // the largest integer Kubernetes reads as one (go-yaml's uint64); larger ones read as floats
        return NODES.numberNode(new BigInteger("18446744073709551615"));
      case 3:
        return NODES.numberNode(r / 7.0);
      case 4:
        return NODES.booleanNode(r % 2 == 0);
      case 5:
        return NODES.nullNode();
      case 6:
        return NODES.arrayNode().add(ODD.get(Math.floorMod(r >> 4, ODD.size())));
      case 7:
        return NODES.objectNode().put(ODD.get(Math.floorMod(r >> 4, ODD.size())), r);
      case 8:
        return NODES.numberNode(-Math.abs(r >> 4) - 1);
      default:
        return NODES.objectNode();
    }
  }

  @Test
  void everyOddStringRoundTrips() {
    for (String odd : ODD) {
      ObjectNode tree = NODES.objectNode().put("kind", "X").put("value", odd);
      tree.put(odd.isEmpty() ? "empty" : odd, odd);
      assertThat(READER.read(YamlTrees.write(tree)).get(0).node()).as(odd).isEqualTo(tree);
    }
  }
}
