package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.Model;
import io.github.seldonhpa.Server;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader and writer rows of the hostile-input table: each input gets the library's error or reads back. */
class HostileInputTest {
  private static final ManifestReader READER = ManifestReader.create();

  private static final String SERVER = """
      apiVersion: mlops.seldon.io/v1alpha1
      kind: Server
      metadata:
        name: mlserver
        namespace: seldon-mesh
      spec:
        serverConfig: mlserver
        podSpec:
          containers:
          - name: mlserver
            resources:
              requests:
                cpu: 0.5
                memory: 1Gi
              limits:
                cpu: 1.5e+0
      """;

  @Test
  void brokenEscapesAtTheEndOfInputAreReadErrorsWithAPosition() {
    String message = "malformed YAML: an escape sequence (\\x, \\u or \\U) in a double-quoted scalar is incomplete"
        + " or not a code point (at e.yaml, document 1, line 1, column 7)";
    for (String yaml : List.of("a: \"\\u", "a: \"\\x", "a: \"\\UFFFFFFFF\"")) {
      assertThatThrownBy(() -> READER.read("e.yaml", yaml))
          .as(yaml)
          .isInstanceOf(ManifestReadException.class)
          .hasMessage(message)
          .hasCauseInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aServerPodSpecWithDecimalNumbersWritesAndReadsBack() {
    Server server = READER.read("server.yaml", SERVER).get(0).toServer();
    String yaml = Manifests.yaml(server);
    assertThat(yaml).contains("          cpu: 0.5\n").contains("          cpu: 1.5\n");
    assertThat(READER.read(yaml).get(0).node().path("spec").path("podSpec"))
        .isEqualTo(READER.read(SERVER).get(0).node().path("spec").path("podSpec"));
    assertThat(Manifests.serverResource(server).getAdditionalProperties().get("spec").toString()).contains("cpu=0.5");
  }

  @Test
  void everyJavaNumberTypeWritesAsANumber() {
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("double", 1.5);
    numbers.put("float", 0.1f);
    numbers.put("big", 1e21);
    numbers.put("tiny", 1e-7);
    numbers.put("bigInteger", new BigInteger("18446744073709551615"));
    numbers.put("bigDecimal", new BigDecimal("2.50"));
    numbers.put("bigDecimalExponent", new BigDecimal("1E+3"));
    numbers.put("short", (short) 7);
    Server server = Server.builder().name("s").serverConfig("mlserver").putExtraSpec("p", 1.5)
        .putExtraSpec("numbers", numbers).build();
    String yaml = Manifests.yaml(server);
    assertThat(yaml).isEqualTo("""
        apiVersion: mlops.seldon.io/v1alpha1
        kind: Server
        metadata:
          name: s
        spec:
          numbers:
            double: 1.5
            float: 0.1
            big: 1.0E+21
            tiny: 1.0E-7
            bigInteger: 18446744073709551615
            bigDecimal: 2.50
            bigDecimalExponent: 1000
            short: 7
          p: 1.5
          serverConfig: mlserver
        """);
    assertThat(READER.read(yaml).get(0).node().path("spec").path("numbers").toString()).isEqualTo(
        "{\"double\":1.5,\"float\":0.1,\"big\":1.0E21,\"tiny\":1.0E-7,\"bigInteger\":18446744073709551615,"
            + "\"bigDecimal\":2.5,\"bigDecimalExponent\":1000,\"short\":7}");
  }

  @Test
  void valuesNoManifestCanHoldAreRefusedWithTheirPath() {
    Server nan = Server.builder().name("s").serverConfig("mlserver")
        .putExtraSpec("podSpec", Map.of("x", List.of(Double.NaN))).build();
    assertThatThrownBy(() -> Manifests.yaml(nan)).isInstanceOf(HpaValidationException.class)
        .hasMessage("extraSpec.podSpec.x[0] must be a finite number within a double's range (was NaN)");
    assertThatThrownBy(() -> Manifests.serverResource(nan)).isInstanceOf(HpaValidationException.class);
    Server date = Server.builder().name("s").serverConfig("mlserver").putExtraSpec("at", new java.util.Date(0))
        .build();
    assertThatThrownBy(() -> Manifests.yaml(date)).isInstanceOf(HpaValidationException.class)
        .hasMessage("extraSpec.at must be a string, number, boolean, null, list or map (was a java.util.Date)");
    Map<String, Object> cycle = new LinkedHashMap<>();
    cycle.put("self", cycle);
    Model cyclic = Model.builder().name("m").storageUri("gs://b/m").putExtraSpec("c", cycle).build();
    assertThatThrownBy(() -> Manifests.yaml(cyclic)).isInstanceOf(HpaValidationException.class)
        .hasMessageEndingWith("must be nested at most 100 levels deep (was deeper)");
    Map<Object, Object> intKeys = Map.of(1, "a");
    Model badKey = Model.builder().name("m").storageUri("gs://b/m").putExtraSpec("k", intKeys).build();
    assertThatThrownBy(() -> Manifests.yaml(badKey)).isInstanceOf(HpaValidationException.class)
        .hasMessage("extraSpec.k keys must be strings (was a java.lang.Integer)");
  }

  @Test
  void nonCharactersAndLongKeysAreWrittenSoTheReaderReadsThemBack() {
    String longKey = "k".repeat(2000);
    String odd = "a\uFFFEb\uFFFF";
    Server server = Server.builder().name("s").serverConfig("mlserver").putExtraSpec(longKey, odd)
        .putExtraSpec("nested", List.of(Map.of(longKey, List.of(odd)))).build();
    String yaml = Manifests.yaml(server);
    assertThat(yaml).contains("\"a\\ufffeb\\uffff\"").contains("? " + longKey + "\n  : \"a\\ufffeb\\uffff\"");
    Manifest read = READER.read(yaml).get(0);
    assertThat(read.node().path("spec").path(longKey).textValue()).isEqualTo(odd);
    assertThat(read.node().path("spec").path("nested").path(0).path(longKey).path(0).textValue()).isEqualTo(odd);
    assertThat(READER.read(read.toYaml())).containsExactly(read);
  }

  @Test
  void quotingIsOneRuleForBothWritersAndKubernetesReadsTheSameStrings() {
    List<String> words = List.of("y", "Y", "n", "N", "yes", "off", "0o17", "0O17", "0X1F", "0b1", "=", "<<",
        "1:30", "2001-12-14", "1e3", ".5", "+1", "~", "null", "");
    Map<String, Object> values = new LinkedHashMap<>();
    for (String w : words) {
      values.put(w.isEmpty() ? "empty" : w, w);
    }
    String rendered = Manifests.yaml(Model.builder().name("m").storageUri("gs://b/m").putExtraSpec("w", values)
        .build());
    Manifest read = READER.read(rendered).get(0);
    for (String w : words) {
      String key = w.isEmpty() ? "empty" : w;
      assertThat(read.node().path("spec").path("w").path(key).textValue()).as(w).isEqualTo(w);
      String quoted = "\"" + w + "\"";
      assertThat(rendered).as(w).contains("    " + (key.equals(w) ? quoted : key) + ": " + quoted + "\n");
    }
    // the lossless writer quotes the same words and reads back the same tree
    String again = read.toYaml();
    for (String w : words) {
      String key = w.isEmpty() ? "empty" : w;
      assertThat(again).as(w).containsAnyOf("\"" + w + "\": \"" + w + "\"\n", "'" + w + "': '" + w + "'\n",
          key + ": \"" + w + "\"\n", key + ": '" + w + "'\n");
    }
    assertThat(READER.read(again)).containsExactly(read);
  }

  @Test
  void aListInsideAListReadsAsItsItemsAndEachWritesBackTheSame() {
    String yaml = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: List
          items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: b}
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        """;
    List<Manifest> read = READER.read("list.yaml", yaml);
    assertThat(read).extracting(m -> m.name()).containsExactly("a", "b", "c");
    assertThat(read).extracting(m -> m.item().getAsInt()).containsExactly(0, 1, 2);
    assertThat(read.get(1).position("metadata.name")).contains(Position.of(12, 16));
    assertThat(read.get(2).position("")).contains(Position.of(13, 3));
    for (Manifest m : read) {
      assertThat(READER.read(m.toYaml())).containsExactly(m);
    }
  }

  @Test
  void aliasChainsAreBoundedByTheBytesTheyExpandTo() {
    // 1 KiB scalar, five-way alias chains: 1.3 KB of text that would write out as 16 MB
    StringBuilder chain = new StringBuilder("kind: X\na: &a " + "x".repeat(1024) + "\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'g'; c++) {
      chain.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 5; i++) {
        chain.append(i == 0 ? "*" : ", *").append(previous);
      }
      chain.append("]\n");
      previous = c;
    }
    assertThat(chain.length()).isLessThan(1400);
    assertThatThrownBy(() -> READER.read("chain.yaml", chain.toString()))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("aliases expand the stream by more than the limit of 8388608 bytes"
            + " (at chain.yaml, document 1, line 8, column 12)");
  }

  @Test
  void aMultiMegabyteScalarBehindAliasesIsRefusedBeforeItIsCopied() {
    StringBuilder big = new StringBuilder("kind: X\na: &a |\n");
    String line = "  " + "y".repeat(98) + "\n";
    while (big.length() < 3.9 * 1024 * 1024) {
      big.append(line);
    }
    big.append("b: [*a, *a, *a]\n");
    assertThatThrownBy(() -> READER.read("big.yaml", big.toString()))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("scalar is longer than the limit of 1048576 characters (was 4008510)"
            + " (at big.yaml, document 1, line 2, column 4)");
    ManifestReader larger = READER.withMaxScalarLength(4 * 1024 * 1024);
    assertThatThrownBy(() -> larger.read("big.yaml", big.toString()))
        .isInstanceOf(ManifestReadException.class)
        .hasMessageStartingWith("aliases expand the stream by more than the limit of 8388608 bytes");
  }

  @Test
  void aMillionDigitIntegerIsRefusedByTheNumberBudget() {
    String yaml = "kind: X\nx: !!int " + "9".repeat(1_000_000) + "\n";
    assertThatThrownBy(() -> READER.read("digits.yaml", yaml))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("number is longer than the limit of 1000 characters (was 1000000)"
            + " (at digits.yaml, document 1, line 2, column 4)");
    String plain = "kind: X\nx: " + "9".repeat(1001) + "\n";
    assertThatThrownBy(() -> READER.read("digits.yaml", plain))
        .hasMessageStartingWith("number is longer than the limit of 1000 characters (was 1001)");
    // beyond a float64's range go-yaml's ParseFloat fails, and Kubernetes reads the digits as a string
    assertThat(READER.withMaxNumberLength(2000).read(plain).get(0).node().get("x").textValue())
        .isEqualTo("9".repeat(1001));
    // go-yaml refuses an !!int that is not an int64/uint64, as Kubernetes does
    assertThatThrownBy(() -> READER.read("i.yaml", "kind: X\nx: !!int 1.5\n"))
        .hasMessage("cannot decode !!float `1.5` as a !!int (at i.yaml, document 1, line 2, column 4)");
  }

  @Test
  void aFourMebibyteSingleLineScalarIsRefusedByTheScalarBudget() {
    String yaml = "a: " + "x".repeat(4 * 1024 * 1024 - 4) + "\n";
    assertThatThrownBy(() -> READER.read("line.yaml", yaml))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("scalar is longer than the limit of 1048576 characters (was 4194300)"
            + " (at line.yaml, document 1, line 1, column 4)");
  }

  @Test
  void halfAMillionEmptyDocumentsAreRefusedByTheDocumentBudget() {
    String yaml = "---\n".repeat(500_000);
    assertThatThrownBy(() -> READER.read("empty.yaml", yaml))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("more than 100000 documents in one stream (at empty.yaml, document 100001, line 100001,"
            + " column 1)");
    assertThat(READER.withMaxDocuments(500_000).read(yaml)).isEmpty();
  }

  @Test
  void deepNestingIsRefusedAtTheConfiguredDepth() {
    String deep = "kind: X\na: " + "[".repeat(30) + "]".repeat(30) + "\n";
    assertThat(READER.read(deep)).hasSize(1);
    assertThatThrownBy(() -> READER.withMaxDepth(20).read("deep.yaml", deep))
        .hasMessage("nesting is deeper than 20 levels (at deep.yaml, document 1, line 2, column 23)");
    String flowBomb = "a: " + "[".repeat(200_000);
    assertThatThrownBy(() -> READER.read("deep.yaml", flowBomb))
        .isInstanceOf(ManifestReadException.class)
        .hasMessageStartingWith("nesting is deeper than 100 levels");
  }

  @Test
  void mergeKeysAreFoundByComparingTheKey() {
    assertThatThrownBy(() -> READER.read("m.yaml", "kind: X\nb: &b {a: 1}\nc:\n  <<: *b\n"))
        .hasMessage("merge key << is not supported (at m.yaml, document 1, line 4, column 3)");
    assertThat(READER.read("kind: X\nc:\n  \"<<\": 1\n").get(0).node().path("c").path("<<").intValue())
        .isEqualTo(1);
  }

  @Test
  void budgetsMustBePositive() {
    assertThatThrownBy(() -> READER.withMaxExpandedBytes(0)).hasMessage("maxExpandedBytes must be >= 1 (was 0)");
    assertThatThrownBy(() -> READER.withMaxScalarLength(-1)).hasMessage("maxScalarLength must be >= 1 (was -1)");
    assertThatThrownBy(() -> READER.withMaxNumberLength(0)).hasMessage("maxNumberLength must be >= 1 (was 0)");
    assertThatThrownBy(() -> READER.withMaxDocuments(0)).hasMessage("maxDocuments must be >= 1 (was 0)");
    assertThatThrownBy(() -> READER.withMaxDepth(1001)).hasMessage("maxDepth must be in 1..1000 (was 1001)");
  }

  @Test
  void aMissingFileIsTheLibrarysError() {
    assertThatThrownBy(() -> READER.read(java.nio.file.Path.of("/nonexistent/hpa.yaml")))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("cannot read: no such file or directory (at /nonexistent/hpa.yaml, document 0)");
  }
}
