package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.k8s.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Lint of 2,500 mutated corpus manifests (values swapped for the ones the API server and the CRDs refuse, fields
 * dropped, copies of objects added, namespaces dropped) returns findings, the same ones every time and each
 * once, and never throws; on 2,000 more every typed view succeeds or throws {@link HpaValidationException}.
 */
class LintPropertyTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<List<Manifest>> CORPUS = corpus();
  /** Values near and beyond the rules' edges, and of the wrong type. */
  private static final List<JsonNode> VALUES = List.of(NODES.textNode("3x"), NODES.textNode("three"),
      NODES.textNode("NaN"), NODES.textNode("abc"), NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(1),
      NODES.numberNode(1800), NODES.numberNode(1801), NODES.numberNode(3600), NODES.numberNode(3601),
      NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(0.5),
      NODES.textNode("Valu"), NODES.textNode("Bad_Name"), NODES.textNode("a/b"), NODES.textNode(""),
      NODES.textNode("Value"), NODES.textNode("AverageValue"), NODES.textNode("Utilization"), NODES.textNode("Pods"),
      NODES.textNode("Object"), NODES.textNode("External"), NODES.textNode("Model"), NODES.textNode("Server"),
      NODES.textNode("Pipeline"), NODES.textNode("mlops.seldon.io/v1alpha1"), NODES.textNode("autoscaling/v1"),
      NODES.textNode("[0s]"), NODES.textNode("rate(x[0s])"), NODES.textNode("{{ .Values.x }}"),
      NODES.textNode("sum(<<.Series>>)"), NODES.textNode("<<.Series>>{<<.LabelMatchers>>}[5x]"),
      NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
      NODES.arrayNode().add(NODES.objectNode().put("type", "Pods")), NODES.textNode("x".repeat(300)));

  private static List<List<Manifest>> corpus() {
    List<List<Manifest>> out = new ArrayList<>();
    for (String file : LintCorpusTest.expected().keySet()) {
      out.add(ManifestReader.create().read(file, Fixtures.read("lint/corpus/" + file)));
    }
    return List.copyOf(out);
  }

  @Test
  void lintOfMutatedManifestsReturnsFindingsAndNeverThrows() {
    qt().withExamples(2500)
        .forAll(integers().between(0, CORPUS.size() - 1), lists().of(integers().all()).ofSizeBetween(1, 12))
        .checkAssert((file, program) -> {
          List<Manifest> manifests = mutate(CORPUS.get(file), program);
          LintFacts facts = LintFacts.builder().seldonVersion(program.get(0) % 2 == 0 ? "2.10.1" : "2.8.3")
              .serverStartup(java.time.Duration.ofSeconds(60)).reportNotChecked(program.get(0) % 3 == 0).build();
          List<Finding> findings = Lint.check(manifests, facts);
          assertThat(Lint.check(manifests, facts)).isEqualTo(findings);
          assertThat(new HashSet<>(findings)).hasSameSizeAs(findings);
          for (Finding f : findings) {
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
          }
        });
  }

  @Test
  void typedViewsOfMutatedManifestsThrowOnlyTheLibrarysException() {
    List<Function<Manifest, Object>> views = List.of(Manifest::toHpa, Manifest::toModel, Manifest::toServer,
        Manifest::toAdapterConfig, m -> ApiServerValidation.validate(m, java.util.Set.of()));
    qt().withExamples(2000)
        .forAll(integers().between(0, CORPUS.size() - 1), lists().of(integers().all()).ofSizeBetween(1, 12))
        .checkAssert((file, program) -> {
          for (Manifest m : mutate(CORPUS.get(file), program)) {
            for (Function<Manifest, Object> view : views) {
              try {
                view.apply(m);
              } catch (HpaValidationException expected) {
                assertThat(expected.getMessage()).isNotBlank();
              }
            }
          }
        });
  }

  /** The file's manifests with the program's edits applied to copies of their trees, read back. */
  static List<Manifest> mutate(List<Manifest> manifests, List<Integer> program) {
    List<ObjectNode> trees = new ArrayList<>();
    manifests.forEach(m -> trees.add((ObjectNode) m.node().deepCopy()));
    for (int i = 0; i + 1 < program.size(); i += 2) {
      ObjectNode tree = trees.get(Math.floorMod(program.get(i), trees.size()));
      int op = Math.floorMod(program.get(i) >> 8, 6);
      if (op == 4) {
        trees.add(tree.deepCopy()); // the same object again
        continue;
      }
      if (op == 5) {
        if (tree.path("metadata").isObject()) {
          ((ObjectNode) tree.get("metadata")).remove("namespace");
        }
        continue;
      }
      List<JsonNode[]> slots = new ArrayList<>();
      collect(tree, slots);
      if (slots.isEmpty()) {
        continue;
      }
      JsonNode[] slot = slots.get(Math.floorMod(program.get(i + 1), slots.size()));
      JsonNode value = VALUES.get(Math.floorMod(program.get(i + 1) >> 10, VALUES.size()));
      edit(slot, op, value);
    }
    List<Manifest> out = new ArrayList<>();
    for (ObjectNode tree : trees) {
      try {
        out.addAll(ManifestReader.create().read("mutant.yaml", YamlTrees.write(tree)));
      } catch (ManifestReadException e) {
        // an envelope the reader refuses (kind not a string, say): the reader's error, not lint's
      }
    }
    return out;
  }

  /** Every (container, key or index) place of the tree. */
  private static void collect(JsonNode node, List<JsonNode[]> slots) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(k -> slots.add(new JsonNode[] {node, NODES.textNode(k)}));
      node.forEach(child -> collect(child, slots));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        slots.add(new JsonNode[] {node, NODES.numberNode(i)});
        collect(node.get(i), slots);
      }
    }
  }

  private static void edit(JsonNode[] slot, int op, JsonNode value) {
    if (slot[0].isObject()) {
      ObjectNode object = (ObjectNode) slot[0];
      String key = slot[1].textValue();
      if (op == 0) {
        object.remove(key);
      } else {
        object.set(key, value.deepCopy());
      }
    } else {
      ArrayNode array = (ArrayNode) slot[0];
      int index = slot[1].intValue();
      if (op == 0) {
        array.remove(index);
      } else {
        array.set(index, value.deepCopy());
      }
    }
  }
}
