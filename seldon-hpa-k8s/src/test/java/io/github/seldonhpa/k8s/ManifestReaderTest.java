package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestReaderTest {
  private final ManifestReader reader = ManifestReader.create();

  private static final String MODEL = """
      apiVersion: mlops.seldon.io/v1alpha1
      kind: Model
      metadata:
        name: irisa0
        namespace: seldon-mesh
      spec:
        memory: 3M
        replicas: 1
        requirements:
        - sklearn
        storageUri: gs://seldon-models/testing/iris1
      """;

  @Test
  void readsDocumentsWithPositions() {
    List<Manifest> read = reader.read("irisa0.yaml", "---\n" + MODEL + "---\n" + MODEL.replace("irisa0", "irisa1"));
    assertThat(read).hasSize(2);
    Manifest first = read.get(0);
    assertThat(first.kind()).isEqualTo("Model");
    assertThat(first.name()).isEqualTo("irisa0");
    assertThat(first.namespace()).hasValue("seldon-mesh");
    assertThat(first.apiVersion()).isEqualTo("mlops.seldon.io/v1alpha1");
    assertThat(first.document()).isEqualTo(1);
    assertThat(first.item()).isEmpty();
    assertThat(first.position("spec.replicas")).contains(Position.of(9, 3));
    assertThat(first.position("spec.requirements[0]")).contains(Position.of(11, 5));
    assertThat(read.get(1).document()).isEqualTo(2);
    assertThat(read.get(1).name()).isEqualTo("irisa1");
    assertThat(read.get(1).position("metadata.name")).contains(Position.of(17, 3));
    assertThat(first.toString()).isEqualTo("Model seldon-mesh/irisa0 (irisa0.yaml, document 1)");
  }

  @Test
  void skipsEmptyDocumentsButCountsThem() {
    List<Manifest> read = reader.read("---\n---\n" + MODEL + "---\n");
    assertThat(read).hasSize(1);
    assertThat(read.get(0).document()).isEqualTo(2);
  }

  @Test
  void expandsKindList() {
    String list = "apiVersion: v1\nkind: List\nitems:\n- " + MODEL.strip().replace("\n", "\n  ")
        + "\n- " + MODEL.replace("irisa0", "irisa1").strip().replace("\n", "\n  ") + "\n";
    List<Manifest> read = reader.read("list.yaml", list);
    assertThat(read).extracting(m -> m.name()).containsExactly("irisa0", "irisa1");
    assertThat(read.get(1).item()).hasValue(1);
    assertThat(read.get(1).position("spec.replicas")).contains(Position.of(22, 5));
    assertThat(read.get(1).toString()).isEqualTo("Model seldon-mesh/irisa1 (list.yaml, document 1, item 1)");
  }

  @Test
  void quotesPathKeysThatAreNotWords() {
    Manifest m = reader.read("kind: ConfigMap\ndata:\n  config.yaml: |\n    rules: []\n").get(0);
    assertThat(m.position("data.\"config.yaml\"")).contains(Position.of(3, 3));
  }

  @Test
  void keepsUnknownFieldsAndOrderWhenWritten() {
    String yaml = """
        kind: Model
        zeta: 1
        alpha:
          nested: [1, "2", true, null, 1.5]
          anchor: &a {x: 1}
          copy: *a
        metadata:
          name: m
          labels:
            app.kubernetes.io/name: x
        """;
    Manifest m = reader.read(yaml).get(0);
    assertThat(m.toYaml()).isEqualTo("""
        kind: Model
        zeta: 1
        alpha:
          nested:
          - 1
          - "2"
          - true
          - null
          - 1.5
          anchor:
            x: 1
          copy:
            x: 1
        metadata:
          name: m
          labels:
            app.kubernetes.io/name: x
        """);
    assertThat(reader.read(m.toYaml())).containsExactly(m);
  }

  @Test
  void quotesStringsThatWouldReadBackAsSomethingElse() {
    String yaml = "kind: X\na: \"0x1F\"\nb: \"1e3\"\nc: \"2001-12-14\"\nd: \"yes\"\ne: \"~\"\nf: \"1_000\"\ng: \"3\"\n";
    Manifest m = reader.read(yaml).get(0);
    assertThat(reader.read(m.toYaml())).containsExactly(m);
    assertThat(m.node().get("a").textValue()).isEqualTo("0x1F");
  }

  @Test
  void resolvesPlainScalarsAsKubernetesGoYamlV2Does() {
    // go-yaml v2 resolve.go (commit 7649d4548cb53a614db133b2a8ac1f31859dda8c): base 60 is not a number, an
    // integer beyond uint64 is a float, 0o17 is octal, y and N are booleans
    Manifest m = reader.read("kind: X\na: 017\nb: 0x1F\nc: 1_000\nd: 1:30\ne: -0b101\nf: yes\ng: Off\nh: ~\n"
        + "i: 1.5e+3\nj: 2001-12-14\nk: \"017\"\nl: 99999999999\nm: 123456789012345678901234567890\n"
        + "o: 0o17\np: y\nq: N\nr: 18446744073709551615\ns: 1e400\nt: 0X1f\nu: 08\nv: ! 3\n").get(0);
    assertThat(m.node().toString()).isEqualTo("{\"kind\":\"X\",\"a\":15,\"b\":31,\"c\":1000,\"d\":\"1:30\",\"e\":-5,"
        + "\"f\":true,\"g\":false,\"h\":null,\"i\":1500.0,\"j\":\"2001-12-14\",\"k\":\"017\",\"l\":99999999999,"
        + "\"m\":1.2345678901234568E29,\"o\":15,\"p\":true,\"q\":false,\"r\":18446744073709551615,"
        + "\"s\":\"1e400\",\"t\":31,\"u\":8.0,\"v\":\"3\"}");
    assertThat(reader.read(m.toYaml())).containsExactly(m);
  }

  /** Examples of go-yaml v2's own decode_test.go (commit 7649d4548cb53a614db133b2a8ac1f31859dda8c). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "685230 | 685230", "+685_230 | 685230", "02472256 | 685230", "0x_0A_74_AE | 685230",
      "0b1010_0111_0100_1010_1110 | 685230", "-0b101010 | -42",
      "-0b1000000000000000000000000000000000000000000000000000000000000000 | -9223372036854775808",
      "0xA | 10", "0.1 | 0.1", ".1 | 0.1", "-.1 | -0.1", "-10 | -10", "True | true", "NO | false", "on | true",
      "'! test' | \"test\"", "!!float 0 | 0.0", "!!float -1 | -1.0", "!!null '' | null", "!!float '1.1' | 1.1",
      "~ | null", "'' | null"})
  void readsGoYamlV2sOwnDecodeExamples(String value, String json) {
    assertThat(reader.read("kind: X\nv: " + value + "\n").get(0).node().get("v").toString()).isEqualTo(json);
  }

  @Test
  void readsKeysAsKubernetesDoes() {
    // sigs.k8s.io/yaml turns go-yaml's non-string keys into JSON text: y is "true", 0x10 is "16", 1e6 "1e+06"
    Manifest m = reader.read("kind: X\ndata:\n  y: a\n  0x10: b\n  1.5: c\n  1e6: d\n  \"n\": e\n").get(0);
    assertThat(m.node().get("data").toString())
        .isEqualTo("{\"true\":\"a\",\"16\":\"b\",\"1.5\":\"c\",\"1e+06\":\"d\",\"n\":\"e\"}");
    assertThatThrownBy(() -> reader.read("k.yaml", "kind: X\ndata:\n  n: a\n  N: b\n"))
        .hasMessage("duplicate key \"false\" in data (at k.yaml, document 1, line 4, column 3)");
    assertThatThrownBy(() -> reader.read("k.yaml", "kind: X\ndata:\n  ~: a\n"))
        .hasMessage("key \"~\" is null to Kubernetes, which cannot use it as a key; quote it"
            + " (at k.yaml, document 1, line 3, column 3)");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThatThrownBy(() -> reader.read("hpa.yaml", "kind: X\nspec:\n  a: 1\n  a: 2\n"))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("duplicate key \"a\" in spec (at hpa.yaml, document 1, line 4, column 3)");
  }

  @Test
  void rejectsMalformedYaml() {
    assertThatThrownBy(() -> reader.read("bad.yaml", "kind: X\n---\na: {b\n"))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("malformed YAML: expected ',' or '}', but got <stream end> (at bad.yaml, document 2, line 4, column 1)")
        .hasCauseInstanceOf(org.yaml.snakeyaml.error.MarkedYAMLException.class);
  }

  @Test
  void rejectsBadIndentation() {
    assertThatThrownBy(() -> reader.read("bad.yaml", "kind: X\nspec:\n  a: 1\n b: 2\n"))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("malformed YAML: expected <block end>, but found '<block mapping start>' (at bad.yaml, document 1, line 4, column 2)");
  }

  @Test
  void rejectsDocumentsThatAreNotMappings() {
    assertThatThrownBy(() -> reader.read("s.yaml", "kind: X\n---\n- a\n- b\n"))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("document must be a mapping (was a sequence) (at s.yaml, document 2, line 3, column 1)");
    assertThatThrownBy(() -> reader.read("s.yaml", "just text\n"))
        .hasMessage("document must be a mapping (was \"just text\") (at s.yaml, document 1, line 1, column 1)");
  }

  @Test
  void rejectsWrongEnvelopeTypes() {
    assertThatThrownBy(() -> reader.read("t.yaml", "kind: 3\n"))
        .hasMessage("kind must be a string (was 3) (at t.yaml, document 1, line 1, column 1)");
    assertThatThrownBy(() -> reader.read("t.yaml", "kind: X\nmetadata: [a]\n"))
        .hasMessage("metadata must be a mapping (was a sequence) (at t.yaml, document 1, line 2, column 1)");
    assertThatThrownBy(() -> reader.read("t.yaml", "kind: X\nmetadata:\n  name: {a: 1}\n"))
        .hasMessage("metadata.name must be a string (was a mapping) (at t.yaml, document 1, line 3, column 3)");
    assertThatThrownBy(() -> reader.read("t.yaml", "apiVersion: v1\nkind: List\nitems: 3\n"))
        .hasMessage("items must be a sequence (was 3) (at t.yaml, document 1, line 3, column 1)");
    assertThatThrownBy(() -> reader.read("t.yaml", "apiVersion: v1\nkind: List\nitems:\n- kind: X\n- 7\n"))
        .hasMessage("items[1] must be a mapping (was 7) (at t.yaml, document 1, line 5, column 3)");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] bytes = "kind: X\nmetadata:\n  name: ab\n".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 2] = (byte) 0xff;
    assertThatThrownBy(() -> reader.read("u.yaml", new ByteArrayInputStream(bytes)))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("invalid UTF-8: byte 0xff (at u.yaml, document 1, line 3, column 10)");
  }

  @Test
  void skipsByteOrderMark() {
    byte[] text = ("\uFEFF" + MODEL).getBytes(StandardCharsets.UTF_8);
    assertThat(reader.read("bom.yaml", new ByteArrayInputStream(text))).hasSize(1);
  }

  @Test
  void rejectsControlCharacters() {
    assertThatThrownBy(() -> reader.read("c.yaml", "kind: X\na: b\u0001c\n"))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("special character U+0001 is not allowed in YAML (at c.yaml, document 1, line 2, column 5)");
  }

  @Test
  void rejectsAliasBombs() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p);
      for (int i = 0; i < 9; i++) {
        bomb.append(", *").append(p);
      }
      bomb.append("]\n");
    }
    assertThatThrownBy(() -> reader.read("bomb.yaml", bomb.toString()))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("aliases expand to more than 100000 nodes (at bomb.yaml, document 1, line 5, column 36)");
  }

  @Test
  void rejectsTooManyAliases() {
    String many = "kind: &k X\nv: [" + "*k, ".repeat(50) + "*k]\n";
    assertThatThrownBy(() -> reader.read("many.yaml", many))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("more than 50 aliases (at many.yaml, document 1, line 2, column 205)");
  }

  @Test
  void rejectsAliasesThatCopyTooMuch() {
    StringBuilder wide = new StringBuilder("a: &a [");
    for (int i = 0; i < 30_000; i++) {
      wide.append(i == 0 ? "" : ",").append(i);
    }
    wide.append("]\nb: [*a, *a, *a, *a]\n");
    assertThatThrownBy(() -> reader.read("wide.yaml", wide.toString()))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("aliases expand to more than 100000 nodes (at wide.yaml, document 1, line 2, column 17)");
  }

  @Test
  void rejectsUnknownAliasesMergeKeysTagsAndNonFiniteNumbers() {
    assertThatThrownBy(() -> reader.read("x.yaml", "kind: X\na: *nope\n"))
        .hasMessage("alias *nope refers to no anchor defined before it (at x.yaml, document 1, line 2, column 4)");
    assertThatThrownBy(() -> reader.read("x.yaml", "base: &b {a: 1}\nkind: X\nc:\n  <<: *b\n"))
        .hasMessage("merge key << is not supported (at x.yaml, document 1, line 4, column 3)");
    assertThatThrownBy(() -> reader.read("x.yaml", "kind: !custom X\n"))
        .hasMessage("tag !custom is not supported (at x.yaml, document 1, line 1, column 7)");
    assertThatThrownBy(() -> reader.read("x.yaml", "kind: X\nv: .inf\n"))
        .hasMessage("number .inf is not finite (at x.yaml, document 1, line 2, column 4)");
  }

  @Test
  void acceptsCoreTags() {
    Manifest m = reader.read("kind: X\nv: !!str 3\n").get(0);
    assertThat(m.node().get("v").textValue()).isEqualTo("3");
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "kind: X\na: " + "[".repeat(150) + "]".repeat(150) + "\n";
    assertThatThrownBy(() -> reader.read("deep.yaml", deep))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("nesting is deeper than 100 levels (at deep.yaml, document 1, line 2, column 103)");
  }

  @Test
  void rejectsOversizedInput() {
    ManifestReader small = reader.withMaxBytes(100);
    String big = "kind: X\nv: " + "x".repeat(200) + "\n";
    assertThatThrownBy(() -> small.read("big.yaml", big))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("input is larger than the limit of 100 bytes (at big.yaml, document 0)");
    assertThatThrownBy(() -> small.read("big.yaml", new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
        .hasMessage("input is larger than the limit of 100 bytes (at big.yaml, document 0)");
    assertThat(small.read("kind: X\n")).hasSize(1);
  }

  @Test
  void defaultLimitIsFourMebibytes() {
    String item = "- " + "x".repeat(1019) + "\n"; // 1022 bytes
    String atLimit = "kind: X\nv:\n" + item.repeat(4104) + "z: 1\n";
    assertThat(atLimit.length()).isEqualTo(ManifestReader.DEFAULT_MAX_BYTES);
    assertThat(reader.read("limit.yaml", atLimit)).hasSize(1);
    assertThatThrownBy(() -> reader.read("limit.yaml", atLimit + " "))
        .hasMessage("input is larger than the limit of 4194304 bytes (at limit.yaml, document 0)");
  }

  @Test
  void refusesNonPositiveLimit() {
    assertThatThrownBy(() -> reader.withMaxBytes(0))
        .isInstanceOf(io.github.seldonhpa.HpaValidationException.class)
        .hasMessage("maxBytes must be >= 1 (was 0)");
    assertThatThrownBy(() -> Position.of(0, 1))
        .isInstanceOf(io.github.seldonhpa.HpaValidationException.class)
        .hasMessage("line and column must be >= 1 (was line 0, column 1)");
  }
}
